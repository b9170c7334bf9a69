// SK009 yaml-strict: plain YAML only — no anchors, aliases, explicit tags or flow collections.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void visit(const Skill& skill, const YamlNode& node, Report& report) {
  const std::string path = skill.skill_md_path();
  if (node.anchored) report.add(path, node.pos, "YAML anchor (`&name`)", "write the value out");
  if (node.kind == YamlNode::Kind::Alias)
    report.add(path, node.pos, "YAML alias (`*name`)", "write the value out");
  if (node.tag != "?" && node.tag != "!") {
    constexpr std::string_view kCore = "tag:yaml.org,2002:";
    const std::string shown =
        node.tag.starts_with(kCore) ? "!!" + node.tag.substr(kCore.size()) : node.tag;
    report.add(path, node.pos, "explicit YAML tag `" + shown + "`", "quote the value instead");
  }
  if (node.flow)
    report.add(path, node.pos, node.is_mapping() ? "flow mapping (`{...}`)" : "flow list (`[...]`)",
               "use one item per line (`- item`)");
  for (const auto& [key, value] : node.entries) {
    visit(skill, key, report);
    visit(skill, value, report);
  }
  for (const YamlNode& item : node.items) visit(skill, item, report);
}

void check(const Skill& skill, const Options&, Report& report) {
  if (const YamlNode* fm = skill.frontmatter()) visit(skill, *fm, report);
}

}  // namespace

extern const Rule kYamlStrict{
    .id = "SK009",
    .name = "yaml-strict",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Off,
    .fixable = Fixable::No,
    .summary = "The frontmatter uses plain YAML: no anchors, aliases, tags or flow collections.",
    .rationale =
        "These are legal YAML but fragile: simple frontmatter readers in other agents "
        "mis-read them, and aliases can expand without bound. Off by default; turn it on "
        "for catalogs that want the plainest YAML.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nallowed-tools: [Read, "
        "Grep]\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nallowed-tools: Read Grep\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
