// Which files of a skill belong in its pack: default exclusions plus `.skillignore` files
// (gitignore syntax: globs, `**`, trailing `/` for folders, leading `/` to anchor, `!` to negate).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace skillkit {

class PathCache;

class IgnoreRules {
 public:
  /// The defaults: files of the author's repository rather than of the skill.
  static IgnoreRules defaults();
  /// The defaults, then every `.skillignore` from the repository root (the nearest folder
  /// holding `.git`, else the file system root) down to `skill_dir`.
  static IgnoreRules for_skill(const std::filesystem::path& skill_dir);
  /// The same, with the look-ups in parent folders remembered in `cache` (for many skills).
  static IgnoreRules for_skill(const std::filesystem::path& skill_dir, PathCache& cache);

  /// Adds the patterns of one gitignore-syntax text. `skill_prefix` is the skill folder's path
  /// relative to the folder holding the text's file, with a trailing '/' ("" for the skill's
  /// own `.skillignore`, "skills/foo/" for one two levels up).
  void add(std::string_view text, std::string_view source_name, std::string_view skill_prefix = "");

  /// Whether `path` (relative to the skill, '/'-separated) is excluded. The pattern that decided
  /// it is stored in `why` (e.g. "default: evals/" or "../.skillignore:3: *.bak").
  bool excluded(std::string_view path, bool is_dir, std::string* why = nullptr) const;

 private:
  struct Pattern {
    std::string glob;  // without leading '!' or trailing '/'
    bool negate = false;
    bool dir_only = false;
    bool anchored = false;     // contains a '/' other than a trailing one
    std::string skill_prefix;  // see add()
    std::string origin;
  };
  std::vector<Pattern> patterns_;
};

/// gitignore-style glob match of a whole '/'-separated path: `*` and `?` stop at '/', `**`
/// crosses folders, `[...]` classes.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace skillkit
