// SK006 frontmatter-not-mapping: the frontmatter is a mapping of fields, not a list or a scalar.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.md.status != FrontmatterStatus::NotMapping || !skill.md.frontmatter) return;
  const YamlNode& root = *skill.md.frontmatter;
  report.add(skill.skill_md_path(), root.pos,
             fmt::format("the frontmatter is {}, not a mapping of fields", describe_type(root)),
             "write one `key: value` per line, e.g. `name: my-skill`");
}

}  // namespace

extern const Rule kFrontmatterNotMapping{
    .id = "SK006",
    .name = "frontmatter-not-mapping",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The frontmatter is a YAML mapping (`key: value` lines).",
    .rationale =
        "Fields are looked up by key; a list or a bare string holds no `name` or "
        "`description`.",
    .bad = "---\n- name: example\n- description: Use this skill when ...\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
