// SK122 metadata-type: `metadata`, when present, is a mapping with string keys.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* metadata = field(skill, "metadata");
  if (!metadata) return;
  if (!metadata->is_mapping()) {
    report.add(skill.skill_md_path(), value_pos(skill, *field_key(skill, "metadata"), *metadata),
               fmt::format("`metadata` is {}, not a mapping", describe_type(*metadata)),
               "write `metadata:` followed by indented `key: \"value\"` lines, or remove it");
    return;
  }
  for (const auto& [key, value] : metadata->entries) {
    if (key.is_string()) continue;
    const std::string type = describe_type(key);
    if (key.is_scalar()) {
      report.add(skill.skill_md_path(), key.pos,
                 fmt::format("`metadata` key `{}` is {}, not a string", key.value, type),
                 fmt::format("quote the key: `\"{}\":`", key.value));
    } else {
      report.add(skill.skill_md_path(), key.pos,
                 fmt::format("a `metadata` key is {}, not a string", type),
                 "use a plain word as the key");
    }
  }
}

}  // namespace

extern const Rule kMetadataType{
    .id = "SK122",
    .name = "metadata-type",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`metadata`, when present, is a mapping whose keys are strings.",
    .rationale =
        "The format defines `metadata` as a map from string keys to string values, for "
        "properties the format does not define (author, version, agent types). A list or text "
        "in its place, or a key YAML reads as a number or boolean (`1:`, `yes:`), is lost or "
        "changed by tools that copy the map.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata: author "
        "jane\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  author: "
        "jane\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
