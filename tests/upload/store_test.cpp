// The emulator's store, without HTTP: create and update check the request before taking the
// store's lock, and must still answer as if everything were checked under it (which problem
// wins, replays and conflicts of client tokens).
#include <gtest/gtest.h>

#include <string>

#include "upload/emulator/skill_zip.h"
#include "upload/emulator/store.h"
#include "upload/encoding.h"

namespace skillkit::upload::emulator {
namespace {

using nlohmann::json;

std::string zip_body(const std::string& name, const std::string& token) {
  const std::string zip =
      make_zip({{"SKILL.md", "---\nname: " + name + "\ndescription: Does X.\n---\n# x\n"}});
  json body = {{"assetType", "skill"},
               {"metadata", {{"agent_types", {"CHAT"}}}},
               {"content", {{"zip", {{"zipFile", base64_encode(zip)}}}}}};
  if (!token.empty()) body["clientToken"] = token;
  return body.dump();
}

std::string first_field(const Reply& r) {
  return r.body.contains("fieldList") ? r.body["fieldList"][0].value("path", "") : "";
}

TEST(AssetStore, WhichProblemWinsIsUnchanged) {
  Limits limits;
  limits.max_zip_bytes = 4096;
  AssetStore store(limits, {"space-1"}, 1);

  // Create: the space is checked before the body.
  Reply r = store.create("bad space", "not json", 0);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(first_field(r), "agentSpaceId");
  EXPECT_EQ(store.create("space-2", "not json", 0).status, 404);
  r = store.create("space-1", "not json", 0);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(first_field(r), "body");

  r = store.create("space-1", zip_body("alpha", "t1"), 0);
  ASSERT_EQ(r.status, 201) << r.body.dump();
  const std::string id = r.body["asset"]["assetId"];
  EXPECT_EQ(r.body["asset"]["metadata"]["name"], "alpha");

  // Update: a missing asset is a 404 whatever the body; then the body.
  EXPECT_EQ(store.update("space-1", "ki-missing", "not json", 0).status, 404);
  EXPECT_EQ(first_field(store.update("space-1", id, "[1]", 0)), "body");
  // A zip over the limit is a 413 even when an earlier field (the token) is wrong too.
  const std::string big(6000, 'x');
  r = store.update(
      "space-1", id,
      json{{"clientToken", ""}, {"content", {{"zip", {{"zipFile", base64_encode(big)}}}}}}.dump(),
      0);
  EXPECT_EQ(r.status, 413);
  // Field errors in check order: the token, the metadata patch, the content, then the metadata.
  r = store.update(
      "space-1", id,
      json{{"clientToken", ""}, {"metadata", 5}, {"content", {{"zip", {{"zipFile", "%%%"}}}}}}
          .dump(),
      0);
  ASSERT_EQ(r.status, 400);
  ASSERT_EQ(r.body["fieldList"].size(), 3u) << r.body.dump();
  EXPECT_EQ(r.body["fieldList"][0]["path"], "clientToken");
  EXPECT_EQ(r.body["fieldList"][1]["path"], "metadata");
  EXPECT_EQ(r.body["fieldList"][2]["path"], "content.zip.zipFile");
  // A one-file skill needs a name in the metadata as patched (here: removed).
  r = store.update(
      "space-1", id,
      json{{"metadata", {{"name", nullptr}}},
           {"content", {{"file", {{"path", "SKILL.md"}, {"body", {{"text", "# x"}}}}}}}}
          .dump(),
      0);
  ASSERT_EQ(r.status, 400);
  EXPECT_EQ(first_field(r), "metadata.name");
  EXPECT_EQ(store.asset_count("space-1"), 1u);
}

TEST(AssetStore, ClientTokensReplayOrConflict) {
  AssetStore store(Limits{}, {}, 1);
  const Reply first = store.create("space-1", zip_body("alpha", "t1"), 10);
  ASSERT_EQ(first.status, 201);
  // The same request with the same token: the first answer again, nothing new.
  const Reply again = store.create("space-1", zip_body("alpha", "t1"), 20);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(store.asset_count("space-1"), 1u);
  // Another request with that token: 409.
  const Reply other = store.create("space-1", zip_body("beta", "t1"), 30);
  EXPECT_EQ(other.status, 409);
  EXPECT_EQ(other.error_type, "ConflictException");
  EXPECT_NE(other.body.value("message", "").find("Client token t1 was already used"),
            std::string::npos);
  // Updates replay per asset as well.
  const std::string id = first.body["asset"]["assetId"];
  const std::string patch =
      json{{"clientToken", "u1"}, {"metadata", {{"status", "INACTIVE"}}}}.dump();
  const Reply v2 = store.update("space-1", id, patch, 40);
  ASSERT_EQ(v2.status, 200);
  EXPECT_EQ(v2.body["asset"]["version"], 2);
  EXPECT_EQ(store.update("space-1", id, patch, 50).body, v2.body);
  const std::string changed =
      json{{"clientToken", "u1"}, {"metadata", {{"status", "ACTIVE"}}}}.dump();
  EXPECT_EQ(store.update("space-1", id, changed, 60).status, 409);
}

}  // namespace
}  // namespace skillkit::upload::emulator
