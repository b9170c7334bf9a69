// A one-line progress bar for bulk commands, drawn on a terminal only (thread-safe).
#pragma once

#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace skillkit::upload {

class Progress {
 public:
  /// Draws to `out` only when `enabled` (callers pass isatty(stderr)).
  Progress(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
  ~Progress() { finish(); }

  void set_total(size_t total);
  /// One item finished; `failed` counts it as a failure; `label` names it.
  void tick(const std::string& label, bool failed);
  /// Clears the line.
  void finish();

  /// The bar as text, e.g. "[#####.....]  5/10  1 failed  rds-triage" (for tests).
  static std::string render(size_t done, size_t total, size_t failed, const std::string& label,
                            size_t width = 30);

 private:
  std::ostream& out_;
  bool enabled_;
  std::mutex mutex_;
  size_t total_ = 0, done_ = 0, failed_ = 0;
  bool drawn_ = false;
};

}  // namespace skillkit::upload
