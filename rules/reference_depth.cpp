// SK204 reference-depth: SKILL.md links to files at most one folder deep (`references/x.md`,
// not `references/db/x.md`). Only links to files the skill holds are checked (a missing file
// is SK201's); images are not (assets/ may be organised freely).
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  for (const MdLink& link : skill.body.links) {
    if (link.image) continue;
    const LinkTarget target = classify_link(link.url);
    if (target.kind != LinkTarget::Kind::Relative || target.outside) continue;
    const auto depth = std::count(target.path.begin(), target.path.end(), '/');
    if (depth < 2) continue;
    const FileEntry* e = skill.files.find(target.path);
    if (!e || e->is_dir) continue;
    const std::string top = target.path.substr(0, target.path.find('/'));
    const std::string name = target.path.substr(target.path.rfind('/') + 1);
    report.add(
        skill.skill_md_path(), link.pos,
        fmt::format("link target `{}` is {} folders deep", link.url, depth),
        fmt::format("keep reference files one level below SKILL.md, e.g. `{}/{}`", top, name));
  }
}

}  // namespace

extern const Rule kReferenceDepth{
    .id = "SK204",
    .name = "reference-depth",
    .layer = Layer::AgentSkills,
    .input = Input::Body,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary = "SKILL.md links to reference files at most one folder deep.",
    .rationale =
        "The open format advises keeping references one level deep from SKILL.md: agents "
        "find and load `references/x.md` reliably, while deep trees get skimmed or missed. "
        "Images are not checked.",
    .bad =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "See [failover](references/db/failover.md).\n"
        "=== references/db/failover.md\n# Failover\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "See [failover](references/db-failover.md).\n"
        "=== references/db-failover.md\n# Failover\n",
    .check = &check,
};

}  // namespace skillkit::rules
