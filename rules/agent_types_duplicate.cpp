// SK313 agent-types-duplicate: no agent type is named twice in one convention.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "rules/agent_types.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void check_items(const Skill& skill, const std::vector<AgentTypeItem>& items, Report& report) {
  // The type each known item means: its wire value, or the label itself when it has none.
  std::map<std::string, std::vector<const AgentTypeItem*>> by_type;
  std::vector<std::string> order;
  for (const AgentTypeItem& item : items) {
    if (!item.known) continue;  // SK310's finding
    const std::string type = item.wire.empty() ? lower(item.text) : item.wire;
    auto& group = by_type[type];
    if (group.empty()) order.push_back(type);
    group.push_back(&item);
  }
  for (const std::string& type : order) {
    const auto& group = by_type[type];
    if (group.size() < 2) continue;
    const std::string times = group.size() == 2 ? "twice" : fmt::format("{} times", group.size());
    std::vector<std::string> texts;
    for (const AgentTypeItem* item : group) texts.push_back(item->text);
    const bool same_text = std::all_of(texts.begin(), texts.end(), [&](const std::string& t) {
      return lower(t) == lower(texts.front());
    });
    const std::string what = same_text ? fmt::format("`{}` {}", texts.front(), times)
                                       : fmt::format("{} {} (`{}`)", group.front()->wire, times,
                                                     fmt::join(texts, "`, `"));
    report.add(skill.skill_md_path(), group[1]->pos,
               fmt::format("{} names {}", convention_key(group.front()->convention), what),
               "name each agent type once");
  }
}

void check(const Skill& skill, const Options&, Report& report) {
  const SkillAgentTypes types = read_agent_types(field(skill, "metadata"));
  check_items(skill, types.wire_items, report);
  check_items(skill, types.label_items, report);
}

}  // namespace

extern const Rule kAgentTypesDuplicate{
    .id = "SK313",
    .name = "agent-types-duplicate",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary = "No agent type is named twice.",
    .rationale =
        "A repeated agent type is harmless to the service but is usually a slip: a type meant "
        "to be different (INCIDENT_RCA written where INCIDENT_TRIAGE was meant), or two labels "
        "for the same type (On-demand and Chat tasks are both CHAT).",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  "
        "aws-devops-agent-skills.agent-types: \"On-demand, Chat tasks\"\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  "
        "aws-devops-agent-skills.agent-types: \"Chat tasks\"\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
