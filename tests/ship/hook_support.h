// Running shell commands in a scratch folder for the ship tests: what pre-commit and a CI runner
// do, with the built skillkit first on PATH.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/run.h"

namespace skillkit::testing {

inline std::string shell_quote(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs `words` (quoted here) in `cwd` with the built skillkit first on PATH.
inline RunResult run_words(const std::vector<std::string>& words,
                           const std::filesystem::path& cwd) {
  TempDir tmp;
  const std::string bin = std::filesystem::path(SKILLKIT_BINARY).parent_path().string();
  std::string cmd =
      "cd " + shell_quote(cwd.string()) + " && PATH=" + shell_quote(bin) + ":\"$PATH\" NO_COLOR=1";
  for (const std::string& w : words) cmd += " " + shell_quote(w);
  cmd += " >" + shell_quote((tmp / "out").string()) + " 2>" + shell_quote((tmp / "err").string()) +
         " </dev/null";
  RunResult r;
  const int raw = std::system(cmd.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(tmp / "out");
  r.err = read_file(tmp / "err");
  return r;
}

}  // namespace skillkit::testing
