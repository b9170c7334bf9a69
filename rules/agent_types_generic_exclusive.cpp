// SK311 agent-types-generic-exclusive: GENERIC is never combined with another agent type.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rules/agent_types.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check_items(const Skill& skill, const std::vector<AgentTypeItem>& items, Report& report) {
  const AgentTypeItem* generic = nullptr;
  std::vector<std::string> others;
  for (const AgentTypeItem& item : items) {
    if (item.wire.empty()) continue;  // unknown (SK310) or unmapped (SK314)
    if (item.wire == kGenericAgentType) {
      if (!generic) generic = &item;
    } else if (std::find(others.begin(), others.end(), item.text) == others.end()) {
      others.push_back(item.text);
    }
  }
  if (!generic || others.empty()) return;
  report.add(skill.skill_md_path(), generic->pos,
             fmt::format("{} combines `{}` with `{}`", convention_key(generic->convention),
                         generic->text, fmt::join(others, "`, `")),
             fmt::format("`{}` already means every agent: keep it alone, or remove it to target "
                         "only `{}`",
                         generic->text, fmt::join(others, "`, `")));
}

void check(const Skill& skill, const Options&, Report& report) {
  const SkillAgentTypes types = read_agent_types(field(skill, "metadata"));
  check_items(skill, types.wire_items, report);
  check_items(skill, types.label_items, report);
}

}  // namespace

extern const Rule kAgentTypesGenericExclusive{
    .id = "SK311",
    .name = "agent-types-generic-exclusive",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "GENERIC (the label Generic) is not combined with other agent types.",
    .rationale =
        "GENERIC makes a skill available to every agent type; the API refuses it together "
        "with another type, and the operator app has Generic deselected to target specific "
        "agents. Either convention is checked.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  agent_types: "
        "\"GENERIC, CHAT\"\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  agent_types: "
        "CHAT\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
