// `skillkit` runs lint, rules, explain and new itself and hands every other command to
// skillkit-full: the same command line with every command linked in (main.cpp builds both).
//
// Why two binaries: pack, inspect, migrate, upload and skills need libzip and libcurl, which
// bring 32 more shared libraries (42 instead of 10). Loading them and running their start-up
// code (GnuTLS, through librtmp) cost 14.8M of the 18.2M instructions of `skillkit --version`
// and ~10 ms of every run: more than linting a typical repository takes, and paid again by every
// pre-commit hook and editor save. Git does the same with its git-* helpers.
#include <fmt/format.h>
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "cli/commands.h"

#ifndef SKILLKIT_FULL_FROM_BIN
#define SKILLKIT_FULL_FROM_BIN "../libexec/skillkit"
#endif

namespace skillkit::cli {
namespace fs = std::filesystem;

bool runs_in_front(int argc, char** argv) {
  if (argc < 2) return false;  // skillkit-full prints the usage
  const std::string_view command = argv[1];
  return command == "lint" || command == "rules" || command == "explain" || command == "new" ||
         command == "--version";
}

int run_full(char** argv) {
  // Beside this binary in a build tree; under libexec once installed.
  char self[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) {
    std::cerr << fmt::format("skillkit: cannot find this program's folder: {}\n",
                             std::strerror(errno));
    return kExitUsage;
  }
  const fs::path dir = fs::path(std::string(self, static_cast<size_t>(n))).parent_path();
  const fs::path candidates[] = {
      dir / "skillkit-full", (dir / SKILLKIT_FULL_FROM_BIN / "skillkit-full").lexically_normal()};
  for (const fs::path& full : candidates) {
    if (::access(full.c_str(), X_OK) != 0) continue;
    ::execv(full.c_str(), argv);
    std::cerr << fmt::format("skillkit: cannot run {}: {}\n", full.string(), std::strerror(errno));
    return kExitUsage;
  }
  std::cerr << fmt::format(
      "skillkit: `{}` is run by skillkit-full, which is not installed (looked for {} and {})\n",
      argv[1] ? argv[1] : "", candidates[0].string(), candidates[1].string());
  return kExitUsage;
}

}  // namespace skillkit::cli
