// SK201 link-broken: a relative link or image in SKILL.md names a file the pack will hold.
// Links with a scheme, pure `#anchors`, links in code (MdBody holds none), links that leave the
// folder (SK202), absolute paths (SK203) and links to a symlink that leaves the folder (SK211)
// are not this rule's.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

struct Problem {
  std::string message;
  std::string hint;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

bool exists_on_disk(const Skill& skill, const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(skill.dir / path, ec);
}

// "`/README.md` (default)" or "`*.bak` (../.skillignore:3)" from FileEntry::excluded_by.
std::string describe_pattern(std::string_view origin) {
  const size_t sep = origin.find(": ");
  if (sep == std::string_view::npos) return fmt::format("`{}`", origin);
  const std::string_view where = origin.substr(0, sep);
  const std::string_view pattern = origin.substr(sep + 2);
  return fmt::format("`{}` ({})", pattern, where);
}

// `by` is the excluded entry: the target itself, or the folder that holds it.
Problem excluded(std::string_view what, std::string_view url, const FileEntry& by) {
  return {fmt::format("{} target `{}` is excluded from the pack by {}", what, url,
                      describe_pattern(by.excluded_by)),
          fmt::format("copy what the reader needs into the skill (e.g. references/) and link "
                      "that, or re-include `{}{}` with a `!` line in .skillignore",
                      by.path, by.is_dir ? "/" : "")};
}

Problem missing(const Skill& skill, std::string_view what, std::string_view url,
                const std::string& path) {
  // A file that differs only in case, else one with the same name elsewhere in the skill.
  const std::string wanted = lower(path);
  const size_t slash = path.rfind('/');
  const std::string base = path.substr(slash == std::string::npos ? 0 : slash + 1);
  const FileEntry* same_case = nullptr;
  const FileEntry* same_name = nullptr;
  for (const FileEntry* e : skill.files.packable()) {
    if (!same_case && lower(e->path) == wanted) same_case = e;
    const size_t s = e->path.rfind('/');
    if (!same_name && e->path.substr(s == std::string::npos ? 0 : s + 1) == base) same_name = e;
  }
  std::string hint;
  if (same_case)
    hint =
        fmt::format("paths are case-sensitive once uploaded: did you mean `{}`?", same_case->path);
  else if (same_name)
    hint = fmt::format("did you mean `{}`?", same_name->path);
  else
    hint = "create the file in the skill folder, or fix the link";
  return {fmt::format("{} target `{}` does not exist", what, url), hint};
}

std::optional<Problem> problem(const Skill& skill, std::string_view what, std::string_view url,
                               const std::string& path) {
  const Inventory& inv = skill.files;
  if (const FileEntry* e = inv.find(path)) {
    if (e->excluded) return excluded(what, url, *e);
    return std::nullopt;  // a link that escapes is SK211's finding
  }
  // Not listed: below an excluded folder, a nested skill or an in-tree folder link, or absent.
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string prefix = path.substr(0, slash);
    if (std::find(inv.nested_skills.begin(), inv.nested_skills.end(), prefix) !=
        inv.nested_skills.end())
      return Problem{fmt::format("{} target `{}` is inside `{}/`, a skill of its own that is "
                                 "packed separately",
                                 what, url, prefix),
                     "copy what the reader needs into this skill and link the copy"};
    const FileEntry* p = inv.find(prefix);
    if (!p) break;
    if (p->excluded)
      return exists_on_disk(skill, path) ? std::optional(excluded(what, url, *p))
                                         : std::optional(missing(skill, what, url, path));
    if (p->is_symlink) {
      if (p->link_escapes) return std::nullopt;  // SK211's finding
      return exists_on_disk(skill, path) ? std::nullopt
                                         : std::optional(missing(skill, what, url, path));
    }
  }
  if (inv.truncated && exists_on_disk(skill, path)) return std::nullopt;
  return missing(skill, what, url, path);
}

void check(const Skill& skill, const Options&, Report& report) {
  for (const MdLink& link : skill.body.links) {
    const LinkTarget target = classify_link(link.url);
    if (target.kind != LinkTarget::Kind::Relative || target.outside || target.path.empty())
      continue;
    if (auto p = problem(skill, link.image ? "image" : "link", link.url, target.path))
      report.add(skill.skill_md_path(), link.pos, std::move(p->message), std::move(p->hint));
  }
}

}  // namespace

extern const Rule kLinkBroken{
    .id = "SK201",
    .name = "link-broken",
    .layer = Layer::AgentSkills,
    .input = Input::Body,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Relative links and images in SKILL.md point to files the pack holds.",
    .rationale =
        "The agent follows links to load references on demand; a link to a missing file is "
        "a dead end in the middle of a procedure. A file that exists but is excluded from the "
        "pack (README.md, evals/, .skillignore patterns) is missing too once the skill is "
        "uploaded. The path is read as a URL: `#fragment` and `?query` are cut and `%20` "
        "decoded; paths are case-sensitive.",
    .bad =
        "---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "See [the runbook](references/runbook.md).\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "See [the runbook](references/runbook.md#rollback).\n"
        "=== references/runbook.md\n# Runbook\n\n## Rollback\n",
    .check = &check,
};

}  // namespace skillkit::rules
