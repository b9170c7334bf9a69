// SKILL.md as read from disk: UTF-8 check, frontmatter split, YAML tree, and the body's place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "skillkit/diagnostic.h"
#include "skillkit/source.h"
#include "skillkit/yaml_tree.h"

namespace skillkit {

/// How far reading the frontmatter got. Rules on the frontmatter run only when it is Ok; the
/// other states are each reported once, by the rule that owns them.
enum class FrontmatterStatus {
  Ok,
  NotUtf8,     // the file is not valid UTF-8 (nothing else is read)
  Missing,     // the first line is not `---`
  Unclosed,    // no closing `---` line
  Empty,       // nothing but blanks and comments between the markers
  YamlError,   // the YAML does not parse
  NotMapping,  // the YAML is a scalar or a list, not a mapping
};

struct SkillMd {
  SourceText source;
  FrontmatterStatus status = FrontmatterStatus::Ok;
  size_t invalid_utf8_offset = 0;          // when NotUtf8
  std::string yaml_error;                  // when YamlError: yaml-cpp's message
  size_t yaml_error_offset = 0;            // when YamlError
  int open_line = 0;                       // line of the opening `---` (1), 0 when Missing
  int close_line = 0;                      // line of the closing `---`, 0 when Missing/Unclosed
  size_t yaml_begin = 0, yaml_end = 0;     // byte range of the YAML text
  std::vector<int> document_marker_lines;  // `...` (or `---`/`...` with content) lines inside
  int extra_documents = 0;
  std::optional<YamlNode> frontmatter;  // the root mapping when status == Ok
  int body_line = 1;                    // first line of the Markdown body
  size_t body_offset = 0;               // byte offset of the body

  bool ok() const { return status == FrontmatterStatus::Ok; }
  std::string_view body() const { return std::string_view(source.bytes()).substr(body_offset); }
};

/// Splits and parses SKILL.md bytes. Never throws for any input.
SkillMd parse_skill_md(std::string bytes);

}  // namespace skillkit
