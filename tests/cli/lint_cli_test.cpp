// `skillkit lint`, `rules` and `explain` end to end: exact output per format and exit status.
// Goldens live in testdata/cli/; SKILLKIT_UPDATE_GOLDEN=1 rewrites them for review.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "tests/support/run.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::read_file;
using testing::run_skillkit;

const fs::path kData = fs::path(SKILLKIT_TESTDATA_DIR) / "cli";

void expect_golden(const std::string& name, const std::string& actual) {
  const fs::path file = kData / "golden" / name;
  if (std::getenv("SKILLKIT_UPDATE_GOLDEN")) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(read_file(file), actual) << "golden " << file;
}

TEST(LintCli, ExamplesAreClean) {
  const auto r = run_skillkit({"lint", "examples"}, SKILLKIT_SOURCE_DIR);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "2 skills checked, no problems\n");
  EXPECT_EQ(r.err, "");
}

TEST(LintCli, EachFormatMatchesItsGolden) {
  for (const std::string format : {"text", "json", "sarif", "github"}) {
    const auto r = run_skillkit({"lint", "--format", format, "skills"}, kData);
    EXPECT_EQ(r.status, 1) << format << ": " << r.err;
    EXPECT_EQ(r.err, "");
    expect_golden("lint." + format, r.out);
  }
}

TEST(LintCli, StrictFailsOnWarnings) {
  const auto plain = run_skillkit({"lint", "skills/only-warnings"}, kData);
  EXPECT_EQ(plain.status, 0) << plain.out;
  const auto strict = run_skillkit({"lint", "--strict", "skills/only-warnings"}, kData);
  EXPECT_EQ(strict.status, 1) << strict.out;
}

TEST(LintCli, MissingPathIsExit2WithOneLine) {
  const auto r = run_skillkit({"lint", "no/such/dir"}, kData);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "skillkit: no/such/dir: no such file or directory\n");
}

TEST(LintCli, BadConfigIsExit2WithPosition) {
  const auto r =
      run_skillkit({"lint", "--config", "bad-config.yaml", "skills/only-warnings"}, kData);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "skillkit: bad-config.yaml:3:3: unknown rule `SK999` (see `skillkit rules`)\n");
}

TEST(LintCli, UnreadableSkillIsExit2AndOthersAreStillLinted) {
  testing::TempDir tmp;
  testing::write_file(tmp / "s/big/SKILL.md", "---\n");
  fs::resize_file(tmp / "s/big/SKILL.md", (16u << 20) + 1);
  fs::copy(kData / "skills/broken-yaml", tmp / "s/broken-yaml", fs::copy_options::recursive);
  const auto r = run_skillkit({"lint", "--format", "json", "s"}, tmp.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("\"rule\": \"SK000\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"rule\": \"SK005\""), std::string::npos) << r.out;
}

TEST(LintCli, UnknownFormatIsExit2) {
  const auto r = run_skillkit({"lint", "--format", "xml", "skills"}, kData);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "skillkit: unknown format `xml` (text, json, sarif, github)\n");
}

TEST(LintCli, UsageErrorIsExit2) {
  EXPECT_EQ(run_skillkit({"lint", "--no-such-flag"}, kData).status, 2);
  EXPECT_EQ(run_skillkit({}, kData).status, 2);
}

TEST(LintCli, FixQuotesAndAddsNewlineThenRelints) {
  testing::TempDir tmp;
  fs::copy(kData / "fixable", tmp / "fixable", fs::copy_options::recursive);
  const auto r = run_skillkit({"lint", "--fix", "fixable"}, tmp.path());
  EXPECT_EQ(r.err.substr(0, 18), "skillkit: fixed 1 ");
  expect_golden("fixed-SKILL.md", read_file(tmp / "fixable/SKILL.md"));
  // The fixed file passes a second run with no fixable finding left.
  const auto again = run_skillkit({"lint", "--format", "json", "fixable"}, tmp.path());
  EXPECT_EQ(again.out.find("\"fixable\": true"), std::string::npos) << again.out;
}

TEST(RulesCli, DocsAreNotStale) {
  const auto r = run_skillkit({"rules", "--format", "markdown"});
  ASSERT_EQ(r.status, 0);
  const fs::path doc = fs::path(SKILLKIT_SOURCE_DIR) / "docs" / "rules.md";
  if (std::getenv("SKILLKIT_UPDATE_GOLDEN")) {
    std::ofstream(doc, std::ios::binary) << r.out;
    return;
  }
  EXPECT_EQ(read_file(doc), r.out)
      << "docs/rules.md is stale: run "
         "`build/cli/skillkit rules --format markdown > docs/rules.md`";
}

TEST(RulesCli, ExplainByIdAndName) {
  const auto by_id = run_skillkit({"explain", "SK101"});
  EXPECT_EQ(by_id.status, 0);
  EXPECT_EQ(by_id.out.substr(0, 18), "SK101 name-format\n");
  EXPECT_EQ(run_skillkit({"explain", "name-format"}).out, by_id.out);
  const auto unknown = run_skillkit({"explain", "SK999"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.err, "skillkit: unknown rule `SK999` (see `skillkit rules`)\n");
}

TEST(VersionCli, PrintsVersionAndRevision) {
  const auto r = run_skillkit({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.substr(0, 9), "skillkit ");
  EXPECT_NE(r.out.find('('), std::string::npos);
}

}  // namespace
}  // namespace skillkit
