// SK314 agent-types-label-unmapped: a UI label with no agreed wire value is made explicit.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rules/agent_types.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const SkillAgentTypes types = read_agent_types(field(skill, "metadata"));
  if (types.wire_node) return;  // explicit wire values decide (SK312 compares the two)
  // What `agent_types` would say with each label's value, the guesses included.
  std::vector<std::string> explicit_types;
  for (const AgentTypeItem& item : types.label_items) {
    if (!item.known) continue;
    const AgentTypeLabel* label = find_agent_type_label(item.text);
    const std::string wire(item.wire.empty() ? label->documented_wire : label->wire);
    if (std::find(explicit_types.begin(), explicit_types.end(), wire) == explicit_types.end())
      explicit_types.push_back(wire);
  }
  for (const AgentTypeItem& item : types.label_items) {
    if (!item.known || !item.wire.empty()) continue;
    const AgentTypeLabel* label = find_agent_type_label(item.text);
    report.add(skill.skill_md_path(), item.pos,
               fmt::format("agent type label `{}` has no agreed wire value (documented as {}, "
                           "low confidence)",
                           item.text, label->documented_wire),
               fmt::format("say which type you mean: add `agent_types: \"{}\"` to `metadata`",
                           fmt::join(explicit_types, ", ")));
    return;  // one finding names the fix for every unmapped label
  }
}

}  // namespace

extern const Rule kAgentTypesLabelUnmapped{
    .id = "SK314",
    .name = "agent-types-label-unmapped",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary =
        "A UI label with no agreed wire value (Evaluation) comes with explicit "
        "`agent_types`.",
    .rationale =
        "The operator app's Evaluation agent has no documented wire value: upload-api.md "
        "records PREVENTION with low confidence. A skill that names it only by label reaches "
        "whatever agent a tool guesses (skillkit leaves it out of the upload), so say which "
        "type you mean with `metadata.agent_types`.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  "
        "aws-devops-agent-skills.agent-types: \"Chat tasks, Evaluation\"\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  agent_types: "
        "\"CHAT, PREVENTION\"\n  aws-devops-agent-skills.agent-types: \"Chat tasks, "
        "Evaluation\"\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
