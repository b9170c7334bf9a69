// SK323 too-many-files: the pack holds at most 100 files (what `skillkit pack` would include:
// SKILL.md counts; files left out by the defaults or .skillignore, such as README.md and
// evals/, do not).
#include <fmt/format.h>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"max", "int", "100", "The most files a pack may hold (SKILL.md included)."},
};

void check(const Skill& skill, const Options& options, Report& report) {
  const long long max = options.integer("max", 100);
  const size_t count = skill.files.packable().size();
  if (static_cast<long long>(count) <= max) return;
  report.add(
      skill.skill_md_path(), {},
      fmt::format("the pack would hold {} files; DevOps Agent accepts at most {}", count, max),
      "merge small reference files, or leave files out of the pack with .skillignore");
}

}  // namespace

extern const Rule kTooManyFiles{
    .id = "SK323",
    .name = "too-many-files",
    .layer = Layer::DevOpsAgent,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The pack holds at most 100 files.",
    .rationale =
        "DevOps Agent limits skills imported from GitHub to 100 files, and skillkit applies "
        "the same limit to every upload. The count is what a pack would hold: SKILL.md "
        "included, files left out by the defaults or .skillignore (README.md, evals/) not.",
    .bad = "(a skill folder whose pack would hold 101 files: SKILL.md and 100 references)",
    .good = "(a skill folder whose pack would hold 100 files or fewer)",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
