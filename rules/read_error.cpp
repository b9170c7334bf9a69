// SK000 read-error: SKILL.md, or another file or folder of the skill, exists but cannot be
// read. Reported by the engine's first rule so that it is documented and configurable like every
// other finding; the CLI exits 2 on it.
#include <fmt/format.h>

#include <cerrno>
#include <system_error>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

std::string reason(int error) {
  if (error == ENAMETOOLONG) return "its path is longer than the system allows (PATH_MAX)";
  return std::generic_category().message(error);
}

void check(const Skill& skill, const Options&, Report& report) {
  if (!skill.io_error.empty()) report.add(skill.skill_md_path(), {}, skill.io_error);
  // A file pack would have to read, or a folder it would have to list: a pass here would only
  // move the failure to pack or upload time. Excluded files are never read.
  for (const FileEntry& e : skill.files.entries) {
    if (!e.unreadable || e.excluded || e.path == skill.skill_md_name) continue;
    report.add(skill.display_path(e.path), {},
               fmt::format("cannot {} `{}`: {}", e.is_dir ? "list folder" : "read", e.path,
                           reason(e.error)),
               "give the user running skillkit read access, or list the path in .skillignore");
  }
}

}  // namespace

extern const Rule kReadError{
    .id = "SK000",
    .name = "read-error",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "SKILL.md and every file of the skill can be read (permissions, size).",
    .rationale =
        "A skill whose SKILL.md cannot be read cannot be checked, packed or uploaded; a file or "
        "folder of the skill that cannot be read cannot be packed, and a folder that cannot be "
        "listed may hide anything. skillkit exits with code 2 when this happens, as for any I/O "
        "problem.",
    .bad =
        "(a SKILL.md or references/ file without read permission, or a SKILL.md larger than "
        "16 MiB)",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n# Steps\n",
    .check = &check,
};

}  // namespace skillkit::rules
