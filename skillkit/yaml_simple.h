// A fast reader for the plain YAML subset most frontmatter uses (see yaml_simple.cpp).
#pragma once

#include <optional>
#include <string_view>

#include "skillkit/yaml_tree.h"

namespace skillkit {

/// The tree yaml-cpp would build for `text` (a slice of `source` at `base_offset`), or nullopt
/// when the text is outside the subset this reader knows: then ask yaml-cpp.
std::optional<YamlNode> parse_simple_yaml(std::string_view text, size_t base_offset,
                                          const SourceText& source);

}  // namespace skillkit
