// SK120 license-type: `license`, when present, is a string.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* license = field(skill, "license");
  if (!license || license->is_string()) return;
  report.add(skill.skill_md_path(), value_pos(skill, *field_key(skill, "license"), *license),
             fmt::format("`license` is {}, not a string", describe_type(*license)),
             "write a license name or file as text, e.g. `license: Apache-2.0`, or remove the "
             "key");
}

}  // namespace

extern const Rule kLicenseType{
    .id = "SK120",
    .name = "license-type",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`license`, when present, is a string.",
    .rationale =
        "The format defines `license` as text: a license name (`Apache-2.0`) or the name of a "
        "bundled license file. An empty key, a list or a mapping is read differently by every "
        "tool that shows or checks licenses.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nlicense:\n  - MIT\n"
        "  - Apache-2.0\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nlicense: MIT OR "
        "Apache-2.0\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
