// SK310 agent-types-unknown: every agent type in `metadata` is one the service knows.
#include <fmt/format.h>

#include <cctype>
#include <set>

#include "rules/agent_types.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string wire_hint(std::string_view text) {
  if (const AgentTypeLabel* label = find_agent_type_label(text)) {
    if (label->wire.empty())
      return fmt::format(
          "`{}` is a UI label with no agreed wire value; the documented guess is "
          "`{}`",
          label->label, label->documented_wire);
    return fmt::format("`{}` is a UI label: its wire value is `{}`", label->label, label->wire);
  }
  const std::string nearest = nearest_agent_type(text, AgentTypeConvention::Wire);
  if (nearest.empty())
    return "use GENERIC, CHAT, INCIDENT_TRIAGE, INCIDENT_RCA, INCIDENT_MITIGATION, PREVENTION, "
           "RELEASE_TESTING or RELEASE_READINESS_REVIEW";
  if (upper(text) == nearest) return fmt::format("wire values are uppercase: write `{}`", nearest);
  return fmt::format("did you mean `{}`?", nearest);
}

std::string label_hint(std::string_view text) {
  const std::string as_wire = upper(text);
  if (is_wire_value(as_wire)) {
    for (const AgentTypeLabel& label : agent_type_labels())
      if (label.wire == as_wire)
        return fmt::format(
            "`{}` is a wire value: write it under `agent_types`, or use the label "
            "`{}`",
            text, label.label);
    return fmt::format("`{}` has no UI label: write it under `agent_types` instead", as_wire);
  }
  const std::string nearest = nearest_agent_type(text, AgentTypeConvention::Label);
  if (!nearest.empty()) return fmt::format("did you mean `{}`?", nearest);
  return "use Generic, On-demand, Chat tasks, Incident Triage, Incident RCA, Incident "
         "Mitigation or Evaluation";
}

void check(const Skill& skill, const Options&, Report& report) {
  const SkillAgentTypes types = read_agent_types(field(skill, "metadata"));
  std::set<std::pair<const YamlNode*, std::string>> reported;
  for (const auto* items : {&types.wire_items, &types.label_items}) {
    for (const AgentTypeItem& item : *items) {
      if (item.known || !reported.emplace(item.node, item.text).second) continue;
      const bool wire = item.convention == AgentTypeConvention::Wire;
      report.add(skill.skill_md_path(), item.pos,
                 fmt::format("{} names unknown agent type {}`{}`", convention_key(item.convention),
                             wire ? "" : "label ", item.text),
                 wire ? wire_hint(item.text) : label_hint(item.text));
    }
  }
}

}  // namespace

extern const Rule kAgentTypesUnknown{
    .id = "SK310",
    .name = "agent-types-unknown",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Agent types in `metadata` are values or labels the service knows.",
    .rationale =
        "Agent types choose which DevOps Agent agents load the skill. `metadata.agent_types` "
        "holds comma-separated wire values, exactly as the API takes them (uppercase: GENERIC, "
        "CHAT, INCIDENT_TRIAGE, INCIDENT_RCA, INCIDENT_MITIGATION, PREVENTION, RELEASE_TESTING, "
        "RELEASE_READINESS_REVIEW, and the values seen accepted: INCIDENT_UI, CHANGE_REVIEW, "
        "CHANGE_RELEASE, QUALITY_ASSURANCE_TESTING, RELEASE_SHEPHERD, SYSTEM_LEARNING). "
        "`metadata[\"aws-devops-agent-skills.agent-types\"]` holds the operator app's labels "
        "(Generic, On-demand or Chat tasks, Incident Triage, Incident RCA, Incident Mitigation, "
        "Evaluation; any case). An unknown value is refused on upload or silently dropped.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  agent_types: "
        "\"chat, INCIDENT_RCA\"\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  agent_types: "
        "\"CHAT, INCIDENT_RCA\"\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
