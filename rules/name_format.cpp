// SK101 name-format: `name` is a string of lowercase letters, digits and single hyphens.
// Letters of any script are allowed here (as in the open format); SK300 name-ascii narrows
// them to a-z for DevOps Agent.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/unicode.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

// The first problem with `name`, or "" when it is well formed.
std::string problem(std::string_view name) {
  if (name.empty()) return "`name` is empty";
  if (name.front() == '-' || name.back() == '-') return "`name` must not start or end with `-`";
  if (name.find("--") != std::string_view::npos) return "`name` must not contain `--`";
  for (size_t i = 0; i < name.size();) {
    const size_t at = i;
    const char32_t cp = utf8::next(name, i);
    if (cp == U'-') continue;
    if (unicode::has_lowercase_form(cp))
      return fmt::format("`name` must be lowercase (`{}`)", name.substr(at, i - at));
    if (!unicode::is_alnum(cp))
      return fmt::format("`name` may hold only letters, digits and `-` (found `{}`)",
                         name.substr(at, i - at));
  }
  return {};
}

std::string suggestion(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* name = field(skill, "name");
  if (!name) return;  // SK100's finding
  if (!name->is_string()) {
    report.add(skill.skill_md_path(), name->pos,
               fmt::format("`name` is {}, not a string", describe_type(*name)),
               "write the name as plain text, e.g. `name: my-skill`");
    return;
  }
  const std::string p = problem(name->value);
  if (p.empty()) return;
  const std::string fixed = suggestion(name->value);
  report.add(skill.skill_md_path(), name->pos, p,
             fixed.empty() ? "use lowercase letters, digits and single hyphens"
                           : fmt::format("e.g. `name: {}`", fixed));
}

}  // namespace

extern const Rule kNameFormat{
    .id = "SK101",
    .name = "name-format",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`name` uses only lowercase letters, digits and single hyphens.",
    .rationale =
        "The name is the skill's identifier and its folder name; capitals, spaces, "
        "underscores and edge or double hyphens are refused by the format's validator "
        "and by the service.",
    .bad = "---\nname: PDF_Tools\ndescription: Use this skill when ...\n---\n",
    .good = "---\nname: pdf-tools\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
