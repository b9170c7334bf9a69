// SK008 yaml-document-marker: no `...` document-end marker inside the frontmatter.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  for (int line : skill.md.document_marker_lines)
    report.add(skill.skill_md_path(), {line, 1},
               "`...` ends the YAML document inside the frontmatter; the fields after it are lost",
               "remove the `...` line");
}

}  // namespace

extern const Rule kYamlDocumentMarker{
    .id = "SK008",
    .name = "yaml-document-marker",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The frontmatter holds one YAML document (no `...` marker inside).",
    .rationale =
        "A `...` line ends the YAML document: most readers ignore what follows it, so "
        "fields written after it silently disappear.",
    .bad = "---\nname: example\n...\ndescription: Use this skill when ...\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
