// SK130 unknown-key: the frontmatter holds only the keys the open format defines.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

constexpr std::array<std::string_view, 6> kKnownKeys = {
    "name", "description", "license", "compatibility", "metadata", "allowed-tools"};

constexpr OptionSpec kOptions[] = {
    {"allowed", "list", "[]",
     "More top-level keys to accept, for the agents that read them (e.g. `[model, "
     "disable-model-invocation]` for Claude Code)."},
};

void check(const Skill& skill, const Options& options, Report& report) {
  const std::vector<std::string> allowed = options.list("allowed");
  std::set<std::string> seen;
  for (const auto& [key, value] : skill.frontmatter()->entries) {
    if (!key.is_scalar()) {
      report.add(skill.skill_md_path(), key.pos,
                 fmt::format("a frontmatter key is {}, not a name", describe_type(key)),
                 "use one of name, description, license, compatibility, metadata, "
                 "allowed-tools");
      continue;
    }
    const std::string& name = key.value;
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), name) != kKnownKeys.end()) continue;
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    if (!seen.insert(name).second) continue;  // the duplicate is SK007's finding
    report.add(skill.skill_md_path(), key.pos, fmt::format("unknown frontmatter key `{}`", name),
               fmt::format("move it under `metadata` (as a string value), or accept it with "
                           "`rules: {{unknown-key: {{allowed: [{}]}}}}` in .skillkit.yaml",
                           name));
  }
}

}  // namespace

extern const Rule kUnknownKey{
    .id = "SK130",
    .name = "unknown-key",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary =
        "The frontmatter holds only name, description, license, compatibility, metadata "
        "and allowed-tools.",
    .rationale =
        "The open format defines six top-level keys and its reference validator refuses any "
        "other; properties of your own belong under `metadata`. Some agents read extra keys "
        "(Claude Code's `model`, for instance): accept those with the `allowed` option.",
    .bad = "---\nname: example\ndescription: Use this skill when ...\nversion: 1.0.0\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n  version: "
        "\"1.0.0\"\n---\n",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
