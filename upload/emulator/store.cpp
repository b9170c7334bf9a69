#include "upload/emulator/store.h"

#include <charconv>

#include "upload/crypto.h"
#include "upload/time_format.h"

namespace skillkit::upload::emulator {
namespace {

using nlohmann::json;

std::optional<std::string> query_value(const QueryParams& query, std::string_view name) {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::optional<int64_t> parse_int(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Timestamps in a query string: ISO 8601 (the restJson1 default) or epoch seconds.
std::optional<int64_t> parse_time(const std::string& text) {
  if (auto t = parse_iso8601(text)) {
    return std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
  }
  return parse_int(text);
}

// Page tokens are opaque to clients: base64 of the last position served.
std::string page_token(uint64_t position) {
  return base64_encode("v1:" + std::to_string(position));
}

std::optional<uint64_t> parse_page_token(const std::string& token) {
  auto text = base64_decode(token);
  if (!text || !text->starts_with("v1:")) return std::nullopt;
  auto n = parse_int(text->substr(3));
  if (!n || *n < 0) return std::nullopt;
  return uint64_t(*n);
}

// maxResults and nextToken, shared by both list operations.
void read_page(const QueryParams& query, const Limits& limits, int& max_results, uint64_t& after,
               std::vector<FieldError>& fields) {
  max_results = limits.default_max_results;
  if (auto m = query_value(query, "maxResults")) {
    auto n = parse_int(*m);
    if (!n || *n < 1 || *n > 100) {
      fields.push_back({"maxResults", "must be an integer between 1 and 100"});
    } else {
      max_results = int(*n);
    }
  }
  after = 0;
  if (auto t = query_value(query, "nextToken")) {
    auto position = parse_page_token(*t);
    if (!position) {
      fields.push_back({"nextToken", "is not a token this service issued"});
    } else {
      after = *position;
    }
  }
}

std::optional<int> read_version(const QueryParams& query, std::vector<FieldError>& fields) {
  auto v = query_value(query, "assetVersion");
  if (!v) return std::nullopt;
  auto n = parse_int(*v);
  if (!n || *n < 1 || *n > INT32_MAX) {
    fields.push_back({"assetVersion", "must be an integer of at least 1"});
    return std::nullopt;
  }
  return int(*n);
}

// What a client token is bound to: the request without its token. Kept as a digest, so a
// space's tokens do not hold a second copy of every zip.
std::string payload_digest(json body) {
  body.erase("clientToken");
  return sha256(body.dump());
}

}  // namespace

AssetStore::AssetStore(Limits limits, std::set<std::string> agent_spaces, uint64_t seed)
    : limits_(limits), agent_spaces_(std::move(agent_spaces)), rng_(seed) {}

std::optional<Reply> AssetStore::check_space(const std::string& space) const {
  if (!valid_agent_space_id(space)) {
    return validation_error({{"agentSpaceId", "must match [a-zA-Z0-9-]{1,64}"}});
  }
  if (!agent_spaces_.empty() && !agent_spaces_.contains(space)) {
    return error_reply(404, "ResourceNotFoundException", "Agent space " + space + " not found");
  }
  return std::nullopt;
}

std::optional<Reply> AssetStore::find_space(const std::string& space, Space*& out) {
  if (auto r = check_space(space)) return r;
  out = &spaces_[space];
  return std::nullopt;
}

std::optional<Reply> AssetStore::find_asset(const std::string& space, const std::string& id,
                                            Asset*& out) {
  Space* s = nullptr;
  if (auto r = find_space(space, s)) return r;
  if (!valid_asset_id(id))
    return validation_error({{"assetId", "must match [a-zA-Z0-9_.-]{1,128}"}});
  auto it = s->ids.find(id);
  if (it == s->ids.end()) {
    return error_reply(404, "ResourceNotFoundException", "Asset " + id + " not found");
  }
  out = &s->assets.at(it->second);
  return std::nullopt;
}

// A token seen before: the same request gets the first answer again, another one a 409.
// `payload` is the SHA-256 of the request without its token (see payload_digest).
std::optional<Reply> AssetStore::replay(Space& space, const std::string& key,
                                        const std::string& token, const std::string& payload) {
  auto it = space.tokens.find(key);
  if (it == space.tokens.end()) return std::nullopt;
  if (it->second.payload == payload) return it->second.reply;
  return error_reply(409, "ConflictException",
                     "Client token " + token + " was already used with a different request");
}

json AssetStore::asset_json(const Asset& asset, const Version& version) const {
  return {{"assetId", asset.id},           {"assetType", asset.type},
          {"metadata", version.metadata},  {"version", version.number},
          {"createdAt", asset.created_at}, {"updatedAt", version.created_at}};
}

std::string AssetStore::new_id() {
  // ki-<uuid v4 layout>, like the knowledge item ids of the service.
  uint64_t a = rng_(), b = rng_();
  std::string h = hex(std::string(reinterpret_cast<const char*>(&a), 8) +
                      std::string(reinterpret_cast<const char*>(&b), 8));
  h[12] = '4';
  return "ki-" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
         h.substr(16, 4) + "-" + h.substr(20, 12);
}

// Create and update read and check the request before taking the store's lock: parsing the
// JSON, decoding the zip and reading its SKILL.md are most of a request's work and depend on
// nothing the store holds, so concurrent requests do them in parallel. The answers, and which
// problem is reported first, are the same as checking everything under the lock.

Reply AssetStore::create(const std::string& space_id, const std::string& text, int64_t now) {
  if (auto r = check_space(space_id)) return *r;
  json body = json::parse(text, nullptr, false);
  if (!body.is_object()) return validation_error({{"body", "must be a JSON object"}});

  std::vector<FieldError> fields;
  check_client_token(body, limits_, fields);
  auto type = body.find("assetType");
  if (type == body.end() || !type->is_string()) {
    fields.push_back({"assetType", "is required"});
  } else if (*type != "skill") {
    fields.push_back({"assetType", "the emulator supports only 'skill'"});
  }
  json metadata = body.value("metadata", json::object());
  if (!metadata.is_object()) {
    fields.push_back({"metadata", "must be a JSON object"});
    metadata = json::object();
  }
  CheckedContent content;
  if (!body.contains("content")) {
    fields.push_back({"content", "is required"});
  } else if (auto too_large = check_content(body["content"], limits_, content, fields)) {
    return *too_large;
  } else {
    check_content_metadata(content, metadata, fields);
  }
  if (content.name) metadata["name"] = *content.name;  // the service reads the frontmatter
  if (content.description) metadata["description"] = *content.description;
  if (!metadata.contains("status")) metadata["status"] = "ACTIVE";
  if (!metadata.contains("skill_type")) metadata["skill_type"] = "USER";
  check_skill_metadata(metadata, fields);
  if (!fields.empty()) return validation_error(fields);

  const bool has_token = body.contains("clientToken");
  const std::string token = has_token ? body["clientToken"].get<std::string>() : "";
  const std::string key = has_token ? "create:" + token : "";
  const std::string payload = has_token ? payload_digest(std::move(body)) : "";

  std::lock_guard lock(mutex_);
  Space& space = spaces_[space_id];
  if (has_token) {
    if (auto r = replay(space, key, token, payload)) return *r;
  }
  if (space.assets.size() >= limits_.max_skills) {
    return error_reply(402, "ServiceQuotaExceededException",
                       "Agent space " + space_id + " already holds " +
                           std::to_string(limits_.max_skills) + " skills, the maximum");
  }
  uint64_t seq = next_seq_++;
  Asset& asset = space.assets[seq];
  asset = {new_id(), "skill", now, {{1, std::move(metadata), std::move(content.zip), now}}};
  space.ids[asset.id] = seq;
  Reply reply{201, {{"asset", asset_json(asset, asset.versions.back())}}, ""};
  if (has_token) space.tokens[key] = {payload, asset.id, reply};
  return reply;
}

Reply AssetStore::update(const std::string& space_id, const std::string& id,
                         const std::string& text, int64_t now) {
  // Without the lock: what depends on the request alone. Its problems are reported below, in
  // the order of the checks, after the ones that need the store (a missing asset is a 404
  // whatever the body).
  json body = json::parse(text, nullptr, false);
  const bool is_object = body.is_object();
  const bool has_content = is_object && body.contains("content");
  CheckedContent checked;
  std::vector<FieldError> content_fields;
  std::optional<Reply> too_large;
  if (has_content) too_large = check_content(body["content"], limits_, checked, content_fields);
  const bool has_token = is_object && body.contains("clientToken");
  std::vector<FieldError> token_fields;
  if (is_object) check_client_token(body, limits_, token_fields);
  const std::string token =
      has_token && token_fields.empty() ? body["clientToken"].get<std::string>() : "";
  const std::string payload = has_token && token_fields.empty() ? payload_digest(body) : "";

  std::lock_guard lock(mutex_);
  Asset* asset = nullptr;
  if (auto r = find_asset(space_id, id, asset)) return *r;
  if (!is_object) return validation_error({{"body", "must be a JSON object"}});

  std::vector<FieldError> fields = std::move(token_fields);
  const Version& last = asset->versions.back();
  json metadata = last.metadata;
  if (auto patch = body.find("metadata"); patch != body.end()) {
    if (!patch->is_object()) {
      fields.push_back({"metadata", "must be a JSON object"});
    } else {
      for (const auto& [k, v] : patch->items()) {
        if (v.is_null()) {
          metadata.erase(k);  // a patch sets keys; null removes one
        } else {
          metadata[k] = v;
        }
      }
    }
  }
  if (has_content) {
    if (too_large) return *too_large;
    fields.insert(fields.end(), content_fields.begin(), content_fields.end());
    check_content_metadata(checked, metadata, fields);
  } else {
    checked.zip = last.zip;
  }
  if (checked.name) metadata["name"] = *checked.name;
  if (checked.description) metadata["description"] = *checked.description;
  check_skill_metadata(metadata, fields);
  if (!fields.empty()) return validation_error(fields);

  Space& space = spaces_[space_id];
  const std::string key = has_token ? "update:" + id + ":" + token : "";
  if (has_token) {
    if (auto r = replay(space, key, token, payload)) return *r;
  }
  // Every update is a new version, even an identical one (as reported for the service).
  asset->versions.push_back({last.number + 1, std::move(metadata), std::move(checked.zip), now});
  Reply reply{200, {{"asset", asset_json(*asset, asset->versions.back())}}, ""};
  if (has_token) space.tokens[key] = {payload, id, reply};
  return reply;
}

Reply AssetStore::get(const std::string& space, const std::string& id, const QueryParams& query) {
  std::lock_guard lock(mutex_);
  Asset* asset = nullptr;
  if (auto r = find_asset(space, id, asset)) return *r;
  std::vector<FieldError> fields;
  std::optional<int> version = read_version(query, fields);
  if (!fields.empty()) return validation_error(fields);
  int n = version.value_or(asset->versions.back().number);
  if (n > int(asset->versions.size())) {
    return error_reply(404, "ResourceNotFoundException",
                       "Version " + std::to_string(n) + " of asset " + id + " not found");
  }
  return {200, {{"asset", asset_json(*asset, asset->versions[n - 1])}}, ""};
}

Reply AssetStore::remove(const std::string& space_id, const std::string& id) {
  std::lock_guard lock(mutex_);
  Asset* asset = nullptr;
  if (auto r = find_asset(space_id, id, asset)) return *r;
  Space& space = spaces_[space_id];
  // Tokens of a deleted asset are forgotten, so the same skill can be created again.
  std::erase_if(space.tokens, [&](const auto& t) { return t.second.asset_id == id; });
  space.assets.erase(space.ids.at(id));
  space.ids.erase(id);
  return {200, json::object(), ""};
}

Reply AssetStore::list(const std::string& space_id, const QueryParams& query) {
  std::lock_guard lock(mutex_);
  Space* space = nullptr;
  if (auto r = find_space(space_id, space)) return *r;
  std::vector<FieldError> fields;
  int max_results = 0;
  uint64_t after = 0;
  read_page(query, limits_, max_results, after, fields);
  std::optional<int64_t> updated_after, updated_before;
  for (auto [name, target] :
       {std::pair{"updatedAfter", &updated_after}, std::pair{"updatedBefore", &updated_before}}) {
    if (auto v = query_value(query, name)) {
      *target = parse_time(*v);
      if (!*target) fields.push_back({name, "must be an ISO 8601 timestamp"});
    }
  }
  if (!fields.empty()) return validation_error(fields);
  std::optional<std::string> type = query_value(query, "assetType");

  json items = json::array();
  std::string next;
  for (auto it = space->assets.upper_bound(after); it != space->assets.end(); ++it) {
    const Asset& a = it->second;
    const Version& v = a.versions.back();
    if ((type && a.type != *type) || (updated_after && v.created_at < *updated_after) ||
        (updated_before && v.created_at > *updated_before)) {
      continue;
    }
    if (int(items.size()) == max_results) {
      next = page_token(std::prev(it)->first);
      break;
    }
    items.push_back(asset_json(a, v));
  }
  json body = {{"items", items}};
  if (!next.empty()) body["nextToken"] = next;
  return {200, body, ""};
}

Reply AssetStore::list_versions(const std::string& space, const std::string& id,
                                const QueryParams& query) {
  std::lock_guard lock(mutex_);
  Asset* asset = nullptr;
  if (auto r = find_asset(space, id, asset)) return *r;
  std::vector<FieldError> fields;
  int max_results = 0;
  uint64_t after = 0;
  read_page(query, limits_, max_results, after, fields);
  if (!fields.empty()) return validation_error(fields);
  json items = json::array();
  json body = json::object();
  for (const Version& v : asset->versions) {
    if (uint64_t(v.number) <= after) continue;
    if (int(items.size()) == max_results) {
      body["nextToken"] = page_token(uint64_t(v.number - 1));
      break;
    }
    items.push_back(
        {{"version", v.number}, {"createdAt", v.created_at}, {"updatedAt", v.created_at}});
  }
  body["items"] = items;
  return {200, body, ""};
}

Reply AssetStore::content(const std::string& space, const std::string& id,
                          const QueryParams& query) {
  std::lock_guard lock(mutex_);
  Asset* asset = nullptr;
  if (auto r = find_asset(space, id, asset)) return *r;
  std::vector<FieldError> fields;
  std::optional<int> version = read_version(query, fields);
  if (!fields.empty()) return validation_error(fields);
  int n = version.value_or(asset->versions.back().number);
  if (n > int(asset->versions.size())) {
    return error_reply(404, "ResourceNotFoundException",
                       "Version " + std::to_string(n) + " of asset " + id + " not found");
  }
  const Version& v = asset->versions[n - 1];
  return {200, {{"content", {{"zipFile", base64_encode(v.zip)}}}, {"version", v.number}}, ""};
}

size_t AssetStore::asset_count(const std::string& space) {
  std::lock_guard lock(mutex_);
  auto it = spaces_.find(space);
  return it == spaces_.end() ? 0 : it->second.assets.size();
}

}  // namespace skillkit::upload::emulator
