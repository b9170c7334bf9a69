// libFuzzer target: any bytes as SKILL.md. Whenever the fast YAML reader accepts the
// frontmatter, its tree must be exactly yaml-cpp's (kinds, values, tags, offsets, positions).
#include <cstddef>
#include <cstdint>
#include <string>

#include "skillkit/skill_md.h"
#include "skillkit/yaml_simple.h"
#include "skillkit/yaml_tree.h"

namespace {

bool same(const skillkit::YamlNode& a, const skillkit::YamlNode& b) {
  if (a.kind != b.kind || a.value != b.value || a.tag != b.tag || a.flow != b.flow ||
      a.anchored != b.anchored || a.offset != b.offset || a.pos.line != b.pos.line ||
      a.pos.column != b.pos.column || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size())
    return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!same(a.items[i], b.items[i])) return false;
  for (size_t i = 0; i < a.entries.size(); ++i)
    if (!same(a.entries[i].first, b.entries[i].first) ||
        !same(a.entries[i].second, b.entries[i].second))
      return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const skillkit::SkillMd md =
      skillkit::parse_skill_md(std::string(reinterpret_cast<const char*>(data), size));
  if (md.yaml_end <= md.yaml_begin) return 0;
  const std::string_view yaml =
      std::string_view(md.source.bytes()).substr(md.yaml_begin, md.yaml_end - md.yaml_begin);
  const auto fast = skillkit::parse_simple_yaml(yaml, md.yaml_begin, md.source);
  if (!fast) return 0;
  const skillkit::YamlParse ref =
      skillkit::parse_yaml_with_yaml_cpp(yaml, md.yaml_begin, md.source);
  if (!ref.ok || !ref.root || ref.extra_documents != 0 || !same(*fast, *ref.root)) __builtin_trap();
  return 0;
}
