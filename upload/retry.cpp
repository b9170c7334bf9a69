#include "upload/retry.h"

#include <algorithm>
#include <thread>

namespace skillkit::upload {

Verdict classify(long status, std::string_view error_type) {
  if (status == 429 || error_type == "ThrottlingException" || error_type == "Throttling" ||
      error_type == "TooManyRequestsException") {
    return Verdict::Throttled;
  }
  if (status == 0 || status >= 500) return Verdict::Transient;
  return Verdict::Done;
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry,
                                        std::mt19937_64& rng) {
  // Cap the exponent first so the shift cannot overflow on long retry chains.
  int exponent = std::clamp(retry - 1, 0, 30);
  int64_t ceiling =
      std::min<int64_t>(policy.max_delay.count(), int64_t(policy.base_delay.count()) << exponent);
  if (ceiling <= 0) return std::chrono::milliseconds(0);
  std::uniform_int_distribution<int64_t> pick(0, ceiling);
  return std::chrono::milliseconds(pick(rng));
}

Retrier::Retrier(RetryPolicy policy, AdaptiveRateLimiter* limiter)
    : policy_(std::move(policy)),
      limiter_(limiter),
      rng_(policy_.seed ? policy_.seed
                        : uint64_t(std::chrono::steady_clock::now().time_since_epoch().count())) {
  if (!policy_.sleep) {
    policy_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  }
  policy_.max_attempts = std::max(1, policy_.max_attempts);
}

Verdict Retrier::run(const std::function<Verdict(int attempt)>& attempt) {
  Verdict verdict = Verdict::Done;
  for (int n = 1; n <= policy_.max_attempts; ++n) {
    if (limiter_) limiter_->acquire();
    verdict = attempt(n);
    if (limiter_) {
      if (verdict == Verdict::Throttled) {
        limiter_->on_throttle();
      } else {
        limiter_->on_success();
      }
    }
    if (verdict == Verdict::Done || n == policy_.max_attempts) break;
    std::chrono::milliseconds delay;
    {
      std::lock_guard lock(rng_mutex_);
      delay = backoff_delay(policy_, n, rng_);
    }
    policy_.sleep(delay);
  }
  return verdict;
}

}  // namespace skillkit::upload
