// SK300 name-ascii: DevOps Agent accepts only ASCII `a-z0-9-` in `name`.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/unicode.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

// Whether `name` passes SK101 name-format (letters of any script): if not, that is SK101's
// finding, and this rule stays silent.
bool open_format_valid(std::string_view name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  if (name.find("--") != std::string_view::npos) return false;
  for (size_t i = 0; i < name.size();) {
    const char32_t cp = utf8::next(name, i);
    if (cp == U'-') continue;
    if (unicode::has_lowercase_form(cp) || !unicode::is_alnum(cp)) return false;
  }
  return true;
}

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* name = field(skill, "name");
  if (!name || !name->is_string() || !open_format_valid(name->value)) return;
  const std::string_view text = name->value;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    utf8::next(text, i);
    if (i - at == 1) continue;  // ASCII (SK101 has checked it is a-z, 0-9 or -)
    report.add(skill.skill_md_path(), name->pos,
               fmt::format("`name` holds `{}`; DevOps Agent accepts only a-z, 0-9 and `-`",
                           text.substr(at, i - at)),
               "spell the name with ASCII letters (and rename the folder to match)");
    return;
  }
}

}  // namespace

extern const Rule kNameAscii{
    .id = "SK300",
    .name = "name-ascii",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`name` uses only ASCII lowercase letters, digits and hyphens.",
    .rationale =
        "The open format allows lowercase letters of any script (`café-tools`), but DevOps "
        "Agent documents and validates names as a-z, 0-9 and `-` only, so such a skill lints "
        "clean as an Agent Skill and is refused on upload. Names that break the open format "
        "too are left to SK101 name-format.",
    .bad = "---\nname: exämple\ndescription: Use this skill when ...\n---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
