// SK124 allowed-tools: `allowed-tools`, when present, is a string or a list of strings.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* tools = field(skill, "allowed-tools");
  if (!tools || tools->is_string()) return;
  if (!tools->is_sequence()) {
    report.add(skill.skill_md_path(), value_pos(skill, *field_key(skill, "allowed-tools"), *tools),
               fmt::format("`allowed-tools` is {}, not a string or a list of strings",
                           describe_type(*tools)),
               "list the tools separated by spaces, e.g. `allowed-tools: Read Bash(git:*)`");
    return;
  }
  for (const YamlNode& item : tools->items) {
    if (item.is_string()) continue;
    report.add(skill.skill_md_path(), item.pos,
               fmt::format("an `allowed-tools` item is {}, not a string", describe_type(item)),
               "write each tool as its name; quote names YAML would read otherwise");
  }
}

}  // namespace

extern const Rule kAllowedTools{
    .id = "SK124",
    .name = "allowed-tools",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`allowed-tools`, when present, is a space-separated string or a list of strings.",
    .rationale =
        "`allowed-tools` (experimental in the open format) names the tools a skill may use "
        "without asking. The format writes it as one space-separated string; the reference "
        "validator also accepts a list of strings (block or flow `[a, b]`). Anything else, "
        "including an empty key, cannot be read as tool names.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nallowed-tools:\n  Read: "
        "true\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nallowed-tools: Read "
        "Bash(git:*)\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
