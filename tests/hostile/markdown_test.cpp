// Hostile Markdown bodies: 10,000-deep blockquotes, lists and link brackets. cmark-gfm parses
// them; what matters is that lint finishes quickly, in bounded memory, with no crash.
#include <gtest/gtest.h>

#include <string>

#include "tests/hostile/measure.h"

namespace skillkit {
namespace {
using testing::Measured;
using testing::run_measured;
using testing::TempDir;
using testing::write_file;

const char kFrontmatter[] =
    "---\nname: hostile\ndescription: Use this skill when checking that hostile input (bombs, deep "
    "nesting, "
    "huge trees) is refused cleanly by skillkit.\n---\n# Steps\n\n";

Measured lint_body(const std::string& body) {
  TempDir tmp;
  write_file(tmp / "hostile/SKILL.md", kFrontmatter + body + "\n");
  return run_measured({"lint", "hostile"}, tmp.path());
}

// The only finding is the body's length (each case is long on purpose): a warning, exit 0.
void expect_clean(const Measured& m, const std::string& expected) {
  EXPECT_EQ(m.signal, 0) << "killed by signal " << m.signal;
  EXPECT_LT(m.peak_kb, testing::kPeakLimitKb);
  EXPECT_LT(m.seconds, testing::kSlow * 10.0);
  EXPECT_EQ(m.status, 0) << m.out << m.err;
  EXPECT_EQ(m.err, "");
  EXPECT_EQ(m.out, expected);
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HostileMarkdown, DeepBlockquotes) {
  expect_clean(
      lint_body(repeat("> ", 10000) + "deep"),
      "hostile/SKILL.md: warning [SK200 body-too-long] the body has 3 lines and ~5004 tokens "
      "(limits: 500 lines, 5000 tokens); largest sections: `Steps` (3 lines, ~5004 tokens)\n  "
      "hint: move `Steps` to files in references/ and link them from SKILL.md; the agent reads "
      "them only when it needs them\n0 errors, 1 warning in 1 skill checked\n");
}

TEST(HostileMarkdown, DeepBlockquotesOnePerLine) {
  std::string body;
  for (int i = 1; i <= 2000; ++i) body += repeat(">", i) + "\n";
  expect_clean(
      lint_body(body),
      "hostile/SKILL.md: warning [SK200 body-too-long] the body has 2003 lines and ~500753 tokens "
      "(limits: 500 lines, 5000 tokens); largest sections: `Steps` (2003 lines, ~500753 tokens)\n  "
      "hint: move `Steps` to files in references/ and link them from SKILL.md; the agent reads "
      "them only when it needs them\n0 errors, 1 warning in 1 skill checked\n");
}

TEST(HostileMarkdown, DeepLists) {
  expect_clean(
      lint_body(repeat("- ", 10000) + "deep"),
      "hostile/SKILL.md: warning [SK200 body-too-long] the body has 3 lines and ~5004 tokens "
      "(limits: 500 lines, 5000 tokens); largest sections: `Steps` (3 lines, ~5004 tokens)\n  "
      "hint: move `Steps` to files in references/ and link them from SKILL.md; the agent reads "
      "them only when it needs them\n0 errors, 1 warning in 1 skill checked\n");
}

TEST(HostileMarkdown, DeepOrderedListsAndQuotes) {
  expect_clean(
      lint_body(repeat("1. > ", 5000) + "deep"),
      "hostile/SKILL.md: warning [SK200 body-too-long] the body has 3 lines and ~6254 tokens "
      "(limits: 500 lines, 5000 tokens); largest sections: `Steps` (3 lines, ~6254 tokens)\n  "
      "hint: move `Steps` to files in references/ and link them from SKILL.md; the agent reads "
      "them only when it needs them\n0 errors, 1 warning in 1 skill checked\n");
}

TEST(HostileMarkdown, DeepLinkBrackets) {
  expect_clean(
      lint_body(repeat("[", 10000) + "x" + repeat("](#a)", 10000)),
      "hostile/SKILL.md: warning [SK200 body-too-long] the body has 3 lines and ~15003 tokens "
      "(limits: 500 lines, 5000 tokens); largest sections: `Steps` (3 lines, ~15003 tokens)\n  "
      "hint: move `Steps` to files in references/ and link them from SKILL.md; the agent reads "
      "them only when it needs them\n0 errors, 1 warning in 1 skill checked\n");
}

}  // namespace
}  // namespace skillkit
