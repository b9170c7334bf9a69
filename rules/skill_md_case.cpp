// SK011 skill-md-case: the file is named exactly `SKILL.md`.
#include <fmt/format.h>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.skill_md_name == "SKILL.md") return;
  report.add(
      skill.skill_md_path(), {},
      fmt::format("the skill file is named `{}`; it must be `SKILL.md`", skill.skill_md_name),
      fmt::format("git mv {} SKILL.md", skill.skill_md_name));
}

}  // namespace

extern const Rule kSkillMdCase{
    .id = "SK011",
    .name = "skill-md-case",
    .layer = Layer::AgentSkills,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The skill file is named `SKILL.md`, in capitals.",
    .rationale =
        "The service and other agents look for `SKILL.md` exactly; on a case-sensitive "
        "system `skill.md` is not found and the upload is refused.",
    .bad = "=== skill.md\n---\nname: example\ndescription: Use this skill when ...\n---\n",
    .good = "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
