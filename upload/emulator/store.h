// The emulated service's state: agent spaces holding versioned skill assets, in memory.
// Transport-free, so every operation answers a Reply and can be called directly.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>

#include "upload/emulator/reply.h"
#include "upload/emulator/validate.h"
#include "upload/encoding.h"

namespace skillkit::upload::emulator {

/// All assets of all agent spaces (thread-safe).
class AssetStore {
 public:
  /// `agent_spaces` empty: every well-formed agent space id exists.
  AssetStore(Limits limits, std::set<std::string> agent_spaces, uint64_t seed);

  /// CreateAsset: 201 {"asset"}.
  Reply create(const std::string& space, const std::string& body, int64_t now);
  /// UpdateAsset: 200 {"asset"} with the version bumped.
  Reply update(const std::string& space, const std::string& id, const std::string& body,
               int64_t now);
  /// GetAsset (?assetVersion=N).
  Reply get(const std::string& space, const std::string& id, const QueryParams& query);
  /// DeleteAsset: 200 {}.
  Reply remove(const std::string& space, const std::string& id);
  /// ListAssets (?assetType, updatedAfter, updatedBefore, maxResults, nextToken).
  Reply list(const std::string& space, const QueryParams& query);
  /// ListAssetVersions (?maxResults, nextToken).
  Reply list_versions(const std::string& space, const std::string& id, const QueryParams& query);
  /// GetAssetContent (?assetVersion=N): {"content": {"zipFile"}, "version"}.
  Reply content(const std::string& space, const std::string& id, const QueryParams& query);

  /// Assets in `space` (for tests).
  size_t asset_count(const std::string& space);

 private:
  struct Version {
    int number = 0;
    nlohmann::json metadata;
    std::string zip;
    int64_t created_at = 0;
  };
  struct Asset {
    std::string id;
    std::string type;
    int64_t created_at = 0;
    std::vector<Version> versions;
  };
  struct TokenUse {
    std::string payload;  // SHA-256 of the request without its token: a retry or a reuse?
    std::string asset_id;
    Reply reply;
  };
  struct Space {
    std::map<uint64_t, Asset> assets;  // by creation sequence: the listing order
    std::map<std::string, uint64_t> ids;
    std::map<std::string, TokenUse> tokens;
  };

  /// The agent space id is well-formed and the space exists (no lock needed: fixed at start).
  std::optional<Reply> check_space(const std::string& space) const;
  std::optional<Reply> find_space(const std::string& space, Space*& out);
  std::optional<Reply> find_asset(const std::string& space, const std::string& id, Asset*& out);
  std::optional<Reply> replay(Space& space, const std::string& key, const std::string& token,
                              const std::string& payload);
  nlohmann::json asset_json(const Asset& asset, const Version& version) const;
  std::string new_id();

  Limits limits_;
  std::set<std::string> agent_spaces_;
  std::mutex mutex_;
  std::map<std::string, Space> spaces_;
  uint64_t next_seq_ = 1;
  std::mt19937_64 rng_;
};

}  // namespace skillkit::upload::emulator
