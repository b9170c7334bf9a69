// SK003 frontmatter-unclosed: the frontmatter ends with a `---` line.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.md.status != FrontmatterStatus::Unclosed) return;
  report.add(skill.skill_md_path(), {1, 1},
             "the frontmatter opened here is never closed by a `---` line",
             "add a line holding only `---` after the last frontmatter field");
}

}  // namespace

extern const Rule kFrontmatterUnclosed{
    .id = "SK003",
    .name = "frontmatter-unclosed",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The frontmatter is closed by a `---` line.",
    .rationale =
        "Without the closing marker the whole file is read as YAML (and fails), or the "
        "instructions become part of the metadata.",
    .bad = "---\nname: example\ndescription: Use this skill when ...\n# Example\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n# Example\n",
    .check = &check,
};

}  // namespace skillkit::rules
