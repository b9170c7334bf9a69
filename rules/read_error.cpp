// SK000 read-error: SKILL.md exists but cannot be read. Reported by the engine's first rule so
// that it is documented and configurable like every other finding; the CLI exits 2 on it.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (!skill.io_error.empty()) report.add(skill.skill_md_path(), {}, skill.io_error);
}

}  // namespace

extern const Rule kReadError{
    .id = "SK000",
    .name = "read-error",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "SKILL.md can be read (permissions, size).",
    .rationale =
        "A skill whose SKILL.md cannot be read cannot be checked, packed or uploaded. "
        "skillkit exits with code 2 when this happens, as for any I/O problem.",
    .bad = "(a SKILL.md without read permission, or larger than 16 MiB)",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n# Steps\n",
    .check = &check,
};

}  // namespace skillkit::rules
