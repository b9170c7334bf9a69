// SK312 agent-types-mismatch: both agent-type conventions, when present, name the same types.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "rules/agent_types.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const SkillAgentTypes types = read_agent_types(field(skill, "metadata"));
  if (!types.wire_node || !types.label_node) return;
  std::set<std::string> wire, labels;
  bool guessed = false;  // a label with no agreed value, compared as its documented guess
  for (const AgentTypeItem& item : types.wire_items)
    if (item.known) wire.insert(item.wire);
  for (const AgentTypeItem& item : types.label_items) {
    if (!item.known) continue;  // SK310's finding
    if (!item.wire.empty()) {
      labels.insert(item.wire);
    } else if (const AgentTypeLabel* label = find_agent_type_label(item.text)) {
      labels.insert(std::string(label->documented_wire));
      guessed = true;
    }
  }
  if (wire.empty() || labels.empty() || wire == labels) return;
  report.add(skill.skill_md_path(), types.wire_node->pos,
             fmt::format("{} ({}) and {} ({}) name different agent types",
                         convention_key(AgentTypeConvention::Wire), fmt::join(wire, ", "),
                         convention_key(AgentTypeConvention::Label), fmt::join(labels, ", ")),
             guessed ? "make them agree (Evaluation is read as PREVENTION), or keep only "
                       "`agent_types`, which is what is uploaded"
                     : "make them agree, or keep only `agent_types`, which is what is uploaded");
}

}  // namespace

extern const Rule kAgentTypesMismatch{
    .id = "SK312",
    .name = "agent-types-mismatch",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`agent_types` and the `aws-devops-agent-skills.agent-types` labels agree.",
    .rationale =
        "A skill may name its agent types both as wire values and as UI labels; tools read one "
        "or the other, so when the two differ the skill reaches different agents depending on "
        "how it was uploaded. skillkit uploads `agent_types` when it is present. Labels are "
        "compared by their wire values (Evaluation as PREVENTION, its documented value); "
        "unknown values are left to SK310.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  agent_types: "
        "CHAT\n  aws-devops-agent-skills.agent-types: \"Chat tasks, Incident RCA\"\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  agent_types: "
        "\"CHAT, INCIDENT_RCA\"\n  aws-devops-agent-skills.agent-types: \"Chat tasks, "
        "Incident RCA\"\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
