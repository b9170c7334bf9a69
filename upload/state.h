// What this machine uploaded last, so a rerun can prove a skill unchanged without downloading it.
//
// For each remote skill skillkit created or updated, the state keeps the asset's identity as
// the service reported it after the call (endpoint, space, asset id, version, createdAt,
// updatedAt) and the SHA-256 of the zip that was sent. The service bumps `version` on every
// update, even an identical one (upload-api.md), so when a listed asset still has exactly the
// recorded identity, its content is the zip skillkit sent: a local zip with the same hash is the
// same skill. Anything else (no entry, another version, another hash, someone else's edit)
// falls back to comparing with GetAssetContent, so the state can only save requests, never
// hide a change. A missing or unreadable state file is an empty state.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "upload/api.h"

namespace skillkit::upload {

class UploadState {
 public:
  /// The default file: $XDG_STATE_HOME/skillkit/upload-state.json, else
  /// ~/.local/state/skillkit/upload-state.json; empty when neither can be found.
  static std::filesystem::path default_path();

  /// Reads `file` into this (empty) state. A file that does not exist leaves it empty; one that
  /// cannot be parsed too, and `warning` says why (the next save replaces it).
  void load(const std::filesystem::path& file, std::string& warning);

  /// The hash of the zip recorded for this exact remote asset, if any.
  std::optional<std::string> zip_sha256(const std::string& endpoint, const std::string& space,
                                        const Asset& asset) const;
  /// Records that `asset` (as returned by the service) now holds a zip with hash `sha256`.
  void record(const std::string& endpoint, const std::string& space, const Asset& asset,
              const std::string& sha256);
  /// Forgets a deleted asset.
  void forget(const std::string& endpoint, const std::string& space, const std::string& asset_id);

  /// Writes the state to `file` atomically (temp file + rename), creating its folder.
  bool save(const std::filesystem::path& file, std::string& error) const;

  size_t size() const;

 private:
  struct Entry {
    int version = 0;
    int64_t created_at = 0;
    int64_t updated_at = 0;
    std::string sha256;
  };
  static std::string key(const std::string& endpoint, const std::string& space,
                         const std::string& asset_id);

  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // key(endpoint, space, asset id) -> entry
};

}  // namespace skillkit::upload
