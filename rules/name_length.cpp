// SK102 name-length: `name` has at most 64 characters.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr size_t kMaxNameLength = 64;

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* name = field(skill, "name");
  if (!name || !name->is_string()) return;
  const size_t length = utf8::length(name->value);
  if (length <= kMaxNameLength) return;
  report.add(skill.skill_md_path(), name->pos,
             fmt::format("`name` has {} characters; the limit is {}", length, kMaxNameLength),
             "shorten the name (and rename the folder to match)");
}

}  // namespace

extern const Rule kNameLength{
    .id = "SK102",
    .name = "name-length",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`name` is at most 64 characters long.",
    .rationale = "Both the open format and DevOps Agent cap names at 64 characters.",
    .bad =
        "---\nname: "
        "investigate-elevated-latency-on-the-primary-aurora-cluster-in-production-accounts\n"
        "description: Use this skill when ...\n---\n",
    .good = "---\nname: aurora-latency\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
