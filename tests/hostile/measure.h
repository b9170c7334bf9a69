// Runs the skillkit binary as a child process and measures it: exit status, output, wall time
// and peak resident memory. The peak comes from GNU time (/usr/bin/time, wait4 on a process it
// forks itself): the ru_maxrss of a child forked straight from this test would count the pages
// it shared with this (large, sanitized) process before exec. `timeout` kills the whole group
// when the time limit passes, so a hang fails the test instead of stalling the suite.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace skillkit::testing {

struct Measured {
  int status = -1;       // exit status; -1 when killed by a signal
  int signal = 0;        // the signal that ended it, if any
  std::string out, err;  // what it printed
  long peak_kb = 0;      // peak resident set size
  double seconds = 0;    // wall time
};

// Sanitizer builds carry shadow memory and a quarantine of freed blocks: peaks run higher
// there than in a release build, so the bound is set per build.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long kPeakLimitKb = 512L << 10;
inline constexpr double kSlow = 4;  // time bounds scale with this
#else
inline constexpr long kPeakLimitKb = 256L << 10;
inline constexpr double kSlow = 1;
#endif

/// The user a test runs skillkit as when it must not be root (chmod 000 does not stop root).
inline constexpr uid_t kNobody = 65534;

inline bool have_gnu_time() {
  return ::access("/usr/bin/time", X_OK) == 0;
}

/// Runs `skillkit ARGS...` in `cwd` with NO_COLOR set, at most `timeout_s` seconds; as the
/// user `nobody` when `as_nobody` and the test runs as root.
inline Measured run_measured(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                             unsigned timeout_s = 60, bool as_nobody = false) {
  TempDir tmp;
  if (as_nobody) std::filesystem::permissions(tmp.path(), std::filesystem::perms::all);
  const std::string out_path = (tmp / "out").string(), err_path = (tmp / "err").string();
  const std::string rss_path = (tmp / "rss").string();
  std::vector<std::string> argv_s = {"/usr/bin/timeout", "-s", "KILL", std::to_string(timeout_s)};
  if (have_gnu_time()) argv_s.insert(argv_s.end(), {"/usr/bin/time", "-o", rss_path, "-f", "%M"});
  argv_s.push_back(SKILLKIT_BINARY);
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (in < 0 || out < 0 || err < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::setenv("NO_COLOR", "1", 1);
    if (as_nobody && ::geteuid() == 0 && (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0))
      ::_exit(125);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  Measured m;
  int raw = 0;
  struct rusage ru {};
  ::wait4(pid, &raw, 0, &ru);
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(raw)) m.status = WEXITSTATUS(raw);
  // timeout and time report a child killed by signal N as exit status 128 + N.
  if (m.status > 128) {
    m.signal = m.status - 128;
    m.status = -1;
  }
  m.out = read_file(out_path);
  m.err = read_file(err_path);
  // GNU time's last line is the peak in KB (a line before it may say the command was killed).
  const std::string rss = read_file(rss_path);
  const size_t last = rss.find_last_of('\n', rss.size() >= 2 ? rss.size() - 2 : 0);
  m.peak_kb = have_gnu_time() ? std::atol(rss.c_str() + (last == std::string::npos ? 0 : last + 1))
                              : ru.ru_maxrss;
  std::fprintf(stderr, "[measure] skillkit %s: %.2f s, peak %ld KB\n",
               args.empty() ? "" : args[0].c_str(), m.seconds, m.peak_kb);
  return m;
}

/// A file of `size` bytes that takes no disk space (a hole), for the size limits.
inline void make_sparse_file(const std::filesystem::path& path, off_t size) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  if (::ftruncate(fd, size) != 0) std::abort();
  ::close(fd);
}

/// Removes a tree whose paths may be longer than PATH_MAX (std::filesystem::remove_all works
/// on whole paths and fails on those); rm walks with openat.
inline void remove_deep_tree(const std::filesystem::path& dir) {
  const std::string cmd = "rm -rf '" + dir.string() + "'";
  if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "cannot remove %s\n", dir.c_str());
}

}  // namespace skillkit::testing
