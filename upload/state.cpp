#include "upload/state.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lint/fix.h"

namespace skillkit::upload {
namespace fs = std::filesystem;

namespace {
constexpr int kFormat = 1;  // bump when the file's shape changes; other versions are ignored
}

fs::path UploadState::default_path() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    return fs::path(state) / "skillkit" / "upload-state.json";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".local" / "state" / "skillkit" / "upload-state.json";
  return {};
}

std::string UploadState::key(const std::string& endpoint, const std::string& space,
                             const std::string& asset_id) {
  // None of the three can hold a newline (URLs, and the API's id patterns).
  return endpoint + "\n" + space + "\n" + asset_id;
}

void UploadState::load(const fs::path& file, std::string& warning) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return;  // no state yet
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  const auto bad = [&](const std::string& why) {
    warning = file.string() + ": " + why +
              "; ignoring it (skills are compared with their "
              "remote content instead)";
    entries_.clear();
  };
  if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
  if (j.value("format", 0) != kFormat) return bad("unknown format");
  const auto assets = j.find("assets");
  if (assets == j.end() || !assets->is_array()) return bad("no `assets` list");
  std::lock_guard lock(mutex_);
  for (const auto& a : *assets) {
    if (!a.is_object()) return bad("an entry of `assets` is not an object");
    try {
      Entry e{a.at("version").get<int>(), a.at("createdAt").get<int64_t>(),
              a.at("updatedAt").get<int64_t>(), a.at("zipSha256").get<std::string>()};
      entries_[key(a.at("endpoint").get<std::string>(), a.at("agentSpaceId").get<std::string>(),
                   a.at("assetId").get<std::string>())] = std::move(e);
    } catch (const nlohmann::json::exception&) {
      return bad("an entry of `assets` lacks a field or has the wrong type");
    }
  }
}

std::optional<std::string> UploadState::zip_sha256(const std::string& endpoint,
                                                   const std::string& space,
                                                   const Asset& asset) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key(endpoint, space, asset.asset_id));
  if (it == entries_.end()) return std::nullopt;
  const Entry& e = it->second;
  if (e.version != asset.version || e.created_at != asset.created_at ||
      e.updated_at != asset.updated_at)
    return std::nullopt;  // changed since skillkit wrote it, by skillkit elsewhere or by someone
  return e.sha256;
}

void UploadState::record(const std::string& endpoint, const std::string& space, const Asset& asset,
                         const std::string& sha256) {
  std::lock_guard lock(mutex_);
  entries_[key(endpoint, space, asset.asset_id)] =
      Entry{asset.version, asset.created_at, asset.updated_at, sha256};
}

void UploadState::forget(const std::string& endpoint, const std::string& space,
                         const std::string& asset_id) {
  std::lock_guard lock(mutex_);
  entries_.erase(key(endpoint, space, asset_id));
}

size_t UploadState::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

bool UploadState::save(const fs::path& file, std::string& error) const {
  nlohmann::json assets = nlohmann::json::array();
  {
    std::lock_guard lock(mutex_);
    for (const auto& [k, e] : entries_) {  // sorted by key: the file is stable
      const size_t a = k.find('\n');
      const size_t b = k.find('\n', a + 1);
      assets.push_back({{"endpoint", k.substr(0, a)},
                        {"agentSpaceId", k.substr(a + 1, b - a - 1)},
                        {"assetId", k.substr(b + 1)},
                        {"version", e.version},
                        {"createdAt", e.created_at},
                        {"updatedAt", e.updated_at},
                        {"zipSha256", e.sha256}});
    }
  }
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) {
    error = "cannot create " + file.parent_path().string() + ": " + ec.message();
    return false;
  }
  const nlohmann::json j = {{"format", kFormat}, {"assets", std::move(assets)}};
  return write_file_atomically(file.string(), j.dump(1) + "\n", error);
}

}  // namespace skillkit::upload
