// The files of one skill, listed once and shared by every rule and by pack.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "skillkit/ignore.h"

namespace skillkit {

struct FileEntry {
  std::string path;  // relative to the skill folder, '/'-separated
  bool is_dir = false;
  bool is_symlink = false;
  std::string link_target;    // as stored in the link
  bool link_escapes = false;  // the link resolves outside the skill folder (or cannot resolve)
  std::uint64_t size = 0;     // bytes of the file (of its target, for a link kept inside)
  bool executable = false;    // any execute bit set (regular files)
  bool shebang = false;       // starts with "#!"
  std::string extension;      // lowercase, without the dot; "" when none
  bool excluded = false;      // left out of packs (defaults or .skillignore)
  std::string excluded_by;    // the pattern that left it out
  bool unreadable = false;    // could not be opened or listed
  int error = 0;              // why not (an errno value), when unreadable
  bool has_content = false;   // `content` holds the file's bytes (see ListOptions)
  std::string content;
};

struct Inventory {
  std::vector<FileEntry> entries;          // sorted by path; folders included
  std::vector<std::string> nested_skills;  // sub-folders that are skills of their own (not listed)
  bool truncated = false;                  // stopped at kMaxEntries

  static constexpr size_t kMaxEntries = 200000;

  /// Files a pack would hold: regular files and in-tree links, not excluded, not folders.
  std::vector<const FileEntry*> packable() const;
  const FileEntry* find(std::string_view path) const;
};

struct ListOptions {
  /// Keep the bytes of regular, packable files up to this size in FileEntry::content (0: none),
  /// while the skill's kept bytes stay under kMaxKeptBytes: lint then opens each file once for
  /// its size, shebang and secret scan instead of three times.
  std::uint64_t keep_content_up_to = 0;
  static constexpr std::uint64_t kMaxKeptBytes = 8u << 20;
};

/// Lists `skill_dir` without following symlinks. Sub-folders holding their own SKILL.md are
/// nested skills: recorded, not entered.
Inventory list_files(const std::filesystem::path& skill_dir, const IgnoreRules& ignore,
                     const ListOptions& options = {});

/// Extensions of files that are binary by nature (images, PDFs, archives): never read as text.
bool binary_extension(std::string_view extension);

}  // namespace skillkit
