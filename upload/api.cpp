#include "upload/api.h"

#include <set>

#include "upload/crypto.h"
#include "upload/encoding.h"
#include "upload/time_format.h"

namespace skillkit::upload {
namespace {

using nlohmann::json;

constexpr std::string_view kService = "aidevops";
constexpr int kMaxPages = 10'000;  // a service that loops on nextToken must not hang us

std::string seg(std::string_view text) {
  return uri_encode(text);
}

std::string assets_path(std::string_view space) {
  return "/asset/agent-space/" + seg(space) + "/assets";
}

std::string asset_path(std::string_view space, std::string_view id) {
  return assets_path(space) + "/" + seg(id);
}

int64_t epoch_seconds(const json& value) {
  if (value.is_number()) return int64_t(value.get<double>());
  if (value.is_string()) {
    if (auto t = parse_iso8601(value.get<std::string>())) {
      return std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
    }
  }
  return 0;
}

Asset asset_from_json(const json& j) {
  Asset a;
  a.asset_id = j.value("assetId", "");
  a.asset_type = j.value("assetType", "");
  if (auto it = j.find("metadata"); it != j.end() && it->is_object()) a.metadata = *it;
  a.version = j.value("version", 0);
  if (auto it = j.find("createdAt"); it != j.end()) a.created_at = epoch_seconds(*it);
  if (auto it = j.find("updatedAt"); it != j.end()) a.updated_at = epoch_seconds(*it);
  return a;
}

const json& require(std::string_view operation, const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) {
    throw ApiError(std::string(operation), "InvalidResponse", 200,
                   std::string("response has no '") + key + "'");
  }
  return *it;
}

// The token covers what the request means (operation, target, body without the token).
std::string token_for(std::string_view operation, const std::string& path, const json& body,
                      std::optional<int> base_version = {}) {
  std::string payload = std::string(operation) + "\n" + path + "\n" + body.dump();
  if (base_version) payload += "\nbase-version " + std::to_string(*base_version);
  return client_token(payload);
}

}  // namespace

std::string Asset::name() const {
  auto it = metadata.find("name");
  return it != metadata.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json SkillMetadata::to_json() const {
  json j = json::object();
  if (name) j["name"] = *name;
  if (description) j["description"] = *description;
  if (!agent_types.empty()) j["agent_types"] = agent_types;
  if (status) j["status"] = *status;
  if (skill_type) j["skill_type"] = *skill_type;
  if (enable_tools) j["enable_tools"] = *enable_tools;
  return j;
}

std::string client_token(std::string_view canonical_payload) {
  return sha256_hex(canonical_payload);
}

AssetClient::AssetClient(ClientConfig config) : config_(std::move(config)) {
  const std::string& url = config_.endpoint;
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) {
    throw ApiError("Client", "InvalidEndpoint", 0, "endpoint '" + url + "' has no scheme");
  }
  size_t path = url.find('/', scheme + 3);
  base_url_ = url.substr(0, path);
  host_ = url.substr(scheme + 3, path == std::string::npos ? path : path - scheme - 3);
  if (path != std::string::npos) base_path_ = url.substr(path);
  while (!base_path_.empty() && base_path_.back() == '/') base_path_.pop_back();
  if (!config_.clock) config_.clock = [] { return std::chrono::system_clock::now(); };
  http_ = std::make_unique<HttpClient>(config_.http);
  if (config_.adaptive_rate_limit) {
    limiter_ = std::make_unique<AdaptiveRateLimiter>(config_.rate_limiter);
  }
  retrier_ = std::make_unique<Retrier>(config_.retry, limiter_.get());
}

json AssetClient::call(std::string_view operation, const std::string& method,
                       const std::string& path, const QueryParams& query,
                       const std::optional<json>& body) {
  Request request;
  request.method = method;
  request.path = base_path_ + path;
  request.query = query;
  request.headers.push_back({"Host", host_});
  if (body) {
    request.body = body->dump();
    request.headers.push_back({"Content-Type", "application/json"});
  }
  request.headers.push_back({"User-Agent", config_.user_agent});

  HttpResponse response;
  std::string network_error;
  retrier_->run([&](int) {
    ++attempts_;
    // Sign every attempt afresh: a retry after a long backoff needs a current X-Amz-Date.
    sign(request, config_.credentials, {config_.region, std::string(kService), config_.clock()});
    HttpRequest http{request.method, base_url_ + request.path, request.headers, request.body};
    if (!request.query.empty()) http.url += "?" + format_query(request.query);
    try {
      response = http_->send(http);
      network_error.clear();
    } catch (const NetworkError& e) {
      network_error = e.what();
      return Verdict::Transient;
    }
    if (response.status >= 200 && response.status < 300) return Verdict::Done;
    return classify(response.status, parse_error(operation, response).type);
  });
  if (!network_error.empty()) {
    throw ApiError(std::string(operation), "NetworkError", 0, network_error);
  }
  if (response.status < 200 || response.status >= 300) throw parse_error(operation, response);
  if (response.body.empty()) return json::object();
  json parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    throw ApiError(std::string(operation), "InvalidResponse", response.status,
                   "response body is not a JSON object");
  }
  return parsed;
}

Asset AssetClient::create_skill(std::string_view space, std::string_view zip,
                                const SkillMetadata& metadata) {
  std::string path = assets_path(space);
  json body = {{"assetType", "skill"},
               {"metadata", metadata.to_json()},
               {"content", {{"zip", {{"zipFile", base64_encode(zip)}}}}}};
  body["clientToken"] = token_for("CreateAsset", path, body);
  return asset_from_json(
      require("CreateAsset", call("CreateAsset", "POST", path, {}, body), "asset"));
}

Asset AssetClient::update_skill(std::string_view space, std::string_view asset_id,
                                const SkillUpdate& update) {
  std::string path = asset_path(space, asset_id);
  json body = json::object();
  if (json m = update.metadata.to_json(); !m.empty()) body["metadata"] = m;
  if (update.zip) body["content"] = {{"zip", {{"zipFile", base64_encode(*update.zip)}}}};
  body["clientToken"] = token_for("UpdateAsset", path, body, update.base_version);
  return asset_from_json(
      require("UpdateAsset", call("UpdateAsset", "PATCH", path, {}, body), "asset"));
}

Asset AssetClient::get_asset(std::string_view space, std::string_view asset_id,
                             std::optional<int> version) {
  QueryParams query;
  if (version) query.emplace_back("assetVersion", std::to_string(*version));
  json r = call("GetAsset", "GET", asset_path(space, asset_id), query, std::nullopt);
  return asset_from_json(require("GetAsset", r, "asset"));
}

void AssetClient::delete_asset(std::string_view space, std::string_view asset_id) {
  call("DeleteAsset", "DELETE", asset_path(space, asset_id), {}, std::nullopt);
}

std::vector<Asset> AssetClient::list_assets(std::string_view space, const ListOptions& options) {
  std::vector<Asset> out;
  std::string token;
  std::set<std::string> seen_tokens;
  for (int page = 0; page < kMaxPages; ++page) {
    QueryParams query;
    if (!options.asset_type.empty()) query.emplace_back("assetType", options.asset_type);
    if (options.updated_after) {
      query.emplace_back("updatedAfter", format_iso8601(*options.updated_after));
    }
    if (options.updated_before) {
      query.emplace_back("updatedBefore", format_iso8601(*options.updated_before));
    }
    query.emplace_back("maxResults", std::to_string(options.max_results));
    if (!token.empty()) query.emplace_back("nextToken", token);
    json r = call("ListAssets", "GET", assets_path(space), query, std::nullopt);
    for (const json& item : require("ListAssets", r, "items")) out.push_back(asset_from_json(item));
    token = r.value("nextToken", "");
    if (token.empty()) return out;
    if (!seen_tokens.insert(token).second) {
      throw ApiError("ListAssets", "InvalidResponse", 200, "the service repeated a nextToken");
    }
  }
  throw ApiError("ListAssets", "InvalidResponse", 200, "too many pages");
}

std::vector<AssetVersion> AssetClient::list_asset_versions(std::string_view space,
                                                           std::string_view asset_id,
                                                           int max_results) {
  std::vector<AssetVersion> out;
  std::string token;
  std::set<std::string> seen_tokens;
  for (int page = 0; page < kMaxPages; ++page) {
    QueryParams query{{"maxResults", std::to_string(max_results)}};
    if (!token.empty()) query.emplace_back("nextToken", token);
    json r = call("ListAssetVersions", "GET", asset_path(space, asset_id) + "/versions", query,
                  std::nullopt);
    for (const json& item : require("ListAssetVersions", r, "items")) {
      out.push_back({item.value("version", 0), epoch_seconds(item.value("createdAt", json())),
                     epoch_seconds(item.value("updatedAt", json()))});
    }
    token = r.value("nextToken", "");
    if (token.empty()) return out;
    if (!seen_tokens.insert(token).second) {
      throw ApiError("ListAssetVersions", "InvalidResponse", 200,
                     "the service repeated a nextToken");
    }
  }
  throw ApiError("ListAssetVersions", "InvalidResponse", 200, "too many pages");
}

AssetContent AssetClient::get_asset_content(std::string_view space, std::string_view asset_id,
                                            std::optional<int> version) {
  QueryParams query;
  if (version) query.emplace_back("assetVersion", std::to_string(*version));
  json r =
      call("GetAssetContent", "GET", asset_path(space, asset_id) + "/content", query, std::nullopt);
  const json& content = require("GetAssetContent", r, "content");
  std::string encoded = content.is_object() ? content.value("zipFile", "") : "";
  auto zip = base64_decode(encoded);
  if (!zip) {
    throw ApiError("GetAssetContent", "InvalidResponse", 200, "zipFile is not valid base64");
  }
  return {std::move(*zip), r.value("version", 0)};
}

}  // namespace skillkit::upload
