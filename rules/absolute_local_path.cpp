// SK203 absolute-local-path: a link or image in SKILL.md to a `file:` URL or an absolute local
// path: `/...` (any path starting with one slash), `\...`, `~/...`, `C:\...`, `C:/...`.
// `//host/...` is a protocol-relative web URL and is not reported.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

void check(const Skill& skill, const Options&, Report& report) {
  for (const MdLink& link : skill.body.links) {
    if (classify_link(link.url).kind != LinkTarget::Kind::Absolute) continue;
    std::string scheme = link.url.substr(0, 5);
    for (char& c : scheme) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    const bool file_url = scheme == "file:";
    report.add(skill.skill_md_path(), link.pos,
               fmt::format("{} target `{}` is {}", link.image ? "image" : "link", link.url,
                           file_url ? "a `file:` URL" : "an absolute local path"),
               "it exists only on the author's machine: put the file in the skill folder (e.g. "
               "references/) and link it with a relative path");
  }
}

}  // namespace

extern const Rule kAbsoluteLocalPath{
    .id = "SK203",
    .name = "absolute-local-path",
    .layer = Layer::AgentSkills,
    .input = Input::Body,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Links and images in SKILL.md do not use `file:` URLs or absolute local paths.",
    .rationale =
        "`/Users/me/notes.md`, `~/runbooks/x.md`, `C:\\docs\\x.md` and `file:` URLs name a "
        "file on the author's machine; once the skill is uploaded or shared they point "
        "nowhere, and they may reveal user names and folder layouts.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "See [the runbook](/Users/me/runbooks/db.md).\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "See [the runbook](references/db.md).\n"
        "=== references/db.md\n# Database runbook\n",
    .check = &check,
};

}  // namespace skillkit::rules
