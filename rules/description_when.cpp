// SK302 description-when: `description` says when to use the skill.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

#include "rules/common.h"
#include "rules/rule.h"

namespace skillkit::rules {
namespace {

// Lowercase ASCII words; any other byte that is not a letter or digit separates them (UTF-8
// bytes of other scripts count as letters, so "whenever" never matches inside a longer word).
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_' || u >= 0x80) {
      out.back() += static_cast<char>(std::tolower(u));
    } else if (!out.back().empty()) {
      out.emplace_back();
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

bool starts_with_any(std::string_view word, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (word.starts_with(p)) return true;
  return false;
}

bool is_any(std::string_view word, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), word) != options.end();
}

// Phrasing that names a trigger: a condition (`when`, `if`, `before`, `during`), an explicit
// use (`use this skill for`, `should be used`, `load this skill`), an activation verb
// (`activate`, `trigger`, `invoke`) or a task the skill is for (`for investigating`).
bool says_when(std::string_view text) {
  const std::vector<std::string> w = words(text);
  auto at = [&](size_t i) { return i < w.size() ? std::string_view(w[i]) : std::string_view(); };
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string_view word = w[i], next = at(i + 1);
    if (is_any(word, {"when", "whenever", "if", "upon", "before", "during"})) return true;
    if (starts_with_any(word, {"activat", "trigger", "invok"})) return true;
    if (word == "use" && is_any(next, {"this", "it", "for", "to", "as", "on", "in", "during",
                                       "after", "before", "proactively", "with"}))
      return true;
    if (word == "used" &&
        is_any(next, {"for", "to", "when", "in", "during", "after", "before", "by"}))
      return true;
    if (word == "should" && next == "be" && at(i + 2) == "used") return true;
    if (word == "load" && next == "this") return true;
    if (word == "in" && next == "case" && at(i + 2) == "of") return true;
    if (word == "for" &&
        starts_with_any(next, {"investigat", "troubleshoot", "diagnos", "debugg", "respond"}))
      return true;
  }
  return false;
}

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* description = field(skill, "description");
  if (!description || !description->is_string()) return;  // SK110's or SK111's finding
  if (description->value.find_first_not_of(" \t\r\n") == std::string::npos) return;  // SK111
  if (says_when(description->value)) return;
  report.add(skill.skill_md_path(), description->pos,
             "`description` does not say when to use the skill",
             "add the situations that should trigger it, e.g. \"Use this skill when ...\" with "
             "the services, symptoms or tasks");
}

}  // namespace

extern const Rule kDescriptionWhen{
    .id = "SK302",
    .name = "description-when",
    .layer = Layer::DevOpsAgent,
    .input = Input::Frontmatter,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary = "`description` says when to use the skill, not only what it is.",
    .rationale =
        "DevOps Agent picks skills by matching the task against their descriptions; the guide "
        "asks for the scenarios, services, error types or symptoms that should trigger the "
        "skill (\"Use this skill when ...\"). A heuristic: the rule looks (case-insensitively, "
        "as whole words) for a condition (`when`, `whenever`, `if`, `upon`, `before`, "
        "`during`, `in case of`), an explicit use (`use this skill for`, `use it to`, `use "
        "proactively`, `used when`, `should be used`, `load this skill`), an activation verb "
        "(`activate`, `trigger`, `invoke`) or a task (`for investigating`, `for "
        "troubleshooting`, `for diagnosing`, `for debugging`, `for responding`), and warns "
        "when none occurs. Words can fool it either way, so it is a warning.",
    .bad =
        "---\nname: example\ndescription: Diagnostics for Aurora MySQL and Aurora PostgreSQL "
        "clusters, with health check queries for locks and replication.\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when an Aurora cluster shows lock "
        "waits, replication lag or connection errors.\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
