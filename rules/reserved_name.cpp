// SK303 reserved-name: `name` is not one of the service's learned skills.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

// DevOps Agent guide, "Learned Skills": the skills the service generates itself. The guide
// prints `understanding-agent-space`; `tool-use-best-practices` is the kebab form of the
// second one's title (Tool Use Best Practices), whose identifier it does not print.
constexpr std::array<std::string_view, 2> kReserved = {"understanding-agent-space",
                                                       "tool-use-best-practices"};

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* name = field(skill, "name");
  if (!name || !name->is_string()) return;
  if (std::find(kReserved.begin(), kReserved.end(), name->value) == kReserved.end()) return;
  report.add(skill.skill_md_path(), name->pos,
             fmt::format("`name` `{}` is reserved by a DevOps Agent learned skill", name->value),
             "choose another name (and rename the folder to match)");
}

}  // namespace

extern const Rule kReservedName{
    .id = "SK303",
    .name = "reserved-name",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`name` is not a name the service uses for its learned skills.",
    .rationale =
        "DevOps Agent generates two learned skills in every agent space (DevOps Agent guide, "
        "\"Learned Skills\"): Agent Space Understanding (`understanding-agent-space`) and Tool "
        "Use Best Practices (`tool-use-best-practices`), and regenerates them on its own. A "
        "skill of yours with the same name is confused with them or overwritten.",
    .bad = "---\nname: understanding-agent-space\ndescription: Use this skill when ...\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
