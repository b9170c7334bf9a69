// SK901 policy-paths: the paths of the files a pack would hold follow the catalog's policy.
// Does nothing until an option is set (docs/policies.md).
#include <fmt/format.h>

#include <optional>
#include <regex>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/ignore.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"pattern", "string", "\"\"",
     "An ECMAScript regex every packed file's path (relative to the skill folder, `/`-separated, "
     "e.g. `references/setup.md`) must match as a whole. Empty: off."},
    {"max-length", "int", "0",
     "The longest path allowed, in characters (relative to the skill folder). 0: off."},
    {"forbid", "list", "[]",
     "Globs in .skillignore (gitignore) syntax that no packed file may match: `*.sh`, "
     "`scripts/`, `!scripts/README.md`."},
};

void invalid(const Skill& skill, Report& report, std::string_view option, const YamlNode& at,
             std::string_view what) {
  const std::string where = at.pos.line > 0 ? fmt::format(" (config line {})", at.pos.line) : "";
  report.add(skill.skill_md_path(), {},
             fmt::format("policy-paths: invalid option `{}`{}: {}", option, where, what),
             "fix the policy in the config file (see docs/policies.md)");
}

void check(const Skill& skill, const Options& options, Report& report) {
  std::optional<std::regex> pattern;
  const std::string pattern_text = options.string("pattern");
  if (!pattern_text.empty()) {
    try {
      pattern.emplace(pattern_text, kRegexFlags);
    } catch (const std::regex_error& e) {
      invalid(skill, report, "pattern", *options.get("pattern"),
              fmt::format("`{}` is not a valid regular expression: {}", pattern_text, e.what()));
    }
  }

  unsigned long long max_length = 0;
  if (const YamlNode* node = options.get("max-length")) {
    if (auto n = yaml_count(*node))
      max_length = *n;
    else
      invalid(skill, report, "max-length", *node, "must be a whole number, 0 or more");
  }

  IgnoreRules forbid;
  std::string globs;
  for (const std::string& glob : options.list("forbid")) {
    if (glob.find_first_of("\r\n") != std::string::npos) {
      invalid(skill, report, "forbid", *options.get("forbid"), "a glob cannot span lines");
      continue;
    }
    globs += glob + "\n";
  }
  forbid.add(globs, "forbid");

  for (const FileEntry* f : skill.files.packable()) {
    const std::string file = skill.display_path(f->path);
    if (pattern && !std::regex_match(f->path, *pattern))
      report.add(
          file, {},
          fmt::format("`{}` does not match the policy's path pattern `{}`", f->path, pattern_text),
          "rename it, or leave it out of the pack with .skillignore");
    if (max_length > 0) {
      const size_t length = utf8::length(f->path);
      if (length > max_length)
        report.add(file, {},
                   fmt::format("`{}` has {} characters; the policy's path limit is {}", f->path,
                               length, max_length),
                   "use shorter folder and file names");
    }
    std::string why;  // "forbid:<n>: <glob>"
    if (forbid.excluded(f->path, false, &why)) {
      const size_t colon = why.find(": ");
      report.add(file, {},
                 fmt::format("`{}` is forbidden by the policy (`{}`)", f->path,
                             colon == std::string::npos ? why : why.substr(colon + 2)),
                 "remove it, or leave it out of the pack with .skillignore");
    }
  }
}

}  // namespace

extern const Rule kPolicyPaths{
    .id = "SK901",
    .name = "policy-paths",
    .layer = Layer::Policy,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The paths of packed files follow the catalog's pattern, length and forbid list.",
    .rationale =
        "Catalogs keep skills browsable and portable with naming rules (lowercase, one level of "
        "references/), short paths (some unzip tools and file systems cap them) and forbidden "
        "files (scripts, archives). Only files a pack would hold are checked. Does nothing until "
        "an option is set; an invalid option is reported as a finding on SKILL.md.",
    .bad =
        "(with `rules: {SK901: {forbid: [\"*.sh\"]}}` in .skillkit.yaml)\n=== SKILL.md\n---\n"
        "name: example\ndescription: Use this skill when ...\n---\n=== references/restart.sh\n"
        "systemctl restart app\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n"
        "=== references/restart.md\nRun `systemctl restart app`.\n",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
