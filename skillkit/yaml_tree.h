// A YAML document as a tree that keeps what yaml-cpp's Node API hides: the position of every
// key and value, duplicate keys, aliases (never expanded), anchors, tags, flow style.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "skillkit/diagnostic.h"

namespace skillkit {

struct YamlEntry;

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Mapping, Alias };

  Kind kind = Kind::Null;
  std::string value;  // scalar text after YAML folding; empty otherwise
  std::string
      tag;  // "?" plain scalar or untagged collection, "!" quoted/block scalar, else explicit
  bool flow = false;               // a flow collection: [a, b] or {a: b}
  bool anchored = false;           // carries an &anchor
  size_t offset = 0;               // byte offset of the node's first character in the whole file
  Position pos;                    // position of the node's first character in the whole file
  std::vector<YamlNode> items;     // Sequence
  std::vector<YamlEntry> entries;  // Mapping, in order, duplicates kept

  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_mapping() const { return kind == Kind::Mapping; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  /// A scalar written without quotes or block indicator (so YAML resolves its type).
  bool is_plain() const { return kind == Kind::Scalar && tag == "?"; }
  /// The first entry of a mapping whose key is the scalar `key`, or nullptr.
  const YamlEntry* find_entry(std::string_view key) const;
  const YamlNode* find(std::string_view key) const;

  /// The type a YAML 1.2 core-schema reader gives this node: "null", "bool", "int", "float",
  /// "string", "sequence", "mapping", "alias". Plain `yes`/`no`/`on`/`off` and dates are
  /// reported as "bool"/"timestamp" because YAML 1.1 readers (PyYAML, js-yaml) take them so.
  std::string_view resolved_type() const;
  /// True for a scalar that every common reader takes as a string.
  bool is_string() const { return resolved_type() == "string"; }
};

/// One `key: value` of a mapping (named like std::pair's members, which it replaces: a pair of
/// a type still being defined is not portable).
struct YamlEntry {
  YamlNode first;   // the key
  YamlNode second;  // the value
};

/// The result of parsing YAML text that sits at `base_offset` in a SourceText.
struct YamlParse {
  std::optional<YamlNode> root;  // absent when the text holds no document or failed to parse
  bool ok = true;
  std::string error;        // yaml-cpp's message, when !ok
  size_t error_offset = 0;  // absolute byte offset of the error
  int extra_documents = 0;  // documents after the first (a "..." or "---" inside the text)
};

class SourceText;
/// Parses `text` (a slice of `source` starting at `base_offset`) into a tree: the plain YAML
/// most frontmatter uses by parse_simple_yaml (yaml_simple.h), anything else by yaml-cpp.
YamlParse parse_yaml(std::string_view text, size_t base_offset, const SourceText& source);
/// The same with yaml-cpp alone: the reference parse_simple_yaml is tested against.
YamlParse parse_yaml_with_yaml_cpp(std::string_view text, size_t base_offset,
                                   const SourceText& source);

}  // namespace skillkit
