// SK202 link-outside-skill: a relative link or image in SKILL.md that climbs out of the skill
// folder with `..` (e.g. `../shared/setup.md`).
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  for (const MdLink& link : skill.body.links) {
    const LinkTarget target = classify_link(link.url);
    if (target.kind != LinkTarget::Kind::Relative || !target.outside) continue;
    report.add(skill.skill_md_path(), link.pos,
               fmt::format("{} target `{}` is outside the skill folder",
                           link.image ? "image" : "link", link.url),
               "only the skill folder is uploaded: copy the file into references/ (or assets/) "
               "and link the copy");
  }
}

}  // namespace

extern const Rule kLinkOutsideSkill{
    .id = "SK202",
    .name = "link-outside-skill",
    .layer = Layer::AgentSkills,
    .input = Input::Body,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Relative links and images in SKILL.md stay inside the skill folder.",
    .rationale =
        "A skill is packed and uploaded as its folder alone; a link that climbs out of it with "
        "`..` works in the author's repository and breaks everywhere else.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Follow [the shared checklist](../shared/checklist.md).\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Follow [the checklist](references/checklist.md).\n"
        "=== references/checklist.md\n# Checklist\n",
    .check = &check,
};

}  // namespace skillkit::rules
