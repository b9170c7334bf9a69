// The DevOps Agent Asset API client for skills (assetType "skill"): the public, signed API
// behind the console's "knowledge items". See ../../shared/spec/upload-api.md.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "upload/api_error.h"
#include "upload/credentials.h"
#include "upload/http.h"
#include "upload/rate_limiter.h"
#include "upload/retry.h"

namespace skillkit::upload {

/// An asset as the service returns it.
struct Asset {
  std::string asset_id;
  std::string asset_type;
  nlohmann::json metadata = nlohmann::json::object();  ///< skills: name, agent_types, ...
  int version = 0;
  int64_t created_at = 0;  ///< epoch seconds
  int64_t updated_at = 0;

  /// metadata.name, or "" when absent.
  std::string name() const;
};

/// One entry of ListAssetVersions.
struct AssetVersion {
  int version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

/// GetAssetContent: the skill as zip bytes (decoded from base64).
struct AssetContent {
  std::string zip;
  int version = 0;
};

/// Skill metadata. Unset fields are not sent, so on update they stay as they are.
struct SkillMetadata {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::vector<std::string> agent_types;   ///< GENERIC alone, or CHAT, INCIDENT_TRIAGE, ...
  std::optional<std::string> status;      ///< ACTIVE (service default) or INACTIVE
  std::optional<std::string> skill_type;  ///< only USER
  std::optional<std::vector<std::string>> enable_tools;

  /// The JSON Document sent to the service (only the fields that are set).
  nlohmann::json to_json() const;
};

/// An UpdateAsset call: a new zip, a metadata patch, or both.
struct SkillUpdate {
  std::optional<std::string> zip;  ///< raw zip bytes; replaces every file of the skill
  SkillMetadata metadata;          ///< only the fields set change
  /// The version this update was computed from. It is mixed into the client token so that
  /// re-applying an earlier payload later (A -> B -> A) is not mistaken for a retry.
  std::optional<int> base_version;
};

/// ListAssets filters.
struct ListOptions {
  std::string asset_type = "skill";  ///< empty: every type
  int max_results = 100;             ///< page size, 1-100
  std::optional<std::chrono::system_clock::time_point> updated_after;
  std::optional<std::chrono::system_clock::time_point> updated_before;
};

/// Where and how to call the service.
struct ClientConfig {
  std::string endpoint;  ///< e.g. https://dp.aidevops.us-east-1.api.aws (see resolve_endpoint)
  std::string region;
  Credentials credentials;
  RetryPolicy retry;
  HttpOptions http;
  bool adaptive_rate_limit = true;  ///< pace all workers after a throttle
  RateLimiterOptions rate_limiter;
  /// Signing clock; defaults to the system clock.
  std::function<std::chrono::system_clock::time_point()> clock;
  std::string user_agent = "skillkit";
};

/// Idempotency token for a request: hex SHA-256 (64 characters, within the service's limit)
/// of its canonical payload, so a retry reuses it and a different payload never does.
std::string client_token(std::string_view canonical_payload);

/// Calls the Asset API; every method is thread-safe and throws ApiError on failure.
class AssetClient {
 public:
  explicit AssetClient(ClientConfig config);

  /// CreateAsset with a zip (SKILL.md at its root; the service reads name and description).
  Asset create_skill(std::string_view agent_space_id, std::string_view zip,
                     const SkillMetadata& metadata);
  /// UpdateAsset: every call creates a new version, even an identical one.
  Asset update_skill(std::string_view agent_space_id, std::string_view asset_id,
                     const SkillUpdate& update);
  /// GetAsset, optionally at an older version.
  Asset get_asset(std::string_view agent_space_id, std::string_view asset_id,
                  std::optional<int> version = {});
  /// DeleteAsset: removes the asset and all its versions.
  void delete_asset(std::string_view agent_space_id, std::string_view asset_id);
  /// ListAssets, following nextToken through every page.
  std::vector<Asset> list_assets(std::string_view agent_space_id, const ListOptions& options = {});
  /// ListAssetVersions, following nextToken through every page.
  std::vector<AssetVersion> list_asset_versions(std::string_view agent_space_id,
                                                std::string_view asset_id, int max_results = 100);
  /// GetAssetContent: the skill's zip at the latest or the given version.
  AssetContent get_asset_content(std::string_view agent_space_id, std::string_view asset_id,
                                 std::optional<int> version = {});

  /// The endpoint every call goes to.
  const std::string& endpoint() const { return config_.endpoint; }
  /// HTTP attempts made so far, retries included (for reports and tests).
  int64_t attempts() const { return attempts_.load(); }

 private:
  nlohmann::json call(std::string_view operation, const std::string& method,
                      const std::string& path, const QueryParams& query,
                      const std::optional<nlohmann::json>& body);

  ClientConfig config_;
  std::string base_url_;   // scheme://authority
  std::string base_path_;  // path prefix of a custom endpoint, without trailing '/'
  std::string host_;       // authority, for the signed Host header
  std::unique_ptr<HttpClient> http_;
  std::unique_ptr<AdaptiveRateLimiter> limiter_;
  std::unique_ptr<Retrier> retrier_;
  std::atomic<int64_t> attempts_{0};
};

}  // namespace skillkit::upload
