// SK103 name-directory-mismatch: `name` equals the skill folder's name (after Unicode NFKC).
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/unicode.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"fix-name", "bool", "false",
     "With --fix, rewrite `name` to the folder's name. Off by default: renaming is a decision "
     "(the folder may be the one that is wrong)."},
};

void check(const Skill& skill, const Options& options, Report& report) {
  const YamlNode* name = field(skill, "name");
  if (!name || !name->is_string() || name->value.empty()) return;
  if (unicode::nfkc(name->value) == unicode::nfkc(skill.dir_name)) return;
  std::optional<Edit> fix;
  const size_t end = scalar_end(skill, *name);
  if (options.boolean("fix-name") && end != 0)
    fix = Edit{skill.skill_md_path(), name->offset, end, skill.dir_name};
  report.add(skill.skill_md_path(), name->pos,
             fmt::format("`name` is `{}` but the folder is `{}`", name->value, skill.dir_name),
             "rename the folder or change `name` so they match", std::move(fix));
}

}  // namespace

extern const Rule kNameDirectoryMismatch{
    .id = "SK103",
    .name = "name-directory-mismatch",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::Sometimes,
    .summary = "`name` equals the name of the folder that holds SKILL.md.",
    .rationale =
        "Agents find skills by folder and refer to them by name; when the two differ, "
        "references break and the same skill appears under two names.",
    .bad = "=== SKILL.md\n---\nname: other-name\ndescription: Use this skill when ...\n---\n",
    .good = "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
