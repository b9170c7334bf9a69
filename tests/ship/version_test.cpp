// `skillkit --version`: "skillkit VERSION (REVISION)", the revision being the checkout's commit
// (12 hex digits) or "unknown" outside a git checkout.
#include <gtest/gtest.h>

#include <regex>

#include "tests/support/run.h"

namespace skillkit {
namespace {
using testing::run_skillkit;

// What CMake bakes in: `git rev-parse --short=12 HEAD`, "unknown" when git cannot say.
std::string checkout_revision() {
  testing::TempDir tmp;
  const std::string cmd = "git -C '" SKILLKIT_SOURCE_DIR "' rev-parse --short=12 HEAD >'" +
                          (tmp / "rev").string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return "unknown";
  std::string rev = testing::read_file(tmp / "rev");
  while (!rev.empty() && rev.back() == '\n') rev.pop_back();
  return rev;
}

TEST(VersionCli, IsVersionAndRevisionOnOneLine) {
  const auto r = run_skillkit({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(
      std::regex_match(r.out, std::regex(R"(skillkit \d+\.\d+\.\d+ \(([0-9a-f]{12}|unknown)\)\n)")))
      << r.out;
  EXPECT_EQ(r.out, "skillkit " SKILLKIT_EXPECTED_VERSION " (" + checkout_revision() + ")\n");
}

}  // namespace
}  // namespace skillkit
