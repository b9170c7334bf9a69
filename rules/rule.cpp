#include "rules/rule.h"

namespace skillkit {

std::string_view to_string(Layer layer) {
  switch (layer) {
    case Layer::AgentSkills:
      return "agentskills";
    case Layer::DevOpsAgent:
      return "devops-agent";
    case Layer::Policy:
      return "policy";
  }
  return "agentskills";
}

std::optional<Layer> parse_layer(std::string_view text) {
  if (text == "agentskills") return Layer::AgentSkills;
  if (text == "devops-agent") return Layer::DevOpsAgent;
  if (text == "policy") return Layer::Policy;
  return std::nullopt;
}

std::string_view to_string(Input input) {
  switch (input) {
    case Input::Source:
      return "source";
    case Input::Frontmatter:
      return "frontmatter";
    case Input::Body:
      return "body";
    case Input::Files:
      return "files";
  }
  return "source";
}

std::string_view to_string(Fixable fixable) {
  switch (fixable) {
    case Fixable::No:
      return "no";
    case Fixable::Sometimes:
      return "sometimes";
    case Fixable::Always:
      return "always";
  }
  return "no";
}

const YamlNode* Options::get(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

long long Options::integer(std::string_view name, long long fallback) const {
  const YamlNode* n = get(name);
  if (!n || !n->is_scalar()) return fallback;
  try {
    return std::stoll(n->value);
  } catch (...) {
    return fallback;
  }
}

std::string Options::string(std::string_view name) const {
  const YamlNode* n = get(name);
  return n && n->is_scalar() ? n->value : std::string();
}

bool Options::boolean(std::string_view name) const {
  const YamlNode* n = get(name);
  return n && n->is_scalar() && (n->value == "true" || n->value == "yes" || n->value == "on");
}

std::vector<std::string> Options::list(std::string_view name) const {
  std::vector<std::string> out;
  const YamlNode* n = get(name);
  if (!n) return out;
  if (n->is_scalar()) out.push_back(n->value);
  for (const YamlNode& item : n->items)
    if (item.is_scalar()) out.push_back(item.value);
  return out;
}

void Report::add(std::string file, Position pos, std::string message, std::string hint,
                 std::optional<Edit> fix) {
  Diagnostic d;
  d.rule_id = rule_.id;
  d.rule_name = rule_.name;
  d.severity = severity_;
  d.file = std::move(file);
  d.pos = pos;
  d.message = std::move(message);
  d.hint = std::move(hint);
  if (rule_.fixable != Fixable::No) d.fix = std::move(fix);
  out_.push_back(std::move(d));
}

}  // namespace skillkit
