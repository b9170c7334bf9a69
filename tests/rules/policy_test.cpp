// The policy rules (SK900-SK902) configured: the shipped docs/example-policy.yaml over the skills
// in testdata/policy/, and each option's edge cases under small configs written here. (The
// fixture runner lints with the empty config, under which policy rules report nothing.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "lint/config.h"
#include "lint/engine.h"
#include "lint/reporters.h"
#include "rules/registry.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const fs::path kExamplePolicy = fs::path(SKILLKIT_SOURCE_DIR) / "docs" / "example-policy.yaml";
const fs::path kCases = fs::path(SKILLKIT_TESTDATA_DIR) / "policy";

// Lints each {dir, display} with `config`, the policy rules only; findings in short form.
std::vector<std::string> lint(const fs::path& config, const std::vector<SkillRef>& skills) {
  LintSettings settings;
  settings.config_file = config;
  settings.only_rules = {"SK900", "SK901", "SK902"};
  const LintResult result = lint_skills(skills, settings);
  EXPECT_THAT(result.errors, IsEmpty());
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) {
    EXPECT_EQ(d.severity, Severity::Error) << format_short(d);
    out.push_back(format_short(d));
  }
  return out;
}

std::vector<std::string> lint_case(const std::string& name) {
  return lint(kExamplePolicy, {{kCases / name, name}});
}

// A config holding `rules:` text, written in `tmp`.
fs::path config(const testing::TempDir& tmp, std::string_view rules) {
  const fs::path file = tmp / "policy.yaml";
  testing::write_file(file, std::string("rules:\n") + std::string(rules));
  return file;
}

const std::string kDescription =
    "description: Use this skill when an Aurora cluster shows rising commit latency during an "
    "incident, to find the blocking sessions.\n";

// --- the shipped example policy -------------------------------------------------------------

TEST(ExamplePolicy, LoadsAndConfiguresEveryPolicyRule) {
  std::string error;
  const auto loaded = load_config(kExamplePolicy, error);
  ASSERT_TRUE(loaded) << error;
  const std::vector<ActiveRule> active = resolve_rules(*loaded, kCases / "conforming");
  int policies = 0;
  for (const ActiveRule& a : active) {
    if (a.rule->layer != Layer::Policy) continue;
    ++policies;
    EXPECT_EQ(a.severity, Severity::Error) << a.rule->id;
    EXPECT_TRUE(loaded->rules.count(a.rule)) << a.rule->id << " is not configured";
  }
  EXPECT_EQ(policies, 3);
}

TEST(ExamplePolicy, ConformingSkillPasses) {
  EXPECT_THAT(lint_case("conforming"), IsEmpty());
}

TEST(ExamplePolicy, MetadataViolations) {
  EXPECT_THAT(
      lint_case("metadata-violations"),
      ElementsAre(
          "metadata-violations/SKILL.md:6:11: SK900 `metadata.author` is `tqquresh, inesttia`, "
          "which does not match the policy pattern `^(?=.{1,39}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$`",
          "metadata-violations/SKILL.md:7:12: SK900 `metadata.version` is `1.0`, not a semantic "
          "version MAJOR.MINOR.PATCH",
          "metadata-violations/SKILL.md:8:40: SK900 `metadata.aws-devops-agent-skills.agent-types` "
          "has `incident rca`, `Postmortem`, not in the policy vocabulary",
          "metadata-violations/SKILL.md:9:46: SK900 "
          "`metadata.aws-devops-agent-skills.technical-domains` has 105 characters; the policy "
          "limit is 100"));
}

TEST(ExamplePolicy, MissingMetadataAndShortDescription) {
  EXPECT_THAT(lint_case("missing-metadata"),
              ElementsAre("missing-metadata/SKILL.md:2:1: SK900 `metadata.author` is missing; "
                          "the catalog policy requires it",
                          "missing-metadata/SKILL.md:2:1: SK900 `metadata.version` is missing; "
                          "the catalog policy requires it",
                          "missing-metadata/SKILL.md:3:14: SK902 `description` has 41 "
                          "characters; the policy requires at least 100"));
}

TEST(ExamplePolicy, IncompleteMetadata) {
  EXPECT_THAT(lint_case("incomplete-metadata"),
              ElementsAre("incomplete-metadata/SKILL.md:5:1: SK900 `metadata.author` is missing; "
                          "the catalog policy requires it",
                          "incomplete-metadata/SKILL.md:6:3: SK900 `metadata.version` is empty; "
                          "the catalog policy requires it"));
}

TEST(ExamplePolicy, PathViolations) {
  const std::string pattern =
      "the policy's path pattern "
      "`^(SKILL\\.md|references/[a-z0-9][a-z0-9._-]*\\.md|assets/[a-z0-9][a-z0-9._/-]*)$`";
  const std::string csv =
      "assets/aurora-postgresql-commit-latency-baseline-for-the-production-cluster-in-eu-west-1-"
      "2024-q4-v2.csv";
  EXPECT_THAT(
      lint_case("path-violations"),
      ElementsAre(
          "path-violations/DEPLOYMENT.md: SK901 `DEPLOYMENT.md` does not match " + pattern,
          "path-violations/" + csv + ": SK901 `" + csv +
              "` has 103 characters; the policy's path limit is 100",
          "path-violations/references/Runbook.md: SK901 `references/Runbook.md` does not match " +
              pattern,
          "path-violations/references/check.py: SK901 `references/check.py` does not match " +
              pattern,
          "path-violations/references/check.py: SK901 `references/check.py` is forbidden by the "
          "policy (`*.py`)",
          "path-violations/references/deep/nested.md: SK901 `references/deep/nested.md` does not "
          "match " +
              pattern,
          "path-violations/scripts/restart.sh: SK901 `scripts/restart.sh` does not match " +
              pattern,
          "path-violations/scripts/restart.sh: SK901 `scripts/restart.sh` is forbidden by the "
          "policy (`scripts/`)"));
}

TEST(ExamplePolicy, FileCountAndZipCap) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "big";
  fs::copy(kCases / "conforming", dir, fs::copy_options::recursive);
  // With SKILL.md, setup.md, baseline.png and dump.csv: 23 packed files; the limit is 20.
  for (int i = 0; i < 19; ++i)
    testing::write_file(dir / "references" / ("part-" + std::to_string(10 + i) + ".md"), "x\n");
  testing::write_file(dir / "assets" / "dump.csv", std::string(1 << 20, 'a'));
  // Not packed, so not counted.
  testing::write_file(dir / "evals" / "huge.json", std::string(2 << 20, 'b'));
  std::uintmax_t data = 0, headers = 22;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string rel = fs::relative(e.path(), dir).generic_string();
    if (!e.is_regular_file() || rel.starts_with("evals/") || rel == "README.md") continue;
    data += e.file_size();
    headers += 76 + 2 * rel.size();
  }
  EXPECT_THAT(
      lint(kExamplePolicy, {{dir, "big"}}),
      ElementsAre("big/SKILL.md: SK902 the pack would hold 23 files; the policy allows at most 20",
                  "big/SKILL.md: SK902 the pack would take up to " +
                      std::to_string(data + headers) + " bytes (" + std::to_string(data) +
                      " bytes of files before compression, plus zip headers); the "
                      "policy allows at most 1048576"));
}

TEST(ExamplePolicy, AwsSamplesCatalog) {
  const fs::path root = fs::path(SKILLKIT_SHARED_DIR) / "corpus" /
                        "aws-samples__sample-devops-agent-tools" / "skills";
  if (!fs::exists(root)) GTEST_SKIP() << "no corpus at " << root;
  std::vector<SkillRef> skills;
  for (const auto& e : fs::directory_iterator(root))
    if (fs::exists(e.path() / "SKILL.md"))
      skills.push_back({e.path(), e.path().filename().string()});
  ASSERT_GE(skills.size(), 10u);
  // Two skills break the policy: a two-part version, and two authors in one field; one packs a
  // file the path pattern does not allow.
  EXPECT_THAT(
      lint(kExamplePolicy, skills),
      ElementsAre("database-rds-devops/DEPLOYMENT.md: SK901 `DEPLOYMENT.md` does not match the "
                  "policy's path pattern "
                  "`^(SKILL\\.md|references/[a-z0-9][a-z0-9._-]*\\.md|assets/"
                  "[a-z0-9][a-z0-9._/-]*)$`",
                  "database-rds-devops/SKILL.md:5:12: SK900 `metadata.version` is `1.0`, not a "
                  "semantic version MAJOR.MINOR.PATCH",
                  "investigation-cost-guardrail/SKILL.md:5:11: SK900 `metadata.author` is "
                  "`tqquresh, inesttia`, which does not match the policy pattern "
                  "`^(?=.{1,39}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$`"));
}

TEST(PolicyRules, SilentWithoutOptions) {
  const fs::path empty = fs::path(SKILLKIT_TESTDATA_DIR) / "rules" / "fixture-config.yaml";
  for (const char* name : {"conforming", "metadata-violations", "missing-metadata",
                           "incomplete-metadata", "path-violations"})
    EXPECT_THAT(lint(empty, {{kCases / name, name}}), IsEmpty()) << name;
}

TEST(PolicyRules, OptionTypesAreCheckedByTheConfigLoader) {
  testing::TempDir tmp;
  std::string error;
  EXPECT_FALSE(load_config(config(tmp, "  SK900: {keys: [version]}\n"), error));
  EXPECT_THAT(error, HasSubstr("option `keys` of SK900 must be of type map"));
  EXPECT_FALSE(load_config(config(tmp, "  policy-limits: {max-files: many}\n"), error));
  EXPECT_THAT(error, HasSubstr("option `max-files` of SK902 must be of type int"));
}

// --- SK900 policy-metadata ---------------------------------------------------------------------

TEST(PolicyMetadata, SemanticVersions) {
  testing::TempDir tmp;
  const fs::path cfg = config(tmp, "  SK900: {keys: {version: {format: semver}}}\n");
  // semver.org's own lists of valid and invalid versions, and a few more.
  const std::vector<std::string> valid = {
      "0.0.4",
      "1.2.3",
      "10.20.30",
      "1.1.2-prerelease+meta",
      "1.1.2+meta",
      "1.1.2+meta-valid",
      "1.0.0-alpha",
      "1.0.0-beta",
      "1.0.0-alpha.beta",
      "1.0.0-alpha.beta.1",
      "1.0.0-alpha.1",
      "1.0.0-alpha0.valid",
      "1.0.0-alpha.0valid",
      "1.0.0-alpha-a.b-c-somethinglong+build.1-aef",
      "1.0.0-rc.1+build.1",
      "2.0.0-rc.1+build.123",
      "1.2.3-beta",
      "10.2.3-DEV-SNAPSHOT",
      "1.2.3-SNAPSHOT-123",
      "2.0.0+build.1848",
      "2.0.1-alpha.1227",
      "1.0.0-alpha+beta",
      "1.2.3----RC-SNAPSHOT.12.9.1--.12+788",
      "1.2.3----R-S.12.9.1--.12+meta",
      "1.2.3----RC-SNAPSHOT.12.9.1--.12",
      "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
      "99999999999999999999999.999999999999999999.99999999999999999",
      "1.0.0-0A.is.legal",
      "1.0.0+007"};
  const std::vector<std::string> invalid = {"1",
                                            "1.2",
                                            "1.2.3-0123",
                                            "1.2.3-0123.0123",
                                            "1.1.2+.123",
                                            "+invalid",
                                            "-invalid",
                                            "-invalid+invalid",
                                            "-invalid.01",
                                            "alpha",
                                            "alpha.beta",
                                            "alpha.beta.1",
                                            "alpha.1",
                                            "alpha+beta",
                                            "alpha_beta",
                                            "alpha.",
                                            "alpha..",
                                            "beta",
                                            "1.0.0-alpha_beta",
                                            "-alpha.",
                                            "1.0.0-alpha..",
                                            "1.0.0-alpha..1",
                                            "1.0.0-alpha...1",
                                            "1.0.0-alpha....1",
                                            "1.0.0-alpha.....1",
                                            "1.0.0-alpha......1",
                                            "1.0.0-alpha.......1",
                                            "01.1.1",
                                            "1.01.1",
                                            "1.1.01",
                                            "1.2.3.DEV",
                                            "1.2-SNAPSHOT",
                                            "1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788",
                                            "1.2-RC-SNAPSHOT",
                                            "-1.0.3-gamma+b7718",
                                            "+justmeta",
                                            "9.8.7+meta+meta",
                                            "9.8.7-whatever+meta+meta",
                                            "v1.0.0",
                                            "1.0.0-",
                                            "1.0.0+",
                                            " 1.0.0",
                                            "1.0.0 ",
                                            "1.0.0-é"};
  std::vector<SkillRef> skills;
  std::vector<std::string> expected;
  for (size_t i = 0; i < valid.size() + invalid.size(); ++i) {
    const bool ok = i < valid.size();
    const std::string& v = ok ? valid[i] : invalid[i - valid.size()];
    const std::string name = "s" + std::to_string(100 + i);
    testing::write_file(tmp / name / "SKILL.md", "---\nname: " + name + "\n" + kDescription +
                                                     "metadata:\n  version: '" + v + "'\n---\n");
    skills.push_back({tmp / name, name});
    if (!ok)
      expected.push_back(name + "/SKILL.md:5:12: SK900 `metadata.version` is `" + v +
                         "`, not a semantic version MAJOR.MINOR.PATCH");
  }
  EXPECT_EQ(lint(cfg, skills), expected);
}

TEST(PolicyMetadata, HintForLeadingV) {
  testing::TempDir tmp;
  LintSettings settings;
  settings.config_file = config(tmp, "  SK900: {keys: {version: {format: semver}}}\n");
  settings.only_rules = {"SK900"};
  testing::write_file(tmp / "a" / "SKILL.md",
                      "---\nname: a\n" + kDescription + "metadata:\n  version: v1.2.0\n---\n");
  const LintResult r = lint_skills({{tmp / "a", "a"}}, settings);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].hint, "drop the leading `v`");
}

TEST(PolicyMetadata, EnumVocabularySeparatorAndCaseHint) {
  testing::TempDir tmp;
  const fs::path cfg = config(tmp,
                              "  policy-metadata:\n"
                              "    keys:\n"
                              "      team: {enum: [sre, dba]}\n"
                              "      tags: {vocabulary: [db, net, ops], separator: ' / '}\n"
                              "      owner: {required: false, max-length: 3}\n");
  testing::write_file(tmp / "a" / "SKILL.md", "---\nname: a\n" + kDescription +
                                                  "metadata:\n"
                                                  "  team: SRE\n"
                                                  "  tags: db / Net / ops /  / web, ops\n"
                                                  "  owner: \"é\u00e9e\"\n---\n");
  testing::write_file(tmp / "b" / "SKILL.md", "---\nname: b\n" + kDescription +
                                                  "metadata:\n"
                                                  "  team: dba\n"
                                                  "  tags: db/net\n"
                                                  "  owner: \"\"\n---\n");
  EXPECT_THAT(lint(cfg, {{tmp / "a", "a"}, {tmp / "b", "b"}}),
              ElementsAre("a/SKILL.md:5:9: SK900 `metadata.team` is `SRE`; the policy allows "
                          "only: sre, dba",
                          "a/SKILL.md:6:9: SK900 `metadata.tags` has `Net`, `web, ops`, not in "
                          "the policy vocabulary",
                          "b/SKILL.md:6:9: SK900 `metadata.tags` has `db/net`, not in the policy "
                          "vocabulary"));
  LintSettings settings;
  settings.config_file = cfg;
  settings.only_rules = {"SK900"};
  const LintResult r = lint_skills({{tmp / "a", "a"}}, settings);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[1].hint,
            "`Net` is written `net`; use values from: db, net, ops (separated by ` / `)");
}

TEST(PolicyMetadata, ValueShapes) {
  testing::TempDir tmp;
  const fs::path cfg =
      config(tmp, "  SK900: {keys: {version: {required: true, format: semver}}}\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"float", "metadata:\n  version: 1.0\n"},          // checked as the text `1.0`
      {"list", "metadata:\n  version: [1, 0, 0]\n"},     // a type problem: another rule's
      {"nested", "metadata:\n  version: {major: 1}\n"},  // same
      {"scalar-metadata", "metadata: 1.0.0\n"},          // same
      {"null-metadata", "metadata:\n"},                  // absent: the key is missing
      {"null-value", "metadata:\n  version:\n"},         // empty
      {"quoted", "metadata:\n  \"version\": \"1.0.0\"\n"},
  };
  std::vector<SkillRef> skills;
  for (const auto& [name, yaml] : cases) {
    testing::write_file(tmp / name / "SKILL.md",
                        "---\nname: " + name + "\n" + kDescription + yaml + "---\n");
    skills.push_back({tmp / name, name});
  }
  EXPECT_THAT(
      lint(cfg, skills),
      ElementsAre(
          "float/SKILL.md:5:12: SK900 `metadata.version` is `1.0`, not a semantic version "
          "MAJOR.MINOR.PATCH",
          "null-metadata/SKILL.md:4:1: SK900 `metadata.version` is missing; the catalog policy "
          "requires it",
          "null-value/SKILL.md:5:3: SK900 `metadata.version` is empty; the catalog policy "
          "requires it"));
}

TEST(PolicyMetadata, InvalidOptionsAreFindingsAndValidKeysStillApply) {
  testing::TempDir tmp;
  const fs::path cfg = config(tmp,
                              "  SK900:\n"
                              "    keys:\n"
                              "      version: {required: true, fromat: semver}\n"  // line 4
                              "      author: {pattern: '[a-'}\n"
                              "      team: {enum: []}\n"
                              "      owner: {format: date}\n"
                              "      tier: {separator: ';'}\n"
                              "      size: {max-length: -3}\n"
                              "      flag: {required: maybe}\n"
                              "      name: required\n"
                              "      ok: {required: true}\n"
                              "      ok: {required: false}\n");  // line 13
  testing::write_file(tmp / "a" / "SKILL.md",
                      "---\nname: a\n" + kDescription + "metadata:\n  author: '[a-'\n---\n");
  const std::vector<std::string> found = lint(cfg, {{tmp / "a", "a"}});
  ASSERT_EQ(found.size(), 10u);
  const std::string p = "a/SKILL.md: SK900 policy-metadata: invalid option ";
  // Sorted by message.
  EXPECT_EQ(found[0], p +
                          "`keys.author.pattern` (config line 5): `[a-` is not a valid regular "
                          "expression: " +
                          found[0].substr(found[0].find("expression: ") + 12));
  EXPECT_EQ(found[1], p + "`keys.flag.required` (config line 10): must be true or false");
  EXPECT_EQ(found[2], p + "`keys.name` (config line 11): expected a mapping of constraints "
                          "(required, enum, pattern, format, vocabulary, separator, max-length)");
  EXPECT_EQ(found[3], p + "`keys.ok` (config line 13): is given twice");
  EXPECT_EQ(found[4], p + "`keys.owner.format` (config line 7): the only format is `semver`");
  EXPECT_EQ(found[5], p + "`keys.size.max-length` (config line 9): must be a whole number, 0 or "
                          "more");
  EXPECT_EQ(found[6], p + "`keys.team.enum` (config line 6): must be a non-empty list of strings");
  EXPECT_EQ(found[7], p + "`keys.tier.separator` (config line 8): applies to `vocabulary`, which "
                          "is not set");
  EXPECT_EQ(found[8], p + "`keys.version.fromat` (config line 4): unknown constraint (known: "
                          "required, enum, pattern, format, vocabulary, separator, max-length)");
  // The valid key still applies; the invalid `version` is skipped (not reported missing).
  EXPECT_EQ(found[9],
            "a/SKILL.md:4:1: SK900 `metadata.ok` is missing; the catalog policy "
            "requires it");
}

TEST(PolicyMetadata, HugeValuesAndHostilePatternsAreSafe) {
  testing::TempDir tmp;
  const fs::path cfg = config(tmp,
                              "  SK900:\n"
                              "    keys:\n"
                              "      long: {pattern: '.*x'}\n"
                              "      evil: {pattern: '(a+)+$'}\n");
  testing::write_file(tmp / "a" / "SKILL.md", "---\nname: a\n" + kDescription +
                                                  "metadata:\n  long: '" +
                                                  std::string(2 << 20, 'a') + "'\n  evil: '" +
                                                  std::string(40, 'a') + "b'\n---\n");
  const std::vector<std::string> found = lint(cfg, {{tmp / "a", "a"}});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_THAT(found[0], HasSubstr("`metadata.long` is `aaaa"));
  EXPECT_THAT(found[1], HasSubstr("`metadata.evil` is `aaaa"));
}

// --- SK901 policy-paths ------------------------------------------------------------------------

TEST(PolicyPaths, ForbidUsesSkillignoreSyntax) {
  testing::TempDir tmp;
  const fs::path cfg = config(tmp,
                              "  policy-paths:\n"
                              "    forbid: ['assets/**/*.pdf', '!assets/manual.pdf', '/top.txt',\n"
                              "             'tmp/', '*.SH']\n");
  const fs::path dir = tmp / "a";
  testing::write_file(dir / "SKILL.md", "---\nname: a\n" + kDescription + "---\n");
  for (const char* f : {"assets/a.pdf", "assets/manual.pdf", "assets/x/b.pdf", "top.txt",
                        "references/top.txt", "references/tmp/n.md", "run.sh", "RUN.SH"})
    testing::write_file(dir / f, "x\n");
  testing::write_file(dir / ".skillignore", "assets/x/\n");  // not packed: not checked
  EXPECT_THAT(lint(cfg, {{dir, "a"}}),
              ElementsAre("a/RUN.SH: SK901 `RUN.SH` is forbidden by the policy (`*.SH`)",
                          "a/assets/a.pdf: SK901 `assets/a.pdf` is forbidden by the policy "
                          "(`assets/**/*.pdf`)",
                          "a/references/tmp/n.md: SK901 `references/tmp/n.md` is forbidden by "
                          "the policy (`tmp/`)",
                          "a/top.txt: SK901 `top.txt` is forbidden by the policy (`/top.txt`)"));
}

TEST(PolicyPaths, LengthCountsCharactersAndInvalidOptionsAreFindings) {
  testing::TempDir tmp;
  const fs::path cfg = config(tmp,
                              "  policy-paths:\n"
                              "    pattern: '(unclosed'\n"
                              "    max-length: 12\n");
  const fs::path dir = tmp / "a";
  testing::write_file(dir / "SKILL.md", "---\nname: a\n" + kDescription + "---\n");
  testing::write_file(dir / "assets/ééééé.md", "x\n");  // 15 characters, 20 bytes
  testing::write_file(dir / "assets/éééé.md", "x\n");   // 14 characters
  testing::write_file(dir / "assets/12.md", "x\n");     // 12 characters
  const std::vector<std::string> found = lint(cfg, {{dir, "a"}});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_THAT(found[0], HasSubstr("a/SKILL.md: SK901 policy-paths: invalid option `pattern` "
                                  "(config line 3): `(unclosed` is not a valid regular "
                                  "expression: "));
  EXPECT_EQ(found[1],
            "a/assets/éééé.md: SK901 `assets/éééé.md` has 14 characters; the policy's path limit "
            "is 12");
  EXPECT_EQ(found[2],
            "a/assets/ééééé.md: SK901 `assets/ééééé.md` has 15 characters; the policy's path "
            "limit is 12");

  const fs::path negative = config(tmp, "  policy-paths: {max-length: -1}\n");
  EXPECT_THAT(lint(negative, {{dir, "a"}}),
              ElementsAre("a/SKILL.md: SK901 policy-paths: invalid option `max-length` (config "
                          "line 2): must be a whole number, 0 or more"));
}

// --- SK902 policy-limits -----------------------------------------------------------------------

TEST(PolicyLimits, BoundariesAreInclusive) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "a";
  // 100 characters of description; "é" is one character (two bytes).
  const std::string description = "Use this skill when é" + std::string(79, 'x');
  testing::write_file(dir / "SKILL.md", "---\nname: a\ndescription: " + description + "\n---\n");
  testing::write_file(dir / "references/r.md", std::string(1000, 'r'));
  testing::write_file(dir / "README.md", std::string(5000, 'z'));  // not packed
  const std::uintmax_t skill_md = fs::file_size(dir / "SKILL.md");
  const unsigned long long bound = skill_md + 1000 + 2 * 76 + 2 * (8 + 15) + 22;

  const auto limits = [&](unsigned long long files, unsigned long long zip, int description_min) {
    return lint(config(tmp, "  policy-limits: {max-files: " + std::to_string(files) +
                                ", max-zip-bytes: " + std::to_string(zip) +
                                ", min-description: " + std::to_string(description_min) + "}\n"),
                {{dir, "a"}});
  };
  EXPECT_THAT(limits(2, bound, 100), IsEmpty());
  EXPECT_THAT(
      limits(1, bound - 1, 101),
      ElementsAre("a/SKILL.md: SK902 the pack would hold 2 files; the policy allows at most 1",
                  "a/SKILL.md: SK902 the pack would take up to " + std::to_string(bound) +
                      " bytes (" + std::to_string(skill_md + 1000) +
                      " bytes of files before compression, plus zip headers); the policy "
                      "allows at most " +
                      std::to_string(bound - 1),
                  "a/SKILL.md:3:14: SK902 `description` has 100 characters; the policy requires "
                  "at least 101"));
}

TEST(PolicyLimits, NumbersInYamlFormsAndInvalidValues) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "a";
  testing::write_file(dir / "SKILL.md", "---\nname: a\ndescription: Short.\n---\n");
  EXPECT_THAT(lint(config(tmp, "  SK902: {max-files: 0x1, min-description: 1_0}\n"), {{dir, "a"}}),
              ElementsAre("a/SKILL.md:3:14: SK902 `description` has 6 characters; the policy "
                          "requires at least 10"));
  EXPECT_THAT(lint(config(tmp, "  SK902: {max-files: -2, max-zip-bytes: 99999999999999999999}\n"),
                   {{dir, "a"}}),
              ElementsAre("a/SKILL.md: SK902 policy-limits: invalid option `max-files` (config "
                          "line 2): must be a whole number, 0 or more",
                          "a/SKILL.md: SK902 policy-limits: invalid option `max-zip-bytes` "
                          "(config line 2): must be a whole number, 0 or more"));
}

TEST(PolicyLimits, DescriptionProblemsBelongToOtherRules) {
  testing::TempDir tmp;
  const fs::path cfg = config(tmp, "  SK902: {min-description: 100}\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"missing", "---\nname: missing\n---\n"},
      {"empty", "---\nname: empty\ndescription: ''\n---\n"},
      {"number", "---\nname: number\ndescription: 42\n---\n"},
      {"broken", "---\nname: broken\ndescription: [unclosed\n---\n"},
      {"no-skill-md", ""},
  };
  std::vector<SkillRef> skills;
  for (const auto& [name, text] : cases) {
    if (!text.empty()) testing::write_file(tmp / name / "SKILL.md", text);
    fs::create_directories(tmp / name);
    skills.push_back({tmp / name, name});
  }
  EXPECT_THAT(lint(cfg, skills), IsEmpty());
}

}  // namespace
}  // namespace skillkit
