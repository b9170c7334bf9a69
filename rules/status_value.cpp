// SK315 status-value: `metadata.status`, when present, is ACTIVE or INACTIVE.
#include <fmt/format.h>

#include <cctype>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* metadata = field(skill, "metadata");
  if (!metadata || !metadata->is_mapping()) return;  // SK122's finding
  const YamlNode* status = metadata->find("status");
  if (!status || !status->is_string()) return;  // a non-string value is SK123's finding
  const std::string& value = status->value;
  if (value == "ACTIVE" || value == "INACTIVE") return;
  std::string upper = value;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  report.add(
      skill.skill_md_path(), status->pos,
      fmt::format("`metadata.status` is `{}`; the service accepts ACTIVE or INACTIVE", value),
      upper == "ACTIVE" || upper == "INACTIVE"
          ? fmt::format("status values are uppercase: write `{}`", upper)
          : "write ACTIVE (the default) or INACTIVE, or remove the key");
}

}  // namespace

extern const Rule kStatusValue{
    .id = "SK315",
    .name = "status-value",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`metadata.status` is ACTIVE or INACTIVE.",
    .rationale =
        "`metadata.status` sets whether DevOps Agent uses the uploaded skill. The API takes "
        "only the uppercase values ACTIVE (the default) and INACTIVE; `active` or `disabled` "
        "is refused on upload.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  status: "
        "active\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  status: "
        "INACTIVE\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
