// SK121 compatibility: `compatibility`, when present, is a string of at most 500 characters.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr size_t kMaxCompatibilityLength = 500;

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* compatibility = field(skill, "compatibility");
  if (!compatibility) return;
  if (!compatibility->is_string()) {
    report.add(skill.skill_md_path(),
               value_pos(skill, *field_key(skill, "compatibility"), *compatibility),
               fmt::format("`compatibility` is {}, not a string", describe_type(*compatibility)),
               "describe the environment the skill needs in one sentence, e.g. "
               "`compatibility: Requires the AWS CLI v2 and network access`");
    return;
  }
  const size_t length = utf8::length(compatibility->value);
  if (length <= kMaxCompatibilityLength) return;
  report.add(skill.skill_md_path(), compatibility->pos,
             fmt::format("`compatibility` has {} characters; the limit is {}", length,
                         kMaxCompatibilityLength),
             "keep it to the requirements; move explanations to the body");
}

}  // namespace

extern const Rule kCompatibility{
    .id = "SK121",
    .name = "compatibility",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`compatibility`, when present, is a string of at most 500 characters.",
    .rationale =
        "The format defines `compatibility` as a short text naming what the skill needs "
        "(product, system packages, network access), capped at 500 characters; the reference "
        "validator refuses anything else. Characters are counted as for `description`.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\ncompatibility:\n"
        "  cli: aws-cli v2\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\ncompatibility: Requires "
        "the AWS CLI v2\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
