// Logic that several rules share. Anything used by one rule stays in that rule's file.
#pragma once

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

}  // namespace skillkit::rules
