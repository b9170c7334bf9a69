// SK012 trailing-newline: SKILL.md ends with a line break.
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const std::string& b = skill.md.source.bytes();
  if (b.size() <= skill.md.source.content_begin() || b.back() == '\n') return;
  const SourceText& src = skill.md.source;
  const bool crlf = b.find("\r\n") != std::string::npos;
  report.add(skill.skill_md_path(), src.position(b.size()), "no line break at the end of the file",
             "add a final newline",
             Edit{skill.skill_md_path(), b.size(), b.size(), crlf ? "\r\n" : "\n"});
}

}  // namespace

extern const Rule kTrailingNewline{
    .id = "SK012",
    .name = "trailing-newline",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Warning,
    .fixable = Fixable::Always,
    .summary = "SKILL.md ends with a newline.",
    .rationale =
        "Tools that append or concatenate text (and diff) expect a final newline; without "
        "it the last line can merge with what follows.",
    .bad = "---\nname: example\ndescription: Use this skill when ...\n---\nLast line",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\nLast line\n",
    .check = &check,
};

}  // namespace skillkit::rules
