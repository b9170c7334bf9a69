// Retries with capped exponential backoff and full jitter
// (delay = uniform(0, min(max_delay, base_delay * 2^(attempt-1)))).
// Only throttling (429 / ThrottlingException), 5xx and network errors are retried: other 4xx
// answers will not change on a retry.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string_view>

#include "upload/rate_limiter.h"

namespace skillkit::upload {

/// How a finished attempt counts for retrying.
enum class Verdict {
  Done,       ///< success, or an error a retry cannot fix
  Throttled,  ///< the service asked us to slow down
  Transient,  ///< 5xx or network error
};

/// The retry verdict for an HTTP status and error type (status 0: network error).
Verdict classify(long status, std::string_view error_type);

/// When and how often to retry.
struct RetryPolicy {
  int max_attempts = 5;  ///< including the first; 1 disables retries
  std::chrono::milliseconds base_delay{100};
  std::chrono::milliseconds max_delay{20'000};
  uint64_t seed = 0;  ///< 0: seed the jitter from the clock
  /// How to wait; tests may replace it.
  std::function<void(std::chrono::milliseconds)> sleep;
};

/// The full-jitter delay before retry number `retry` (1 = the first retry).
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, std::mt19937_64& rng);

/// Runs attempts under a policy and a shared rate limiter (thread-safe).
class Retrier {
 public:
  /// `limiter` may be null (no client-side pacing); it must outlive the Retrier.
  Retrier(RetryPolicy policy, AdaptiveRateLimiter* limiter);

  /// Calls `attempt` until it returns Done or attempts run out. An attempt reports network
  /// failures by returning Transient; the verdict of the last attempt is returned.
  Verdict run(const std::function<Verdict(int attempt)>& attempt);

  const RetryPolicy& policy() const { return policy_; }

 private:
  RetryPolicy policy_;
  AdaptiveRateLimiter* limiter_;
  std::mutex rng_mutex_;
  std::mt19937_64 rng_;
};

}  // namespace skillkit::upload
