// SK205 body-empty: SKILL.md has instructions after its frontmatter (more than blank lines).
// Silent when the frontmatter is missing or unclosed (SK002, SK003 own those files).
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.md.close_line == 0) return;
  if (skill.md.body().find_first_not_of(" \t\r\n\f\v") != std::string_view::npos) return;
  report.add(skill.skill_md_path(), {}, "SKILL.md has no instructions after the frontmatter",
             "write what the agent should do below the closing `---`: the steps, checks and "
             "decisions of the procedure");
}

}  // namespace

extern const Rule kBodyEmpty{
    .id = "SK205",
    .name = "body-empty",
    .layer = Layer::AgentSkills,
    .input = Input::Body,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary = "SKILL.md has instructions after the frontmatter.",
    .rationale =
        "The frontmatter only tells the agent when to use the skill; the body is what it "
        "then follows. A skill with an empty body is chosen and then gives the agent nothing.",
    .bad = "---\nname: example\ndescription: Use this skill when ...\n---\n\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\n---\n\n# Steps\n\n"
        "1. Check the dashboard.\n",
    .check = &check,
};

}  // namespace skillkit::rules
