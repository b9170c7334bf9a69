// Logic that several rules share. Anything used by one rule stays in that rule's file.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "skillkit/skill.h"
#include "skillkit/yaml_tree.h"

namespace skillkit::rules {

/// The frontmatter value of a top-level key, or nullptr (also when the frontmatter failed).
const YamlNode* field(const Skill& skill, std::string_view key);
/// The key node of a top-level entry, or nullptr.
const YamlNode* field_key(const Skill& skill, std::string_view key);

/// A short description of a node's type for messages: "a boolean", "a list", "a number"...
std::string describe_type(const YamlNode& node);

/// Splits "a, b ,c" on commas, trimming blanks; empty items are dropped.
std::vector<std::string> split_commas(std::string_view text);

/// The byte offset just past the end of the single-line scalar that starts at `node.offset`,
/// or 0 when the scalar is not a one-line plain or quoted scalar (used for fixes).
size_t scalar_end(const Skill& skill, const YamlNode& node);

/// A link or image destination from the SKILL.md body (MdLink::url), as the link rules
/// (SK201-SK204) classify it. Each rule owns one kind of problem; they share this reading.
struct LinkTarget {
  enum class Kind {
    None,      // empty, or only `#anchor` / `?query`: a place in SKILL.md itself
    Url,       // has a scheme (https:, mailto:, ...) or starts with `//`: not a local file
    Absolute,  // a `file:` URL or an absolute local path: `/x`, `\x`, `~/x`, `C:\x`, `C:/x`
    Relative,  // a path relative to the skill folder
  };
  Kind kind = Kind::None;
  /// Relative: `#fragment` and `?query` cut, percent-decoded, `.` and `..` resolved, no
  /// trailing '/' ("" for the skill folder itself).
  std::string path;
  bool outside = false;  // Relative: `..` climbs out of the skill folder
};

/// Classifies a link destination written in SKILL.md (which sits at the skill's root).
LinkTarget classify_link(std::string_view url);

/// Where to report a mapping value: its own position, or its key's when the value is empty
/// (`key:` with nothing after it has no text; the parser places it at the next token, often
/// on a later line). An explicit `~` or `null` on the key's line keeps its own position.
Position value_pos(const Skill& skill, const YamlNode& key, const YamlNode& value);

/// A YAML integer >= 0 (decimal with optional `_`, 0x.., 0o..), or nullopt (policy options).
std::optional<unsigned long long> yaml_count(const YamlNode& node);

/// Flags for the regexes users write in policies. libstdc++'s default matcher recurses once per
/// character (a long value overflows the stack) and backtracks exponentially on patterns like
/// (a+)+; its polynomial mode does neither.
#ifdef __GLIBCXX__
inline constexpr auto kRegexFlags = std::regex::ECMAScript | std::regex_constants::__polynomial;
#else
inline constexpr auto kRegexFlags = std::regex::ECMAScript;
#endif

}  // namespace skillkit::rules
