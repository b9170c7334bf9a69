// SK100 name-missing: the frontmatter has a `name`.
#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (field(skill, "name")) return;
  report.add(skill.skill_md_path(), skill.frontmatter()->pos, "the frontmatter has no `name`",
             "add `name: " + skill.dir_name + "` (the folder's name)");
}

}  // namespace

extern const Rule kNameMissing{
    .id = "SK100",
    .name = "name-missing",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The frontmatter has a `name` field.",
    .rationale =
        "`name` is the skill's identifier: required by the format, shown in every list, "
        "and how skillkit matches a local skill to the one already uploaded.",
    .bad = "---\ndescription: Use this skill when ...\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
