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
#include <vector>

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

  /// The first of `names` that is a regular file in `dir` (absolute, normal) or the nearest
  /// parent holding one, as find_config looks for .skillkit.yaml. Remembered per folder.
  std::optional<std::filesystem::path> nearest_file(const std::filesystem::path& dir,
                                                    const std::vector<std::string>& names);

  struct Folder {
    std::filesystem::path dir;
    const std::string* text = nullptr;  // of the file looked for there; nullptr when none
  };
  /// `dir` (absolute, normal) and its parents up to the first that holds `stop` or the root,
  /// nearest first, each with the text of its `file`: the walk every skill makes for
  /// .skillignore (stop: .git) or a config. Remembered per folder, so sibling skills share
  /// their parents' walk.
  const std::vector<Folder>& walk_up(const std::filesystem::path& dir, const std::string& stop,
                                     const std::string& file);

 private:
  std::filesystem::path cwd_;
  std::mutex mu_;
  std::unordered_map<std::string, std::filesystem::path> canonical_;
  std::unordered_map<std::string, bool> exists_, regular_;
  std::unordered_map<std::string, std::unique_ptr<std::string>> text_;
  std::unordered_map<std::string, std::unique_ptr<std::vector<Folder>>> walks_;
  std::unordered_map<std::string, std::optional<std::filesystem::path>> nearest_;
};

}  // namespace skillkit
