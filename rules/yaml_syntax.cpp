// SK005 yaml-syntax: the frontmatter is valid YAML. The message explains the two mistakes that
// cause most failures in real skills: an unquoted `: ` inside a value, and tab indentation.
#include <fmt/format.h>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.md.status != FrontmatterStatus::YamlError) return;
  const SourceText& src = skill.md.source;
  Position pos = src.position(skill.md.yaml_error_offset);
  const std::string_view line = src.line(pos.line);
  std::string message = fmt::format("invalid YAML: {}", skill.md.yaml_error);
  if (skill.md.yaml_error == "end of sequence flow not found")
    message = "invalid YAML: a `[` list is not closed by `]`";
  else if (skill.md.yaml_error == "end of map flow not found")
    message = "invalid YAML: a `{` mapping is not closed by `}`";
  std::string hint;

  const size_t indent_end = line.find_first_not_of(" \t");
  const size_t colon = line.find(": ");
  if (line.substr(0, indent_end == std::string_view::npos ? line.size() : indent_end).find('\t') !=
      std::string_view::npos) {
    message = "invalid YAML: a tab is used for indentation";
    pos.column = 1;
    hint = "indent with spaces only";
  } else if (skill.md.yaml_error == "illegal map value" && colon != std::string_view::npos &&
             colon < static_cast<size_t>(pos.column)) {
    const std::string key(line.substr(indent_end, colon - indent_end));
    message = fmt::format(
        "invalid YAML: the unquoted value of `{}` contains `: `, which YAML reads as a new key",
        key);
    hint = fmt::format("quote the whole value (`{}: \"...\"`) or use a folded block (`{}: >`)", key,
                       key);
  }
  report.add(skill.skill_md_path(), pos, message, hint);
}

}  // namespace

extern const Rule kYamlSyntax{
    .id = "SK005",
    .name = "yaml-syntax",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The frontmatter parses as YAML.",
    .rationale =
        "A frontmatter that does not parse gives no name or description: the upload is "
        "refused and other agents skip the skill. The most common cause is a description "
        "holding `: ` without quotes.",
    .bad = "---\nname: example\ndescription: Use this skill when: the cache is cold\n---\n",
    .good = "---\nname: example\ndescription: \"Use this skill when: the cache is cold\"\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
