// Skill names and file names derived from titles written for people.
#pragma once

#include <string>
#include <string_view>

namespace skillkit::migrate {

inline constexpr size_t kMaxNameLength = 64;

/// `text` as a skill name: ASCII-folded, lowercased, each run of other characters turned into
/// one hyphen, hyphens trimmed from both ends, and at most 64 characters (cut at a hyphen when
/// one falls in the last half, so no word is cut). Empty when no ASCII letter or digit is left.
/// Sets `*truncated` when the name had to be cut. Example: "Redémarrer le cache (prod)" ->
/// "redemarrer-le-cache-prod".
std::string to_skill_name(std::string_view text, bool* truncated = nullptr);

/// A file name that needs no escaping in a Markdown link: ASCII-folded, every character other
/// than a letter, digit, '.', '_' or '-' turned into '-'. Example: "Läufe 2024.csv" ->
/// "Laufe-2024.csv".
std::string to_file_name(std::string_view name);

}  // namespace skillkit::migrate
