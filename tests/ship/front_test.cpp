// `skillkit` runs lint, rules, explain and new itself and hands the other commands to
// skillkit-full (cli/front.cpp): it must not load libcurl or libzip, lint must work without
// skillkit-full, and a missing skillkit-full must be named, not crash.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/run.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::read_file;
using testing::RunResult;
using testing::TempDir;

RunResult run(const std::string& cmd) {
  TempDir tmp;
  RunResult r;
  const int raw = std::system(
      (cmd + " >'" + (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "' </dev/null")
          .c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(tmp / "out");
  r.err = read_file(tmp / "err");
  return r;
}

TEST(FrontBinary, LoadsNeitherLibcurlNorLibzip) {
  const RunResult ldd = run("ldd '" SKILLKIT_BINARY "'");
  ASSERT_EQ(ldd.status, 0) << ldd.err;
  EXPECT_NE(ldd.out.find("libyaml-cpp"), std::string::npos) << ldd.out;
  EXPECT_EQ(ldd.out.find("libcurl"), std::string::npos) << ldd.out;
  EXPECT_EQ(ldd.out.find("libzip"), std::string::npos) << ldd.out;
}

TEST(FrontBinary, LintsAloneAndNamesAMissingSkillkitFull) {
  TempDir tmp;
  fs::create_directories(tmp / "bin");
  const fs::path alone = tmp / "bin/skillkit";
  fs::copy_file(SKILLKIT_BINARY, alone);
  const std::string skill = "'" SKILLKIT_SOURCE_DIR "/examples/s3-access-denied'";

  const RunResult lint = run("'" + alone.string() + "' lint --format json " + skill);
  EXPECT_EQ(lint.status, 0) << lint.err;
  EXPECT_NE(lint.out.find("\"summary\": {\"skills\": 1, \"errors\": 0"), std::string::npos)
      << lint.out;

  const RunResult pack = run("'" + alone.string() + "' pack --dry-run " + skill);
  EXPECT_EQ(pack.status, 2);
  EXPECT_EQ(pack.out, "");
  EXPECT_EQ(pack.err,
            "skillkit: `pack` is run by skillkit-full, which is not installed (looked for " +
                (tmp / "bin/skillkit-full").string() + " and " +
                (tmp / "libexec/skillkit/skillkit-full").string() + ")\n");
}

}  // namespace
}  // namespace skillkit
