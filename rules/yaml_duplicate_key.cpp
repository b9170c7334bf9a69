// SK007 yaml-duplicate-key: no key appears twice in one mapping, at any depth.
#include <fmt/format.h>

#include <map>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void visit(const Skill& skill, const YamlNode& node, Report& report) {
  if (node.is_mapping()) {
    std::map<std::string, const YamlNode*> first;
    for (const auto& [key, value] : node.entries) {
      if (key.is_scalar()) {
        auto [it, inserted] = first.emplace(key.value, &key);
        if (!inserted)
          report.add(skill.skill_md_path(), key.pos,
                     fmt::format("duplicate key `{}` (first defined at line {})", key.value,
                                 it->second->pos.line),
                     "remove one of them: YAML readers disagree on which one wins");
      }
      visit(skill, value, report);
    }
  }
  for (const YamlNode& item : node.items) visit(skill, item, report);
}

void check(const Skill& skill, const Options&, Report& report) {
  if (const YamlNode* fm = skill.frontmatter()) visit(skill, *fm, report);
}

}  // namespace

extern const Rule kYamlDuplicateKey{
    .id = "SK007",
    .name = "yaml-duplicate-key",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "No key is defined twice in the same mapping.",
    .rationale =
        "YAML forbids duplicate keys, yet many parsers accept them silently and keep "
        "either the first or the last: the service may see a different value than you.",
    .bad = "---\nname: example\ndescription: first\ndescription: second\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
