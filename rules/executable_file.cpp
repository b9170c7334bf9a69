// SK322 executable-file: no file the pack would hold has an execute bit or starts with `#!`,
// whatever its name. One finding per file, saying which.
#include <fmt/format.h>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  for (const FileEntry* f : skill.files.packable()) {
    if (!f->executable && !f->shebang) continue;
    std::string what, hint;
    if (f->executable && f->shebang) {
      what = "has an execute bit and starts with a `#!` line";
      hint = fmt::format(
          "`chmod -x {}` and remove the `#!` line, or leave the file out with "
          ".skillignore",
          f->path);
    } else if (f->executable) {
      what = "has an execute bit";
      hint = fmt::format("`chmod -x {}` (and `git update-index --chmod=-x` if it is tracked)",
                         f->path);
    } else {
      what = "starts with a `#!` line";
      hint = "remove the `#!` line, or leave the file out with .skillignore";
    }
    report.add(skill.display_path(f->path), f->shebang ? Position{1, 1} : Position{},
               fmt::format("`{}` {}; DevOps Agent rejects executable files", f->path, what),
               std::move(hint));
  }
}

}  // namespace

extern const Rule kExecutableFile{
    .id = "SK322",
    .name = "executable-file",
    .layer = Layer::DevOpsAgent,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Packed files have no execute bit and no `#!` line.",
    .rationale =
        "DevOps Agent skills are documents only, and its upload validator rejects a file that "
        "is marked executable or starts with a shebang, whatever its extension: a script "
        "renamed to .txt is still a script.",
    .bad =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Run the steps in check.txt.\n"
        "=== check.txt\n#!/bin/sh\naws rds describe-db-instances\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Run the steps in check.txt.\n"
        "=== check.txt\naws rds describe-db-instances\n",
    .check = &check,
};

}  // namespace skillkit::rules
