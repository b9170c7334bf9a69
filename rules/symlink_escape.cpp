// SK211 symlink-escape: a symlink in the skill that resolves outside the skill folder, or to
// nothing. Such links are never followed and never packed. Links left out of the pack (by
// the defaults or .skillignore) are not reported.
#include <fmt/format.h>

#include <filesystem>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  for (const FileEntry& e : skill.files.entries) {
    if (!e.is_symlink || !e.link_escapes || e.excluded) continue;
    std::error_code ec;
    const bool exists = std::filesystem::exists(skill.dir / e.path, ec);
    if (exists)
      report.add(skill.display_path(e.path), {},
                 fmt::format("`{}` is a symlink to `{}`, outside the skill folder; it is not "
                             "followed or packed",
                             e.path, e.link_target),
                 "copy the file into the skill folder in place of the link");
    else
      report.add(skill.display_path(e.path), {},
                 fmt::format("`{}` is a symlink to `{}`, which does not exist; it is not packed",
                             e.path, e.link_target),
                 "remove the link, or point it at a file inside the skill folder");
  }
}

}  // namespace

extern const Rule kSymlinkEscape{
    .id = "SK211",
    .name = "symlink-escape",
    .layer = Layer::AgentSkills,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Symlinks in the skill point to files inside the skill folder.",
    .rationale =
        "A symlink that leaves the skill folder would pack files from elsewhere on the "
        "author's machine (or fail to), so skillkit never follows it: the file is missing from "
        "the pack, and anything that links to it is broken. A link to nothing is missing too.",
    .bad = "(a symlink `references/shared.md` -> `../../shared/shared.md`, outside the skill)",
    .good = "(a symlink `references/latest.md` -> `v2.md`, a file inside the skill)",
    .check = &check,
};

}  // namespace skillkit::rules
