// SK320 scripts-folder: the pack would hold a `scripts/` folder at the skill's root, which
// DevOps Agent rejects. Only the root folder is reported (the name the open format gives to
// executable helpers); files in a deeper `scripts/` folder are judged by SK321 and SK322. A
// `scripts/` folder whose files are all left out of the pack is not reported.
#include <fmt/format.h>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  size_t files = 0;
  for (const FileEntry* f : skill.files.packable())
    if (f->path.starts_with("scripts/")) ++files;
  if (files == 0) return;
  report.add(skill.display_path("scripts"), {},
             fmt::format("the pack would hold a `scripts/` folder ({} file{}); DevOps Agent "
                         "rejects skills with one",
                         files, files == 1 ? "" : "s"),
             "DevOps Agent skills are documents only: move documents to references/ and leave "
             "scripts out of the pack (add `scripts/` to .skillignore)");
}

}  // namespace

extern const Rule kScriptsFolder{
    .id = "SK320",
    .name = "scripts-folder",
    .layer = Layer::DevOpsAgent,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The pack holds no `scripts/` folder.",
    .rationale =
        "The open format lets a skill ship scripts in `scripts/`, but DevOps Agent runs no "
        "skill code and its upload validator rejects a skill with a `scripts/` folder. Keep "
        "the scripts in your repository and leave them out of the pack with .skillignore.",
    .bad =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Run the check in scripts/check.md.\n"
        "=== scripts/check.md\n# Check\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Follow references/check.md.\n"
        "=== references/check.md\n# Check\n"
        "=== .skillignore\nscripts/\n"
        "=== scripts/check.sh\necho ok\n",
    .check = &check,
};

}  // namespace skillkit::rules
