// SK004 frontmatter-empty: the frontmatter holds fields.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.md.status != FrontmatterStatus::Empty) return;
  report.add(skill.skill_md_path(), {1, 1}, "the frontmatter is empty",
             "add `name:` and `description:` between the `---` lines");
}

}  // namespace

extern const Rule kFrontmatterEmpty{
    .id = "SK004",
    .name = "frontmatter-empty",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The frontmatter is not empty.",
    .rationale =
        "An empty frontmatter has no name or description, so the skill can never be "
        "selected by the agent.",
    .bad = "---\n---\n# Example\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n# Example\n",
    .check = &check,
};

}  // namespace skillkit::rules
