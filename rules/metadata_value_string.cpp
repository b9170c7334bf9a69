// SK123 metadata-value-string: every `metadata` value is a string.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

// `text` as a YAML double-quoted scalar.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* metadata = field(skill, "metadata");
  if (!metadata || !metadata->is_mapping()) return;  // SK122's finding
  const std::string& bytes = skill.md.source.bytes();
  for (const auto& [key, value] : metadata->entries) {
    if (value.is_string()) continue;
    const std::string name = key.is_scalar() ? key.value : "?";
    const std::string message =
        fmt::format("`metadata.{}` is {}, not a string", name, describe_type(value));
    if (value.is_plain()) {
      const size_t end = scalar_end(skill, value);
      if (end != 0) {
        const std::string text =
            quoted(std::string_view(bytes).substr(value.offset, end - value.offset));
        report.add(skill.skill_md_path(), value.pos, message, fmt::format("quote it: {}", text),
                   Edit{skill.skill_md_path(), value.offset, end, text});
        continue;
      }
    }
    report.add(skill.skill_md_path(), value_pos(skill, key, value), message,
               value.is_sequence() || value.is_mapping()
                   ? "metadata values are plain strings: write it as one quoted string (e.g. "
                     "comma-separated) or move it out of `metadata`"
                   : "quote the value so every reader takes it as text");
  }
}

}  // namespace

extern const Rule kMetadataValueString{
    .id = "SK123",
    .name = "metadata-value-string",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::Sometimes,
    .summary = "Every `metadata` value is a string (quote numbers, booleans and dates).",
    .rationale =
        "The format maps metadata keys to string values. YAML reads a bare `version: 1.0` as "
        "the number 1 (so `1.10` becomes 1.1), `yes` as a boolean and `2024-01-01` as a date; "
        "readers that expect text then refuse the skill or store a changed value. The fix "
        "quotes a one-line plain value exactly as written (`1.0` -> `\"1.0\"`); lists, "
        "mappings and empty values need a decision and are not fixed.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  version: "
        "1.0\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  version: "
        "\"1.0\"\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
