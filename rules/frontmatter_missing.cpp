// SK002 frontmatter-missing: SKILL.md starts with a `---` line.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.md.status != FrontmatterStatus::Missing) return;
  report.add(skill.skill_md_path(), {1, 1}, "SKILL.md does not start with a `---` frontmatter line",
             "begin the file with `---`, then `name:` and `description:`, then `---`");
}

}  // namespace

extern const Rule kFrontmatterMissing{
    .id = "SK002",
    .name = "frontmatter-missing",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "SKILL.md begins with a YAML frontmatter block.",
    .rationale =
        "The frontmatter holds the name and description the agent uses to decide when to "
        "load the skill; a skill without one is refused on upload.",
    .bad = "# Example\n\nSteps...\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n# Example\n",
    .check = &check,
};

}  // namespace skillkit::rules
