#include "upload/rate_limiter.h"

#include <algorithm>
#include <thread>

namespace skillkit::upload {

AdaptiveRateLimiter::AdaptiveRateLimiter(RateLimiterOptions options)
    : options_(std::move(options)) {
  if (!options_.sleep) {
    options_.sleep = [](std::chrono::nanoseconds d) { std::this_thread::sleep_for(d); };
  }
}

double AdaptiveRateLimiter::measured_rate(Clock::time_point now) {
  while (!recent_sends_.empty() && now - recent_sends_.front() > std::chrono::seconds(1)) {
    recent_sends_.pop_front();
  }
  return double(recent_sends_.size());
}

void AdaptiveRateLimiter::acquire() {
  std::chrono::nanoseconds wait{0};
  {
    std::lock_guard lock(mutex_);
    Clock::time_point now = Clock::now();
    measured_rate(now);  // trims the window so it stays bounded
    if (enabled_) {
      // Each caller reserves the next free slot; slots left unused in the last second form
      // the burst allowance.
      auto interval =
          std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate_));
      auto burst = std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(std::max(1.0, rate_) / rate_));
      Clock::time_point slot = std::max(next_slot_, now - burst + interval);
      next_slot_ = slot + interval;
      if (slot > now) wait = slot - now;
    }
    recent_sends_.push_back(now + wait);
  }
  if (wait.count() > 0) options_.sleep(wait);
}

void AdaptiveRateLimiter::on_throttle() {
  std::lock_guard lock(mutex_);
  double base = enabled_ ? rate_ : std::max(measured_rate(Clock::now()), 2 * options_.min_rate);
  rate_ = std::clamp(base / 2, options_.min_rate, options_.max_rate);
  enabled_ = true;
}

void AdaptiveRateLimiter::on_success() {
  std::lock_guard lock(mutex_);
  if (enabled_) rate_ = std::min(options_.max_rate, rate_ + 1.0 / rate_);
}

bool AdaptiveRateLimiter::enabled() const {
  std::lock_guard lock(mutex_);
  return enabled_;
}

double AdaptiveRateLimiter::rate() const {
  std::lock_guard lock(mutex_);
  return rate_;
}

}  // namespace skillkit::upload
