// SK902 policy-limits: a catalog's tighter limits on files per skill, pack size and description.
// Does nothing until an option is set (docs/policies.md).
#include <fmt/format.h>

#include <optional>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"max-files", "int", "0", "The most files a pack of the skill may hold. 0: off."},
    {"max-zip-bytes", "int", "0",
     "The largest zip allowed, in bytes, checked against an upper-bound estimate: the packed "
     "files' sizes before compression plus the zip headers. 0: off."},
    {"min-description", "int", "0",
     "The fewest characters `description` may have (after YAML folding). 0: off."},
};

// Zip bytes per entry besides its data (local header 30 + central header 46, each with the
// path) and once per archive (end of central directory 22), without zip64 or extra fields.
constexpr unsigned long long kZipEntryHeaders = 30 + 46;
constexpr unsigned long long kZipEnd = 22;

// The option's value, 0 when off; an invalid value is reported and treated as off.
unsigned long long limit(const Skill& skill, const Options& options, std::string_view name,
                         Report& report) {
  const YamlNode* node = options.get(name);
  if (!node) return 0;
  if (auto n = yaml_count(*node)) return *n;
  const std::string where =
      node->pos.line > 0 ? fmt::format(" (config line {})", node->pos.line) : "";
  report.add(skill.skill_md_path(), {},
             fmt::format("policy-limits: invalid option `{}`{}: must be a whole number, 0 or more",
                         name, where),
             "fix the policy in the config file (see docs/policies.md)");
  return 0;
}

void check(const Skill& skill, const Options& options, Report& report) {
  const unsigned long long max_files = limit(skill, options, "max-files", report);
  const unsigned long long max_zip = limit(skill, options, "max-zip-bytes", report);
  const unsigned long long min_description = limit(skill, options, "min-description", report);
  const std::string file = skill.skill_md_path();

  const std::vector<const FileEntry*> packed = skill.files.packable();
  if (max_files > 0 && packed.size() > max_files)
    report.add(file, {},
               fmt::format("the pack would hold {} files; the policy allows at most {}",
                           packed.size(), max_files),
               "merge small references, or leave files out of the pack with .skillignore");

  if (max_zip > 0) {
    unsigned long long data = 0, zip = kZipEnd;
    for (const FileEntry* f : packed) {
      data += f->size;
      zip += f->size + kZipEntryHeaders + 2 * f->path.size();
    }
    if (zip > max_zip)
      report.add(file, {},
                 fmt::format("the pack would take up to {} bytes ({} bytes of files before "
                             "compression, plus zip headers); the policy allows at most {}",
                             zip, data, max_zip),
                 "the compressed zip may be smaller, but the policy checks this bound: shrink "
                 "files, or leave some out of the pack with .skillignore");
  }

  if (min_description > 0) {
    const YamlNode* fm = skill.frontmatter();
    const YamlNode* description = fm ? fm->find("description") : nullptr;
    // A missing, empty or non-string description is another rule's finding.
    if (!description || !description->is_string() || description->value.empty()) return;
    const size_t length = utf8::length(description->value);
    if (length < min_description)
      report.add(file, description->pos,
                 fmt::format("`description` has {} characters; the policy requires at least {}",
                             length, min_description),
                 "say when to use the skill: the scenarios, services, errors and symptoms");
  }
}

}  // namespace

extern const Rule kPolicyLimits{
    .id = "SK902",
    .name = "policy-limits",
    .layer = Layer::Policy,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The skill keeps within the catalog's limits on files, pack size and description.",
    .rationale =
        "A catalog may be stricter than the service: fewer files per skill, a smaller zip, a "
        "longer description for its search. The zip limit is checked against an upper bound "
        "(sizes before compression plus zip headers), so a skill near the limit may be flagged "
        "although its compressed zip would fit. Does nothing until an option is set; an invalid "
        "option is reported as a finding on SKILL.md.",
    .bad =
        "(with `rules: {SK902: {min-description: 100}}` in .skillkit.yaml)\n---\nname: example\n"
        "description: Use this skill when RDS is slow.\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when an Aurora or RDS database is slow: "
        "high CPU, lock waits, replica lag or storage running out, during an incident or a "
        "review.\n---\n",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
