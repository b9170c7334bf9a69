// DevOps Agent agent types: the wire values the service accepts, the labels its UI shows, and
// how a skill names them in `metadata` (two conventions). Shared by the SK31x rules and the
// upload client, which sends the resolved wire values as `agent_types`.
//
//   metadata:
//     agent_types: "CHAT, INCIDENT_RCA"                              # wire values
//     aws-devops-agent-skills.agent-types: "Chat tasks, Incident RCA"  # UI labels
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillkit/diagnostic.h"
#include "skillkit/yaml_tree.h"

namespace skillkit::rules {

/// How sure the project is that the service accepts a value (see upload-api.md).
enum class Confidence { High, Medium, Low };

struct WireValue {
  std::string_view value;  // "INCIDENT_RCA"
  Confidence confidence;
};

struct AgentTypeLabel {
  std::string_view label;            // as the UI shows it: "Incident RCA"
  std::string_view wire;             // its wire value, or "" when none is agreed ("Evaluation")
  std::string_view documented_wire;  // the documented guess when `wire` is "" ("PREVENTION")
};

/// The `metadata` keys of the two conventions.
inline constexpr std::string_view kAgentTypesKey = "agent_types";
inline constexpr std::string_view kAgentTypeLabelsKey = "aws-devops-agent-skills.agent-types";
/// The type that means "every agent"; never combined with another. Also the default.
inline constexpr std::string_view kGenericAgentType = "GENERIC";

/// Every wire value the service is known to accept, high confidence first.
std::span<const WireValue> wire_values();
/// Every UI label, "Evaluation" included.
std::span<const AgentTypeLabel> agent_type_labels();

/// Whether `value` is an accepted wire value, exactly (wire values are uppercase).
bool is_wire_value(std::string_view value);
/// The wire value of a UI label, compared case-insensitively: "chat tasks" -> "CHAT". Nullopt
/// for an unknown label and for a label with no agreed wire value ("Evaluation").
std::optional<std::string_view> wire_value_for_label(std::string_view label);
/// The label entry for `label` (case-insensitive), or nullptr when it is no UI label.
const AgentTypeLabel* find_agent_type_label(std::string_view label);

/// Which convention an item was written in.
enum class AgentTypeConvention { Wire, Label };

/// How messages name a convention's key: "`metadata.agent_types`".
std::string_view convention_key(AgentTypeConvention convention);

/// One comma-separated item of either convention.
struct AgentTypeItem {
  std::string text;  // as written, trimmed: "Chat tasks"
  std::string wire;  // its wire value, or "" when unknown or unmapped
  AgentTypeConvention convention = AgentTypeConvention::Wire;
  bool known = false;  // a wire value (Wire) or a UI label (Label), "Evaluation" included
  const YamlNode* node = nullptr;  // the scalar it was read from
  Position pos;                    // where to report it (the scalar's position)
};

/// The agent types a skill's `metadata` names, in both conventions.
struct SkillAgentTypes {
  const YamlNode* wire_node = nullptr;   // value of `agent_types`, when readable
  const YamlNode* label_node = nullptr;  // value of `aws-devops-agent-skills.agent-types`
  std::vector<AgentTypeItem> wire_items;
  std::vector<AgentTypeItem> label_items;
  /// What to send: the known wire values of `agent_types` when it is set, else those of the
  /// labels, else GENERIC; sorted, without duplicates. Unknown and unmapped items are left out.
  std::vector<std::string> resolved;
};

/// Reads both conventions from a skill's `metadata` mapping (nullptr or a non-mapping gives
/// the default, GENERIC). A value is read when it is a string (comma-separated) or a list of
/// strings; any other value is ignored (the metadata rules report it).
SkillAgentTypes read_agent_types(const YamlNode* metadata);

/// The valid value nearest to `text` for a hint: a wire value (`chat` -> `CHAT`) or, for
/// labels, a label (`incident rca` is already valid; `Incident-RCA` -> `Incident RCA`).
/// "" when nothing is close.
std::string nearest_agent_type(std::string_view text, AgentTypeConvention convention);

}  // namespace skillkit::rules
