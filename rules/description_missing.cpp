// SK110 description-missing: the frontmatter has a `description`.
#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (field_key(skill, "description")) return;
  report.add(skill.skill_md_path(), skill.frontmatter()->pos,
             "the frontmatter has no `description`",
             "add `description:` saying what the skill does and when to use it");
}

}  // namespace

extern const Rule kDescriptionMissing{
    .id = "SK110",
    .name = "description-missing",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The frontmatter has a `description` field.",
    .rationale =
        "`description` is required by the format: it is all an agent reads to decide whether "
        "to load the skill, so a skill without one is never chosen (and the reference "
        "validator and DevOps Agent refuse it).",
    .bad = "---\nname: example\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
