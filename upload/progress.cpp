#include "upload/progress.h"

#include <fmt/format.h>

namespace skillkit::upload {

std::string Progress::render(size_t done, size_t total, size_t failed, const std::string& label,
                             size_t width) {
  const size_t filled = total == 0 ? width : std::min(width, done * width / total);
  std::string bar = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
  std::string text = fmt::format("{} {}/{}", bar, done, total);
  if (failed) text += fmt::format("  {} failed", failed);
  if (!label.empty()) text += "  " + (label.size() > 40 ? label.substr(0, 37) + "..." : label);
  return text;
}

void Progress::set_total(size_t total) {
  std::lock_guard lock(mutex_);
  total_ = total;
}

void Progress::tick(const std::string& label, bool failed) {
  std::lock_guard lock(mutex_);
  ++done_;
  if (failed) ++failed_;
  if (!enabled_) return;
  out_ << "\r\033[K" << render(done_, total_, failed_, label) << std::flush;
  drawn_ = true;
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (drawn_) out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace skillkit::upload
