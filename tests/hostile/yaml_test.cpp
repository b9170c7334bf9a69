// Hostile YAML: alias bombs ("billion laughs") and 10,000-deep nesting, in a SKILL.md
// frontmatter (lint) and in an SSM Automation document (migrate, which does expand aliases).
#include <gtest/gtest.h>

#include <string>

#include "tests/hostile/measure.h"

namespace skillkit {
namespace {
using testing::Measured;
using testing::run_measured;
using testing::TempDir;
using testing::write_file;

// Nine levels of nine aliases each: 9^9 (387 million) leaves if anything expanded them.
std::string alias_bomb(std::string_view indent) {
  std::string out = std::string(indent) + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 9; ++level) {
    const std::string prev = "*l" + std::to_string(level - 1);
    out +=
        std::string(indent) + "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int k = 0; k < 9; ++k) out += (k ? ", " : "") + prev;
    out += "]\n";
  }
  return out;
}

std::string skill_md(std::string_view extra_frontmatter) {
  return "---\nname: hostile\ndescription: Use this skill when checking that hostile input "
         "(bombs, deep nesting, huge trees) is refused cleanly by skillkit.\n" +
         std::string(extra_frontmatter) + "---\n# Steps\n\nCheck the input.\n";
}

void expect_bounded(const Measured& m) {
  EXPECT_EQ(m.signal, 0) << "killed by signal " << m.signal;
  EXPECT_LT(m.peak_kb, testing::kPeakLimitKb);
  EXPECT_LT(m.seconds, testing::kSlow * 20.0);
}

TEST(HostileYaml, AliasBombInFrontmatterIsNeverExpanded) {
  TempDir tmp;
  write_file(tmp / "hostile/SKILL.md", skill_md("metadata:\n" + alias_bomb("  ")));
  const Measured m = run_measured({"lint", "--format", "github", "hostile"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.err, "");
  EXPECT_EQ(
      m.out,
      "::error file=hostile/SKILL.md,line=5,col=7,title=SK123 metadata-value-string::`metadata.l0` "
      "is a list, not a string (hint: metadata values are plain strings: write it as one quoted "
      "string (e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=6,col=7,title=SK123 metadata-value-string::`metadata.l1` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=7,col=7,title=SK123 metadata-value-string::`metadata.l2` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=8,col=7,title=SK123 metadata-value-string::`metadata.l3` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=9,col=7,title=SK123 metadata-value-string::`metadata.l4` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=10,col=7,title=SK123 metadata-value-string::`metadata.l5` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=11,col=7,title=SK123 metadata-value-string::`metadata.l6` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=12,col=7,title=SK123 metadata-value-string::`metadata.l7` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n::error "
      "file=hostile/SKILL.md,line=13,col=7,title=SK123 metadata-value-string::`metadata.l8` is a "
      "list, not a string (hint: metadata values are plain strings: write it as one quoted string "
      "(e.g. comma-separated) or move it out of `metadata`)\n");
}

TEST(HostileYaml, DeepFlowSequenceInFrontmatterIsAYamlError) {
  TempDir tmp;
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  write_file(tmp / "hostile/SKILL.md", skill_md("deep: " + deep + "\n"));
  const Measured m = run_measured({"lint", "--format", "github", "hostile"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.err, "");
  EXPECT_EQ(m.out,
            "::error file=hostile/SKILL.md,line=4,col=20007,title=SK005 yaml-syntax::invalid YAML: "
            "bad file\n");
}

TEST(HostileYaml, DeepFlowMappingInFrontmatterIsAYamlError) {
  TempDir tmp;
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{a: ";
  deep += "x" + std::string(10000, '}');
  write_file(tmp / "hostile/SKILL.md", skill_md("deep: " + deep + "\n"));
  const Measured m = run_measured({"lint", "--format", "github", "hostile"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.err, "");
  EXPECT_EQ(m.out,
            "::error file=hostile/SKILL.md,line=4,col=1998,title=SK005 yaml-syntax::invalid YAML: "
            "bad file\n");
}

TEST(HostileYaml, AliasBombInSsmDocumentStopsAtTheNodeBudget) {
  TempDir tmp;
  write_file(tmp / "in/bomb.yaml",
             "schemaVersion: '0.3'\ndescription: Restart the cache.\n" + alias_bomb("") +
                 "mainSteps:\n  - name: s\n    action: aws:sleep\n    inputs:\n      X: *l8\n");
  const Measured m = run_measured({"migrate", "in/bomb.yaml", "--out", "out"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.out + m.err,
            "in/bomb.yaml -> (no name) (failed)\n  error: not a valid YAML document: the document "
            "is too large, nests deeper than 100 levels or uses keys that are not plain values\n1 "
            "runbook: 0 written, 1 failed; 0 warnings to look at\n");
  EXPECT_FALSE(std::filesystem::exists(tmp / "out/bomb"));
}

TEST(HostileYaml, DeepNestingInSsmDocumentIsRefused) {
  TempDir tmp;
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  write_file(tmp / "in/deep.yaml",
             "schemaVersion: '0.3'\ndescription: Restart the cache.\n"
             "mainSteps:\n  - name: s\n    inputs:\n      X: " +
                 deep + "\n");
  write_file(tmp / "in/deep.json",
             "{\"schemaVersion\": \"0.3\", \"description\": \"Restart the cache.\", "
             "\"mainSteps\": [{\"name\": \"s\", \"inputs\": {\"X\": " +
                 std::string(100000, '[') + std::string(100000, ']') + "}}]}\n");
  const Measured m =
      run_measured({"migrate", "in/deep.yaml", "in/deep.json", "--out", "out"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.out + m.err,
            "in/deep.json -> (no name) (failed)\n"
            "  error: not a valid JSON document: it nests deeper than 100 levels\n"
            "in/deep.yaml -> (no name) (failed)\n"
            "  error: not a valid YAML document: yaml-cpp: error at line 6, column 20010: bad "
            "file\n"
            "2 runbooks: 0 written, 2 failed; 0 warnings to look at\n");
}

}  // namespace
}  // namespace skillkit
