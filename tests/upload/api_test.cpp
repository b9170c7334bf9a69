// The Asset API client against the in-process emulator over real HTTP on 127.0.0.1.
#include <chrono>
#include <set>
#include <thread>

#include "emulator_fixture.h"

namespace skillkit::upload {
namespace {

using testing_support::chat_metadata;
using testing_support::EmulatorTest;
using testing_support::kSpace;
using testing_support::skill_zip;

// Runs `fn` and returns the ApiError it throws (failing the test when none is thrown).
template <typename Fn>
ApiError error_of(Fn&& fn) {
  try {
    fn();
  } catch (const ApiError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an ApiError";
  return ApiError("none", "none", 0, "");
}

using ApiTest = EmulatorTest;

TEST_F(ApiTest, CreateGetUpdateVersionsContentDelete) {
  auto api = client();
  std::string v1 = skill_zip("pdf-tools", "First.");
  Asset created = api->create_skill(kSpace, v1, chat_metadata());
  EXPECT_TRUE(created.asset_id.starts_with("ki-")) << created.asset_id;
  EXPECT_EQ(created.asset_type, "skill");
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.name(), "pdf-tools");  // read from the frontmatter
  EXPECT_EQ(created.metadata["description"], "First.");
  EXPECT_EQ(created.metadata["status"], "ACTIVE");
  EXPECT_GT(created.created_at, 1'600'000'000);

  Asset got = api->get_asset(kSpace, created.asset_id);
  EXPECT_EQ(got.metadata, created.metadata);

  SkillUpdate update;
  update.zip = skill_zip("pdf-tools", "Second.");
  update.metadata.status = "INACTIVE";
  update.base_version = 1;
  Asset updated = api->update_skill(kSpace, created.asset_id, update);
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.metadata["description"], "Second.");
  EXPECT_EQ(updated.metadata["status"], "INACTIVE");
  EXPECT_EQ(updated.metadata["agent_types"], nlohmann::json::array({"CHAT"}));  // kept

  EXPECT_EQ(api->get_asset(kSpace, created.asset_id, 1).metadata["description"], "First.");
  auto versions = api->list_asset_versions(kSpace, created.asset_id, 1);  // one per page
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(versions[1].version, 2);

  AssetContent old_content = api->get_asset_content(kSpace, created.asset_id, 1);
  EXPECT_EQ(old_content.version, 1);
  EXPECT_EQ(old_content.zip, v1);  // byte-exact round trip through base64
  AssetContent latest = api->get_asset_content(kSpace, created.asset_id);
  EXPECT_EQ(latest.version, 2);
  auto files = emulator::unzip(latest.zip);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_NE(files[0].second.find("Second."), std::string::npos);

  api->delete_asset(kSpace, created.asset_id);
  ApiError e = error_of([&] { api->get_asset(kSpace, created.asset_id); });
  EXPECT_EQ(e.type, "ResourceNotFoundException");
  EXPECT_EQ(e.status, 404);
  EXPECT_FALSE(e.retryable());
}

TEST_F(ApiTest, ListFollowsNextTokenPastOneHundred) {
  auto api = client();
  std::set<std::string> created;
  for (int i = 0; i < 130; ++i) {
    created.insert(
        api->create_skill(kSpace, skill_zip("skill-" + std::to_string(i)), chat_metadata())
            .asset_id);
  }
  int64_t before = api->attempts();
  std::vector<Asset> listed = api->list_assets(kSpace);
  EXPECT_EQ(api->attempts() - before, 2);  // 100 + 30
  std::set<std::string> ids;
  for (const Asset& a : listed) ids.insert(a.asset_id);
  EXPECT_EQ(ids, created);

  ListOptions small;
  small.max_results = 7;
  EXPECT_EQ(api->list_assets(kSpace, small).size(), 130u);
  ListOptions other_type;
  other_type.asset_type = "runbook";
  EXPECT_TRUE(api->list_assets(kSpace, other_type).empty());
}

TEST_F(ApiTest, ValidationErrorsNameTheFields) {
  auto api = client();
  SkillMetadata generic_and_chat;
  generic_and_chat.agent_types = {"GENERIC", "CHAT"};
  ApiError e = error_of([&] { api->create_skill(kSpace, skill_zip("a"), generic_and_chat); });
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.status, 400);
  ASSERT_EQ(e.fields.size(), 1u);
  EXPECT_EQ(e.fields[0].path, "metadata.agent_types");
  EXPECT_FALSE(e.hint().empty());
  EXPECT_EQ(api->attempts(), 1);  // a 400 is never retried

  e = error_of([&] { api->create_skill(kSpace, skill_zip("a"), SkillMetadata{}); });
  EXPECT_EQ(e.fields.at(0).path, "metadata.agent_types");

  std::string no_skill_md = emulator::make_zip({{"README.md", "hi"}});
  e = error_of([&] { api->create_skill(kSpace, no_skill_md, chat_metadata()); });
  EXPECT_NE(e.fields.at(0).message.find("SKILL.md"), std::string::npos);

  std::string with_scripts = skill_zip("a", "d", {{"scripts/run.sh", "echo"}});
  e = error_of([&] { api->create_skill(kSpace, with_scripts, chat_metadata()); });
  EXPECT_NE(e.fields.at(0).message.find("scripts/"), std::string::npos);

  SkillMetadata bad_status = chat_metadata();
  bad_status.status = "active";
  e = error_of([&] { api->create_skill(kSpace, skill_zip("a"), bad_status); });
  EXPECT_EQ(e.fields.at(0).path, "metadata.status");

  // An asset id outside the pattern still signs correctly (double-encoded path) and gets a
  // 400 rather than a signature error.
  e = error_of([&] { api->get_asset(kSpace, "bad id/x"); });
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.fields.at(0).path, "assetId");
  EXPECT_EQ(emulator_->asset_count(kSpace), 0u);
}

class SmallZipLimitTest : public EmulatorTest {
  emulator::EmulatorOptions emulator_options() override {
    emulator::EmulatorOptions o;
    o.limits.max_zip_bytes = 4096;  // the 6,291,456-byte default is checked in retry_test
    return o;
  }
};

TEST_F(SmallZipLimitTest, ZipOverTheLimitIs413) {
  auto api = client();
  std::string blob(8192, 'x');
  ApiError e = error_of([&] {
    api->create_skill(kSpace, skill_zip("big", "d", {{"blob", blob}}), chat_metadata());
  });
  EXPECT_EQ(e.type, "ContentSizeExceededException");
  EXPECT_EQ(e.status, 413);
  EXPECT_NE(e.hint().find("6,291,456"), std::string::npos);
  EXPECT_EQ(api->attempts(), 1);
}

class SmallQuotaTest : public EmulatorTest {
  emulator::EmulatorOptions emulator_options() override {
    emulator::EmulatorOptions o;
    o.limits.max_skills = 3;
    o.agent_spaces = {kSpace};
    return o;
  }
};

TEST_F(SmallQuotaTest, QuotaAndUnknownSpace) {
  auto api = client();
  // Distinct skills: identical requests share a client token and create one asset.
  for (int i = 0; i < 3; ++i) {
    api->create_skill(kSpace, skill_zip("s" + std::to_string(i)), chat_metadata());
  }
  EXPECT_EQ(api->create_skill(kSpace, skill_zip("s0"), chat_metadata()).name(), "s0");
  ApiError e = error_of([&] { api->create_skill(kSpace, skill_zip("t"), chat_metadata()); });
  EXPECT_EQ(e.type, "ServiceQuotaExceededException");
  EXPECT_EQ(e.status, 402);
  e = error_of([&] { api->list_assets("other-space"); });
  EXPECT_EQ(e.type, "ResourceNotFoundException");
}

class LatencyTest : public EmulatorTest {
  emulator::EmulatorOptions emulator_options() override {
    emulator::EmulatorOptions o;
    o.faults.latency_ms = 40;
    return o;
  }
};

// The injected latency runs from reading a request to answering it, for answers and errors
// alike; the request has taken effect by the time its answer arrives, and requests in
// parallel wait in parallel, each over its own connection.
TEST_F(LatencyTest, EveryAnswerComesTheLatencyAfterItsRequest) {
  auto api = client();
  using Clock = std::chrono::steady_clock;
  const auto timed = [](auto&& fn) {
    const auto t0 = Clock::now();
    fn();
    return Clock::now() - t0;
  };
  EXPECT_GE(timed([&] { api->create_skill(kSpace, skill_zip("a"), chat_metadata()); }),
            std::chrono::milliseconds(40));
  EXPECT_EQ(emulator_->asset_count(kSpace), 1u);
  EXPECT_GE(timed([&] { error_of([&] { api->get_asset(kSpace, "nope"); }); }),
            std::chrono::milliseconds(40));
  std::vector<std::thread> threads;
  const auto all = timed([&] {
    for (int i = 0; i < 8; ++i)
      threads.emplace_back([&, i] {
        api->create_skill(kSpace, skill_zip("p" + std::to_string(i)), chat_metadata());
      });
    for (std::thread& t : threads) t.join();
  });
  EXPECT_GE(all, std::chrono::milliseconds(40));
  EXPECT_LT(all, std::chrono::milliseconds(8 * 40));  // not one after another
  EXPECT_EQ(emulator_->asset_count(kSpace), 9u);
}

TEST_F(ApiTest, WrongSecretIsAClear403) {
  ClientConfig c = config();
  c.credentials.secret_access_key = "not-the-secret";
  AssetClient api(c);
  ApiError e = error_of([&] { api.list_assets(kSpace); });
  EXPECT_EQ(e.type, "InvalidSignatureException");
  EXPECT_EQ(e.status, 403);
  EXPECT_NE(e.hint().find("AWS_SECRET_ACCESS_KEY"), std::string::npos);
  EXPECT_EQ(std::string(e.what()).find("not-the-secret"), std::string::npos);
  EXPECT_EQ(api.attempts(), 1);

  c.credentials.access_key_id = "AKIAUNKNOWN";
  e = error_of([&] { AssetClient(c).list_assets(kSpace); });
  EXPECT_EQ(e.type, "UnrecognizedClientException");
}

TEST_F(ApiTest, ExpiredSignatureIsRejected) {
  ClientConfig c = config();
  c.clock = [] { return std::chrono::system_clock::now() - std::chrono::minutes(6); };
  AssetClient api(c);
  ApiError e = error_of([&] { api.list_assets(kSpace); });
  EXPECT_EQ(e.type, "InvalidSignatureException");
  EXPECT_NE(e.message.find("Signature expired"), std::string::npos) << e.message;
  EXPECT_NE(e.hint().find("clock"), std::string::npos);

  c.clock = [] { return std::chrono::system_clock::now() - std::chrono::minutes(4); };
  EXPECT_NO_THROW(AssetClient(c).list_assets(kSpace));  // within the 5-minute window
}

class SessionTokenTest : public EmulatorTest {
  emulator::EmulatorOptions emulator_options() override {
    emulator::EmulatorOptions o;
    o.auth.session_token = "session-token-1";
    return o;
  }
};

TEST_F(SessionTokenTest, TemporaryCredentialsCarryTheToken) {
  ClientConfig c = config();
  EXPECT_EQ(error_of([&] { AssetClient(c).list_assets(kSpace); }).status, 403);
  c.credentials.session_token = "session-token-1";
  EXPECT_NO_THROW(AssetClient(c).list_assets(kSpace));
}

TEST(ApiNetwork, UnreachableEndpointIsANetworkError) {
  int port = 0;
  {
    emulator::Emulator closed;  // take a free port, then close it again
    port = closed.start();
  }
  ClientConfig c;
  c.endpoint = "http://127.0.0.1:" + std::to_string(port);
  c.region = "us-east-1";
  c.credentials = {"AKIDEMULATOR", "emulator-secret", "", std::nullopt, "test"};
  c.retry.max_attempts = 2;
  c.retry.base_delay = std::chrono::milliseconds(1);
  AssetClient api(c);
  try {
    api.list_assets(kSpace);
    FAIL() << "expected a network error";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.type, "NetworkError");
    EXPECT_TRUE(e.retryable());
  }
  EXPECT_EQ(api.attempts(), 2);
}

}  // namespace
}  // namespace skillkit::upload
