// `skillkit new`: a scaffold that passes lint, and never over an existing folder.
#include <gtest/gtest.h>

#include "tests/support/run.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::run_skillkit;

TEST(NewCli, ScaffoldPassesLint) {
  testing::TempDir tmp;
  const auto r =
      run_skillkit({"new", "rds-triage", "--agent-types", "INCIDENT_TRIAGE, CHAT"}, tmp.path());
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "1 skill checked, no problems\ncreated rds-triage\n");
  EXPECT_TRUE(fs::is_regular_file(tmp / "rds-triage/references/overview.md"));
  const std::string md = testing::read_file(tmp / "rds-triage/SKILL.md");
  EXPECT_EQ(md.substr(0, 22), "---\nname: rds-triage\nd");
  EXPECT_NE(md.find("  agent_types: \"INCIDENT_TRIAGE, CHAT\"\n"), std::string::npos);
  const auto lint = run_skillkit({"lint", "--strict", "rds-triage"}, tmp.path());
  EXPECT_EQ(lint.status, 0) << lint.out;
}

TEST(NewCli, RefusesToOverwrite) {
  testing::TempDir tmp;
  testing::write_file(tmp / "taken/notes.md", "mine");
  const auto r = run_skillkit({"new", "taken"}, tmp.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "skillkit: taken already exists; not overwriting it\n");
  EXPECT_EQ(testing::read_file(tmp / "taken/notes.md"), "mine");
}

TEST(NewCli, RejectsBadNamesAndLeavesNothing) {
  testing::TempDir tmp;
  const auto r = run_skillkit({"new", "Bad_Name"}, tmp.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("`Bad_Name` is not a valid skill name"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(tmp.path()));
}

}  // namespace
}  // namespace skillkit
