// A skill folder loaded once: SKILL.md parsed, body parsed, files listed. Rules only read it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "skillkit/inventory.h"
#include "skillkit/markdown.h"
#include "skillkit/skill_md.h"

namespace skillkit {

struct Skill {
  std::filesystem::path dir;  // the folder, as found
  std::string display_dir;    // the folder as shown to the user ("." for the working folder)
  std::string dir_name;       // the folder's own name (what `name` must equal)
  std::string skill_md_name;  // the file name found: "SKILL.md", or another case of it
  std::string io_error;       // why SKILL.md could not be read; empty when it was
  SkillMd md;
  MdBody body;
  Inventory files;

  /// How to show a file of this skill: display_dir joined with `rel`.
  std::string display_path(std::string_view rel) const;
  std::string skill_md_path() const { return display_path(skill_md_name); }
  /// The frontmatter's root mapping, or nullptr when it did not parse.
  const YamlNode* frontmatter() const { return md.ok() ? &*md.frontmatter : nullptr; }
  /// SKILL.md, or a file or folder pack would read, could not be read (rule SK000; exit 2).
  bool has_read_error() const;
};

/// Files larger than this are not read as SKILL.md (reported as an I/O problem).
inline constexpr std::uintmax_t kMaxSkillMdBytes = 16u << 20;

/// Files up to this size are read once while listed and kept for the rules (the secret scan
/// reads no larger file).
inline constexpr std::uint64_t kKeptFileBytes = 1u << 20;

class PathCache;

/// Loads the skill in `dir`, shown to the user as `display_dir`. Never throws. With `cache`,
/// look-ups in parent folders (`.skillignore`, `.git`) are shared with other skills.
Skill load_skill(const std::filesystem::path& dir, std::string display_dir,
                 PathCache* cache = nullptr);

}  // namespace skillkit
