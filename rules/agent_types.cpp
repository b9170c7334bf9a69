#include "rules/agent_types.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "rules/common.h"

namespace skillkit::rules {
namespace {

// upload-api.md, "Skill metadata keys": high confidence, then values seen accepted (medium).
constexpr std::array kWireValues = {
    WireValue{"GENERIC", Confidence::High},
    WireValue{"CHAT", Confidence::High},
    WireValue{"INCIDENT_TRIAGE", Confidence::High},
    WireValue{"INCIDENT_RCA", Confidence::High},
    WireValue{"INCIDENT_MITIGATION", Confidence::High},
    WireValue{"PREVENTION", Confidence::High},
    WireValue{"RELEASE_TESTING", Confidence::High},
    WireValue{"RELEASE_READINESS_REVIEW", Confidence::High},
    WireValue{"INCIDENT_UI", Confidence::Medium},
    WireValue{"CHANGE_REVIEW", Confidence::Medium},
    WireValue{"CHANGE_RELEASE", Confidence::Medium},
    WireValue{"QUALITY_ASSURANCE_TESTING", Confidence::Medium},
    WireValue{"RELEASE_SHEPHERD", Confidence::Medium},
    WireValue{"SYSTEM_LEARNING", Confidence::Medium},
};

// The labels of the operator app's Agent Type dropdown (DevOps Agent guide, "Creating
// Skills"); "Chat tasks" is what the public skill repositories write for On-demand.
constexpr std::array kLabels = {
    AgentTypeLabel{"Generic", "GENERIC", ""},
    AgentTypeLabel{"On-demand", "CHAT", ""},
    AgentTypeLabel{"Chat tasks", "CHAT", ""},
    AgentTypeLabel{"Incident Triage", "INCIDENT_TRIAGE", ""},
    AgentTypeLabel{"Incident RCA", "INCIDENT_RCA", ""},
    AgentTypeLabel{"Incident Mitigation", "INCIDENT_MITIGATION", ""},
    AgentTypeLabel{"Evaluation", "", "PREVENTION"},
};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Lowercase, `_` and `-` as spaces, blanks collapsed: "Incident-RCA" and "INCIDENT_RCA" meet.
std::string normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '_' || c == '-' || std::isspace(u)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(u));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

void read_items(const YamlNode* value, AgentTypeConvention convention,
                std::vector<AgentTypeItem>& out) {
  auto add = [&](std::string text, const YamlNode& node) {
    AgentTypeItem item;
    item.convention = convention;
    item.node = &node;
    item.pos = node.pos;
    if (convention == AgentTypeConvention::Wire) {
      item.known = is_wire_value(text);
      if (item.known) item.wire = text;
    } else if (const AgentTypeLabel* label = find_agent_type_label(text)) {
      item.known = true;
      item.wire = std::string(label->wire);
    }
    item.text = std::move(text);
    out.push_back(std::move(item));
  };
  if (value->is_scalar()) {
    for (std::string& text : split_commas(value->value)) add(std::move(text), *value);
    return;
  }
  for (const YamlNode& node : value->items)
    if (node.is_string())
      for (std::string& text : split_commas(node.value)) add(std::move(text), node);
}

// A value the conventions can be read from: a string, or a list of strings.
bool readable(const YamlNode* value) {
  if (!value) return false;
  if (value->is_sequence())
    return std::all_of(value->items.begin(), value->items.end(),
                       [](const YamlNode& item) { return item.is_string(); });
  return value->is_string();
}

}  // namespace

std::span<const WireValue> wire_values() {
  return kWireValues;
}

std::span<const AgentTypeLabel> agent_type_labels() {
  return kLabels;
}

bool is_wire_value(std::string_view value) {
  return std::any_of(kWireValues.begin(), kWireValues.end(),
                     [&](const WireValue& w) { return w.value == value; });
}

const AgentTypeLabel* find_agent_type_label(std::string_view label) {
  for (const AgentTypeLabel& l : kLabels)
    if (iequals(l.label, label)) return &l;
  return nullptr;
}

std::optional<std::string_view> wire_value_for_label(std::string_view label) {
  const AgentTypeLabel* l = find_agent_type_label(label);
  if (!l || l->wire.empty()) return std::nullopt;
  return l->wire;
}

std::string_view convention_key(AgentTypeConvention convention) {
  return convention == AgentTypeConvention::Wire ? "`metadata.agent_types`"
                                                 : "`metadata.aws-devops-agent-skills.agent-types`";
}

SkillAgentTypes read_agent_types(const YamlNode* metadata) {
  SkillAgentTypes out;
  if (metadata && metadata->is_mapping()) {
    const YamlNode* wire = metadata->find(kAgentTypesKey);
    const YamlNode* labels = metadata->find(kAgentTypeLabelsKey);
    if (readable(wire)) {
      out.wire_node = wire;
      read_items(wire, AgentTypeConvention::Wire, out.wire_items);
    }
    if (readable(labels)) {
      out.label_node = labels;
      read_items(labels, AgentTypeConvention::Label, out.label_items);
    }
  }
  const auto& chosen = out.wire_node ? out.wire_items : out.label_items;
  for (const AgentTypeItem& item : chosen)
    if (!item.wire.empty()) out.resolved.push_back(item.wire);
  std::sort(out.resolved.begin(), out.resolved.end());
  out.resolved.erase(std::unique(out.resolved.begin(), out.resolved.end()), out.resolved.end());
  if (out.resolved.empty()) out.resolved.emplace_back(kGenericAgentType);
  return out;
}

std::string nearest_agent_type(std::string_view text, AgentTypeConvention convention) {
  const std::string wanted = normalize(text);
  std::string best;
  size_t best_distance = std::max<size_t>(2, wanted.size() / 3) + 1;
  auto consider = [&](std::string_view candidate, std::string_view result) {
    if (result.empty()) return;
    const size_t d = edit_distance(wanted, normalize(candidate));
    if (d < best_distance) {
      best_distance = d;
      best = std::string(result);
    }
  };
  for (const AgentTypeLabel& l : kLabels) {
    if (convention == AgentTypeConvention::Wire) {
      consider(l.label, l.wire.empty() ? l.documented_wire : l.wire);
    } else {
      consider(l.label, l.label);
    }
  }
  for (const WireValue& w : kWireValues) {
    if (convention == AgentTypeConvention::Wire) {
      consider(w.value, w.value);
    } else {
      // A wire value written as a label: suggest the label that means it, when there is one.
      for (const AgentTypeLabel& l : kLabels)
        if (l.wire == w.value) {
          consider(w.value, l.label);
          break;
        }
    }
  }
  return best;
}

}  // namespace skillkit::rules
