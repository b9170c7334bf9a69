// The engine: inline suppressions, config layers/overrides/ignore, deterministic order.
#include "lint/engine.h"

#include <gtest/gtest.h>

#include "lint/reporters.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

const char* kDescription =
    "Use this skill when the example service returns errors after a deployment, to find the "
    "change that caused them.";

std::string skill_md(const std::string& name, const std::string& extra_fm = "",
                     const std::string& body = "# Steps\n\nCheck.\n") {
  return "---\nname: " + name + "\ndescription: " + kDescription + "\n" + extra_fm + "---\n" + body;
}

std::vector<std::string> lint(const fs::path& root, const std::string& config_text = "") {
  LintSettings settings;
  const fs::path config = root / "config.yaml";
  write_file(config, config_text);
  settings.config_file = config;
  const Discovery found = discover_skills({root.string()});
  const LintResult result = lint_skills(found.skills, settings);
  std::vector<std::string> out = result.errors;
  for (const Diagnostic& d : result.diagnostics)
    out.push_back(format_short(d).substr(root.string().size() + 1));
  return out;
}

TEST(Suppressions, FrontmatterCommentAndBodyComment) {
  TempDir tmp;
  write_file(tmp / "a/SKILL.md",
             skill_md("other", "# skillkit-disable SK103, unknown-key\nextra: 1\n"));
  write_file(tmp / "b/SKILL.md",
             skill_md("other", "", "<!-- skillkit-disable name-directory-mismatch -->\n"));
  write_file(tmp / "c/SKILL.md", skill_md("other"));
  EXPECT_EQ(lint(tmp.path()), std::vector<std::string>{
                                  "c/SKILL.md:2:7: SK103 `name` is `other` but the folder is `c`"});
}

TEST(Suppressions, UnknownWordsDoNotSilenceEverything) {
  TempDir tmp;
  write_file(tmp / "a/SKILL.md", skill_md("other", "# skillkit-disable SK9999\n"));
  EXPECT_EQ(lint(tmp.path()).size(), 1u);
  write_file(tmp / "a/SKILL.md", skill_md("other", "# skillkit-disable\n"));
  EXPECT_TRUE(lint(tmp.path()).empty());
}

TEST(Suppressions, MarkerOutsideACommentDoesNothing) {
  TempDir tmp;
  write_file(tmp / "a/SKILL.md",
             skill_md("other", "", "Write skillkit-disable SK103 in a comment.\n"));
  EXPECT_EQ(lint(tmp.path()).size(), 1u);
}

TEST(Suppressions, PolicyRulesCannotBeSilencedInline) {
  TempDir tmp;
  write_file(tmp / "a/SKILL.md", skill_md("a", "# skillkit-disable SK900 policy-metadata\n"));
  const auto found =
      lint(tmp.path(), "rules:\n  policy-metadata:\n    keys:\n      version: {required: true}\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, 16), "a/SKILL.md:2:1: ");
  EXPECT_NE(found[0].find("SK900"), std::string::npos);
}

TEST(Config, LayersOverridesAndIgnore) {
  TempDir tmp;
  write_file(tmp / "legacy/x/SKILL.md", skill_md("other"));
  write_file(tmp / "new/y/SKILL.md", skill_md("other"));
  write_file(tmp / "vendor/z/SKILL.md", skill_md("other"));
  const auto found =
      lint(tmp.path(),
           "ignore: [vendor]\noverrides:\n  - files: [legacy/**]\n    rules: {SK103: warning}\n");
  EXPECT_EQ(found, (std::vector<std::string>{
                       "legacy/x/SKILL.md:2:7: SK103 `name` is `other` but the folder is `x`",
                       "new/y/SKILL.md:2:7: SK103 `name` is `other` but the folder is `y`"}));
  EXPECT_TRUE(lint(tmp.path(), "layers: {agentskills: false, devops-agent: false}\n").empty());
  // A rule named in `rules` stays on even when its layer is off.
  EXPECT_EQ(lint(tmp.path(), "layers: {agentskills: false}\nrules: {SK103: error}\n").size(), 3u);
}

TEST(Config, ErrorsNameFileLineAndColumn) {
  TempDir tmp;
  write_file(tmp / "a/SKILL.md", skill_md("a"));
  const std::string file = (tmp / "config.yaml").string();
  EXPECT_EQ(lint(tmp.path(), "rules:\n  SK103: loud\n"),
            std::vector<std::string>{
                file + ":2:10: `loud` is not a severity (off, info, warning, error)"});
  EXPECT_EQ(lint(tmp.path(), "rulez: {}\n"),
            std::vector<std::string>{
                file + ":1:1: unknown config key `rulez` (layers, rules, ignore, overrides)"});
  EXPECT_EQ(
      lint(tmp.path(), "rules:\n  name-directory-mismatch: {fix-nam: true}\n"),
      std::vector<std::string>{file + ":2:29: rule SK103 (name-directory-mismatch) has no option "
                                      "`fix-nam` (options: fix-name)"});
  EXPECT_EQ(lint(tmp.path(), "layers: {devops: false}\n"),
            std::vector<std::string>{
                file + ":1:10: unknown layer `devops` (agentskills, devops-agent, policy)"});
}

TEST(Engine, OutputIsSortedWhateverTheThreadCount) {
  TempDir tmp;
  for (int i = 0; i < 40; ++i)
    write_file(tmp / ("s" + std::to_string(i)) / "SKILL.md", skill_md("other"));
  const Discovery found = discover_skills({tmp.path().string()});
  LintSettings one, many;
  one.jobs = 1;
  many.jobs = 8;
  const auto a = lint_skills(found.skills, one).diagnostics;
  const auto b = lint_skills(found.skills, many).diagnostics;
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(format_short(a[i]), format_short(b[i]));
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end(), diagnostic_less));
}

}  // namespace
}  // namespace skillkit
