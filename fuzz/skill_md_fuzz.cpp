// libFuzzer target: any bytes as SKILL.md. Must never crash, hang or leak, and positions must
// stay inside the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "skillkit/markdown.h"
#include "skillkit/skill_md.h"

namespace {

void check_node(const skillkit::YamlNode& node, int lines) {
  if (node.pos.line < 1 || node.pos.line > lines + 1 || node.pos.column < 1) __builtin_trap();
  for (const auto& [k, v] : node.entries) {
    check_node(k, lines);
    check_node(v, lines);
  }
  for (const auto& item : node.items) check_node(item, lines);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  skillkit::SkillMd md =
      skillkit::parse_skill_md(std::string(reinterpret_cast<const char*>(data), size));
  if (md.frontmatter) check_node(*md.frontmatter, md.source.line_count());
  if (md.status != skillkit::FrontmatterStatus::NotUtf8) {
    skillkit::MdBody body = skillkit::parse_markdown(md.body(), md.body_line);
    for (const auto& link : body.links)
      if (link.pos.line > md.source.line_count() + 1) __builtin_trap();
  }
  return 0;
}
