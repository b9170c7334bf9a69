// File system look-ups that linting many skills repeats for the same folders (the working
// folder, canonical paths, a config or ignore file in every parent), remembered for one run.
// The answers are those of the std::filesystem calls they stand for; the files are assumed not
// to change during the run. Thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace skillkit {

class PathCache {
 public:
  PathCache();

  /// std::filesystem::absolute(p), with the working folder read once.
  std::filesystem::path absolute(const std::filesystem::path& p) const;
  /// std::filesystem::weakly_canonical(absolute(p)). A folder's canonical parent is reused.
  std::filesystem::path canonical(const std::filesystem::path& p);
  /// std::filesystem::exists(p).
  bool exists(const std::filesystem::path& p);
  /// std::filesystem::is_regular_file(p).
  bool is_regular_file(const std::filesystem::path& p);
  /// The text of the file at `p`, or nullptr when it cannot be opened (as std::ifstream).
  const std::string* text(const std::filesystem::path& p);

 private:
  std::filesystem::path cwd_;
  std::mutex mu_;
  std::unordered_map<std::string, std::filesystem::path> canonical_;
  std::unordered_map<std::string, bool> exists_, regular_;
  std::unordered_map<std::string, std::unique_ptr<std::string>> text_;
};

}  // namespace skillkit
