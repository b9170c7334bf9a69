// SK111 description-type: `description` is a non-empty string.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string type_hint(const YamlNode& node) {
  if (node.is_scalar())
    return "quote it if the text is meant literally, or write a sentence saying when to use "
           "the skill";
  if (node.kind == YamlNode::Kind::Null) return "write the text after `description:`";
  return "write the description as one piece of text";
}

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* description = field(skill, "description");
  if (!description) return;  // SK110's finding
  if (!description->is_string()) {
    report.add(skill.skill_md_path(),
               value_pos(skill, *field_key(skill, "description"), *description),
               fmt::format("`description` is {}, not a string", describe_type(*description)),
               type_hint(*description));
    return;
  }
  if (blank(description->value))
    report.add(skill.skill_md_path(), description->pos, "`description` is blank",
               "say what the skill does and when to use it");
}

}  // namespace

extern const Rule kDescriptionType{
    .id = "SK111",
    .name = "description-type",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`description` is a non-empty string.",
    .rationale =
        "YAML reads a plain `true`, `yes`, `123` or `2024-01-01` as a boolean, number or date, "
        "not as text; readers then refuse the skill or show a value its author never wrote. "
        "A blank description gives the agent nothing to choose the skill by.",
    .bad = "---\nname: example\ndescription: yes\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
