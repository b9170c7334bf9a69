// Reading and writing skill zips in memory (libzip), as the emulated service needs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skillkit::upload::emulator {

/// What the service checks in an uploaded skill zip.
struct SkillZip {
  std::vector<std::string> entries;     ///< every entry name, as stored
  std::optional<std::string> skill_md;  ///< text of SKILL.md at the root, if present
};

/// Opens `bytes` as a zip; nullopt (with `error` set) when it is not one.
std::optional<SkillZip> read_skill_zip(std::string_view bytes, std::string& error);

/// Top-level keys of SKILL.md's YAML frontmatter; nullopt when there is no valid block.
std::optional<std::map<std::string, std::string>> frontmatter(std::string_view skill_md);

/// A zip of (name, content) files in the given order, stored uncompressed; for tests and for
/// turning one-file skills into zips.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files);

/// The entries of a zip as (name, content); empty when unreadable.
std::vector<std::pair<std::string, std::string>> unzip(std::string_view bytes);

}  // namespace skillkit::upload::emulator
