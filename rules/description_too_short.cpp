// SK301 description-too-short: DevOps Agent recommends descriptions of at least 100 characters.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"min", "int", "100", "The fewest characters a description may have."},
};

void check(const Skill& skill, const Options& options, Report& report) {
  const YamlNode* description = field(skill, "description");
  if (!description || !description->is_string()) return;  // SK110's or SK111's finding
  const std::string_view text = description->value;
  const size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return;  // blank: SK111's finding
  const size_t e = text.find_last_not_of(" \t\r\n");
  const size_t length = utf8::length(text.substr(b, e - b + 1));
  const long long min = options.integer("min", 100);
  if (min <= 0 || length >= static_cast<size_t>(min)) return;
  report.add(skill.skill_md_path(), description->pos,
             fmt::format("`description` has {} characters; DevOps Agent recommends at least {}",
                         length, min),
             "name the scenarios, services, error types or symptoms that should trigger the "
             "skill");
}

}  // namespace

extern const Rule kDescriptionTooShort{
    .id = "SK301",
    .name = "description-too-short",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary = "`description` has at least 100 characters.",
    .rationale =
        "DevOps Agent decides from the description alone whether a skill is relevant to the "
        "task; the guide recommends at least 100 characters and warns that a vague description "
        "(\"RDS skill\") makes the agent skip the skill. Leading and trailing blanks do not "
        "count.",
    .bad = "---\nname: example\ndescription: RDS troubleshooting.\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when investigating database "
        "latency, connection errors or query timeouts on Amazon RDS instances.\n---\n",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
