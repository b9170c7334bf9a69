// A client-side send-rate limiter shared by all workers, in the spirit of the AWS SDKs'
// "adaptive" retry mode, using plain AIMD instead of CUBIC:
//  - it stays off (no waiting) until the service throttles for the first time;
//  - each throttle halves the allowed rate (multiplicative decrease), starting from the rate
//    actually measured over the last second;
//  - each success adds 1/rate requests per second (additive increase: about +1 req/s for
//    every second spent sending at the current rate), up to `max_rate`.
// Sending is paced by a token bucket holding at most one second of burst.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>

namespace skillkit::upload {

/// Tuning for AdaptiveRateLimiter.
struct RateLimiterOptions {
  double min_rate = 0.5;    ///< requests per second never go below this
  double max_rate = 500.0;  ///< nor above this
  /// How to wait; tests may replace it.
  std::function<void(std::chrono::nanoseconds)> sleep;
};

/// Token bucket whose fill rate drops on throttling and recovers on success (thread-safe).
class AdaptiveRateLimiter {
 public:
  explicit AdaptiveRateLimiter(RateLimiterOptions options = {});

  /// Blocks until the caller may send one request.
  void acquire();
  /// Records a throttled response (429 / ThrottlingException).
  void on_throttle();
  /// Records any response that was not a throttle.
  void on_success();

  /// Whether pacing is on (after the first throttle).
  bool enabled() const;
  /// The current allowed rate in requests per second (meaningful once enabled).
  double rate() const;

 private:
  using Clock = std::chrono::steady_clock;
  double measured_rate(Clock::time_point now);

  RateLimiterOptions options_;
  mutable std::mutex mutex_;
  bool enabled_ = false;
  double rate_ = 0;
  Clock::time_point next_slot_{};
  std::deque<Clock::time_point> recent_sends_;  // the last second of sends, for measuring
};

}  // namespace skillkit::upload
