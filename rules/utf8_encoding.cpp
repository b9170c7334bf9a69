// SK001 utf8-encoding: SKILL.md must be UTF-8.
#include <fmt/format.h>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  if (skill.md.status != FrontmatterStatus::NotUtf8) return;
  const size_t at = skill.md.invalid_utf8_offset;
  const auto byte = static_cast<unsigned char>(skill.md.source.bytes()[at]);
  report.add(skill.skill_md_path(), skill.md.source.position(at),
             fmt::format("invalid UTF-8: byte 0x{:02X} at offset {}", byte, at),
             "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)");
}

}  // namespace

extern const Rule kUtf8Encoding{
    .id = "SK001",
    .name = "utf8-encoding",
    .layer = Layer::AgentSkills,
    .input = Input::Source,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "SKILL.md is valid UTF-8 (a leading BOM is tolerated).",
    .rationale =
        "Agents and the upload validator read SKILL.md as UTF-8; other encodings garble "
        "names and descriptions or are refused. Nothing else in the file is checked "
        "until it decodes.",
    .bad = "---\nname: example\ndescription: caf\xE9 (Latin-1)\n---\n",
    .good = "---\nname: example\ndescription: café (UTF-8)\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
