// Backoff, the adaptive rate limiter, and whole uploads surviving injected faults.
#include <map>
#include <mutex>
#include <thread>

#include "emulator_fixture.h"
#include "upload/emulator/store.h"

namespace skillkit::upload {
namespace {

using testing_support::chat_metadata;
using testing_support::EmulatorTest;
using testing_support::kSpace;
using testing_support::skill_zip;

TEST(Retry, ClassifiesOnlyThrottlingServerAndNetworkErrorsAsRetryable) {
  EXPECT_EQ(classify(429, ""), Verdict::Throttled);
  EXPECT_EQ(classify(400, "ThrottlingException"), Verdict::Throttled);
  EXPECT_EQ(classify(500, "InternalServerException"), Verdict::Transient);
  EXPECT_EQ(classify(503, ""), Verdict::Transient);
  EXPECT_EQ(classify(0, "NetworkError"), Verdict::Transient);
  for (long status : {400L, 402L, 403L, 404L, 409L, 413L}) {
    EXPECT_EQ(classify(status, "X"), Verdict::Done) << status;
  }
}

TEST(Retry, FullJitterStaysUnderTheCappedExponential) {
  RetryPolicy p;
  p.base_delay = std::chrono::milliseconds(100);
  p.max_delay = std::chrono::milliseconds(1000);
  std::mt19937_64 rng(1);
  for (int retry = 1; retry <= 40; ++retry) {
    auto cap = std::min<int64_t>(1000, 100ll << std::min(retry - 1, 30));
    for (int i = 0; i < 20; ++i) {
      auto d = backoff_delay(p, retry, rng).count();
      EXPECT_GE(d, 0);
      EXPECT_LE(d, cap);
    }
  }
}

TEST(Retry, StopsOnDoneAndAfterMaxAttempts) {
  std::vector<std::chrono::milliseconds> slept;
  RetryPolicy p;
  p.max_attempts = 4;
  p.seed = 3;
  p.sleep = [&](std::chrono::milliseconds d) { slept.push_back(d); };
  Retrier retrier(p, nullptr);
  int calls = 0;
  EXPECT_EQ(retrier.run([&](int) { return ++calls == 2 ? Verdict::Done : Verdict::Transient; }),
            Verdict::Done);
  EXPECT_EQ(calls, 2);
  calls = 0;
  EXPECT_EQ(retrier.run([&](int) { return ++calls, Verdict::Throttled; }), Verdict::Throttled);
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(slept.size(), 1u + 3u);  // no sleep after the last attempt
}

TEST(RateLimiter, OffUntilThrottledThenHalvesAndRecovers) {
  std::chrono::nanoseconds waited{0};
  RateLimiterOptions o;
  o.min_rate = 1;
  o.sleep = [&](std::chrono::nanoseconds d) { waited += d; };
  AdaptiveRateLimiter limiter(o);
  for (int i = 0; i < 20; ++i) limiter.acquire();
  EXPECT_FALSE(limiter.enabled());
  EXPECT_EQ(waited.count(), 0);

  limiter.on_throttle();  // 20 sends in the last second: 10 req/s allowed
  ASSERT_TRUE(limiter.enabled());
  EXPECT_NEAR(limiter.rate(), 10, 0.5);
  limiter.on_throttle();
  EXPECT_NEAR(limiter.rate(), 5, 0.25);
  double before = limiter.rate();
  for (int i = 0; i < 10; ++i) limiter.on_success();
  EXPECT_GT(limiter.rate(), before);

  // Pacing: beyond the one-second burst, sends wait about 1/rate each.
  for (int i = 0; i < 30; ++i) limiter.acquire();
  EXPECT_GT(waited, std::chrono::seconds(1));
}

TEST(RateLimiter, NeverDropsBelowTheMinimum) {
  RateLimiterOptions o;
  o.min_rate = 2;
  AdaptiveRateLimiter limiter(o);
  for (int i = 0; i < 50; ++i) limiter.on_throttle();
  EXPECT_DOUBLE_EQ(limiter.rate(), 2);
}

class FaultyEmulatorTest : public EmulatorTest {
  emulator::EmulatorOptions emulator_options() override {
    emulator::EmulatorOptions o;
    o.faults = {0, 0.15, 0.1, 0.1, 7};
    return o;
  }
};

TEST_F(FaultyEmulatorTest, EverySkillIsCreatedExactlyOnceDespiteFaults) {
  ClientConfig c = config();
  c.retry.max_attempts = 15;
  // Random faults are not congestion: keep the limiter from pacing the test down to a crawl.
  c.rate_limiter.min_rate = 200;
  AssetClient api(c);
  constexpr int kWorkers = 4, kPerWorker = 15;
  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      for (int i = 0; i < kPerWorker; ++i) {
        std::string name = "skill-" + std::to_string(w) + "-" + std::to_string(i);
        try {
          api.create_skill(kSpace, skill_zip(name), chat_metadata());
        } catch (const ApiError& e) {
          std::lock_guard lock(mutex);
          failures.push_back(e.what());
        }
      }
    });
  }
  for (auto& t : workers) t.join();
  EXPECT_TRUE(failures.empty()) << failures.front();

  emulator::EmulatorStats stats = emulator_->stats();
  EXPECT_GT(stats.throttled, 0);
  EXPECT_GT(stats.errors, 0);
  EXPECT_GT(stats.dropped, 0);
  EXPECT_GT(api.attempts(), kWorkers * kPerWorker);

  emulator_->set_faults({});
  std::map<std::string, int> names;
  for (const Asset& a : api.list_assets(kSpace)) ++names[a.name()];
  EXPECT_EQ(names.size(), size_t(kWorkers * kPerWorker));
  for (const auto& [name, count] : names) EXPECT_EQ(count, 1) << name;
}

TEST(Store, ReusedTokenWithAnotherPayloadIsAConflict) {
  emulator::AssetStore store({}, {}, 1);
  std::string zip = base64_encode(skill_zip("a"));
  auto body = [&](const std::string& type) {
    return nlohmann::json{{"assetType", "skill"},
                          {"clientToken", "tok"},
                          {"metadata", {{"agent_types", {type}}}},
                          {"content", {{"zip", {{"zipFile", zip}}}}}}
        .dump();
  };
  emulator::Reply first = store.create(kSpace, body("CHAT"), 100);
  ASSERT_EQ(first.status, 201);
  emulator::Reply again = store.create(kSpace, body("CHAT"), 200);
  EXPECT_EQ(again.body, first.body);  // a retry gets the first answer
  EXPECT_EQ(store.create(kSpace, body("GENERIC"), 300).status, 409);
  EXPECT_EQ(store.asset_count(kSpace), 1u);

  std::string long_token = nlohmann::json{{"assetType", "skill"},
                                          {"clientToken", std::string(65, 'x')},
                                          {"metadata", {{"agent_types", {"CHAT"}}}},
                                          {"content", {{"zip", {{"zipFile", zip}}}}}}
                               .dump();
  EXPECT_EQ(store.create(kSpace, long_token, 400).status, 400);
}

TEST(Store, ZipLimitBoundary) {
  EXPECT_EQ(emulator::Limits{}.max_zip_bytes, 6'291'456u);  // the service's limit
  emulator::Limits limits;
  limits.max_zip_bytes = 100;  // small, so the test stays fast under sanitizers
  emulator::AssetStore store(limits, {}, 1);
  auto body = [](size_t bytes) {
    return nlohmann::json{
        {"assetType", "skill"},
        {"metadata", {{"agent_types", {"CHAT"}}}},
        {"content", {{"zip", {{"zipFile", base64_encode(std::string(bytes, 'z'))}}}}}}
        .dump();
  };
  emulator::Reply over = store.create(kSpace, body(101), 1);
  EXPECT_EQ(over.status, 413);
  EXPECT_EQ(over.error_type, "ContentSizeExceededException");
  // At the limit the size passes and the (not-a-zip) content is what fails.
  EXPECT_EQ(store.create(kSpace, body(100), 1).status, 400);
}

}  // namespace
}  // namespace skillkit::upload
