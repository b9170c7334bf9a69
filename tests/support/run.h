// Runs the skillkit binary as a user would and captures what it prints and its exit status.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace skillkit::testing {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

/// Runs `skillkit ARGS...` in `cwd` with NO_COLOR set; ARGS are shell-quoted here.
inline RunResult run_skillkit(const std::vector<std::string>& args,
                              const std::filesystem::path& cwd = std::filesystem::current_path(),
                              const std::string& env = "") {
  TempDir tmp;
  std::string cmd = "cd '" + cwd.string() + "' && NO_COLOR=1 " + env + " '" SKILLKIT_BINARY "'";
  for (const std::string& a : args) {
    std::string quoted = "'";
    for (char c : a) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    cmd += " " + quoted + "'";
  }
  cmd += " >'" + (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "' </dev/null";
  RunResult r;
  const int raw = std::system(cmd.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(tmp / "out");
  r.err = read_file(tmp / "err");
  return r;
}

}  // namespace skillkit::testing
