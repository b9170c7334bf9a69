#include "skillkit/skill_md.h"

#include "skillkit/utf8.h"

namespace skillkit {
namespace {

// A marker line is exactly `marker`, optionally followed by spaces or tabs.
bool is_marker(std::string_view line, std::string_view marker) {
  if (line.substr(0, marker.size()) != marker) return false;
  return line.find_first_not_of(" \t", marker.size()) == std::string_view::npos;
}

bool only_blanks_and_comments(const SourceText& src, int first, int last) {
  for (int n = first; n <= last; ++n) {
    std::string_view line = src.line(n);
    const size_t i = line.find_first_not_of(" \t");
    if (i != std::string_view::npos && line[i] != '#') return false;
  }
  return true;
}

}  // namespace

SkillMd parse_skill_md(std::string bytes) {
  SkillMd md;
  md.source = SourceText(std::move(bytes));
  const SourceText& src = md.source;
  md.body_offset = src.content_begin();

  if (auto bad = utf8::first_invalid(src.bytes())) {
    md.status = FrontmatterStatus::NotUtf8;
    md.invalid_utf8_offset = *bad;
    return md;
  }
  if (src.line_count() == 0 || !is_marker(src.line(1), "---")) {
    md.status = FrontmatterStatus::Missing;
    return md;
  }
  md.open_line = 1;
  for (int n = 2; n <= src.line_count(); ++n) {
    if (is_marker(src.line(n), "---")) {
      md.close_line = n;
      break;
    }
    if (is_marker(src.line(n), "...")) md.document_marker_lines.push_back(n);
  }
  if (md.close_line == 0) {
    md.status = FrontmatterStatus::Unclosed;
    md.document_marker_lines.clear();
    return md;
  }
  md.yaml_begin = src.line_offset(2);
  md.yaml_end = src.line_offset(md.close_line);
  md.body_line = md.close_line + 1;
  md.body_offset =
      md.close_line < src.line_count() ? src.line_offset(md.close_line + 1) : src.bytes().size();

  if (only_blanks_and_comments(src, 2, md.close_line - 1)) {
    md.status = FrontmatterStatus::Empty;
    return md;
  }
  const std::string_view yaml =
      std::string_view(src.bytes()).substr(md.yaml_begin, md.yaml_end - md.yaml_begin);
  YamlParse parsed = parse_yaml(yaml, md.yaml_begin, src);
  md.extra_documents = parsed.extra_documents;
  if (!parsed.ok) {
    md.status = FrontmatterStatus::YamlError;
    md.yaml_error = parsed.error;
    md.yaml_error_offset = parsed.error_offset;
    return md;
  }
  if (!parsed.root || !parsed.root->is_mapping()) {
    md.status = parsed.root ? FrontmatterStatus::NotMapping : FrontmatterStatus::Empty;
    md.frontmatter = std::move(parsed.root);
    return md;
  }
  md.frontmatter = std::move(parsed.root);
  return md;
}

}  // namespace skillkit
