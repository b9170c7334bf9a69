// SK010 line-endings: lines end with LF or CRLF; a lone CR is an old Mac line end or a stray
// byte, and different readers split lines differently around it.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const std::string& b = skill.md.source.bytes();
  for (size_t i = b.find('\r'); i != std::string::npos; i = b.find('\r', i + 1)) {
    if (i + 1 >= b.size() || b[i + 1] != '\n') {
      report.add(skill.skill_md_path(), skill.md.source.position(i),
                 "lone carriage return (CR) without a line feed",
                 "convert the file to LF or CRLF line endings (e.g. `dos2unix`)");
      return;  // one finding per file: the rest are the same problem
    }
  }
}

}  // namespace

extern const Rule kLineEndings{
    .id = "SK010",
    .name = "line-endings",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary = "Lines end with LF or CRLF, never a lone CR.",
    .rationale =
        "A lone CR is invisible in most editors but YAML and Markdown readers disagree on "
        "whether it ends a line, so fields and headings can merge.",
    .bad = "---\rname: example\r---\r",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
