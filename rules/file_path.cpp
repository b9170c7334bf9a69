// SK324 file-path: each packed file's path (relative to the skill folder) has at most 512
// characters, all from `[a-zA-Z0-9_./ ()-]`: the service's file path pattern.
#include <fmt/format.h>

#include "rules/rule.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr size_t kMaxLength = 512;

bool allowed(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '/' || c == ' ' || c == '(' || c == ')' || c == '-';
}

// The first character outside the pattern, as shown in a message ("" when none).
std::string first_bad(std::string_view path) {
  for (size_t i = 0; i < path.size();) {
    const size_t at = i;
    const char32_t c = utf8::next(path, i);
    if (allowed(c)) continue;
    if (c < 0x20 || c == 0x7f || c == 0xfffd || c == '`')
      return fmt::format("U+{:04X}", static_cast<unsigned>(c));
    return fmt::format("`{}`", path.substr(at, i - at));
  }
  return {};
}

void check(const Skill& skill, const Options&, Report& report) {
  for (const FileEntry* f : skill.files.packable()) {
    const std::string bad = first_bad(f->path);
    const size_t length = utf8::length(f->path);
    if (bad.empty() && length <= kMaxLength) continue;
    std::string message;
    if (!bad.empty())
      message =
          fmt::format("the path `{}` has {}, which DevOps Agent does not accept", f->path, bad);
    if (length > kMaxLength)
      message += fmt::format("{}the path is {} characters long; DevOps Agent accepts at most {}",
                             message.empty() ? "" : "; ", length, kMaxLength);
    report.add(skill.display_path(f->path), {}, std::move(message),
               "rename it using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a path of "
               "at most 512 characters, and update the links to it");
  }
}

}  // namespace

extern const Rule kFilePath{
    .id = "SK324",
    .name = "file-path",
    .layer = Layer::DevOpsAgent,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Packed file paths use only `[a-zA-Z0-9_./ ()-]` and have at most 512 characters.",
    .rationale =
        "The DevOps Agent API checks every file path in a skill against the pattern "
        "`[a-zA-Z0-9_./ ()-]` and a length of 512, and rejects the upload otherwise: accented "
        "letters, `+`, `&`, `#`, `:`, quotes and the like must go.",
    .bad =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Read [Q&A](references/q&a.md).\n"
        "=== references/q&a.md\n# Questions\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Read [Q&A](references/q-and-a.md).\n"
        "=== references/q-and-a.md\n# Questions\n",
    .check = &check,
};

}  // namespace skillkit::rules
