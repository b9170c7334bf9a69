// SK200 body-too-long: the SKILL.md body stays under about 500 lines and 5,000 tokens.
// Tokens are estimated as bytes / 4 (rounded up): the usual rule of thumb for English prose
// and code with current LLM tokenizers; no tokenizer is run.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"max-lines", "int", "500", "The most lines the body (after the frontmatter) may have."},
    {"max-tokens", "int", "5000",
     "The most tokens the body may have, estimated as its bytes / 4 (rounded up)."},
};

long long tokens_of(size_t bytes) {
  return static_cast<long long>((bytes + 3) / 4);
}

struct Section {
  std::string title;
  int lines = 0;
  long long tokens = 0;
};

// Byte offset of the start of `line` (1-based, whole file); the file's end past the last line.
size_t line_start(const SourceText& source, int line) {
  return line > source.line_count() ? source.bytes().size() : source.line_offset(line);
}

// The body's sections at the `##` level (or, without any, at the shallowest level below the
// title, else at the title level): each from its heading to the next heading of its level or
// above.
std::vector<Section> sections(const Skill& skill) {
  const std::vector<MdHeading>& headings = skill.body.headings;
  int level = 0;
  for (const MdHeading& h : headings)
    if (h.level == 2) level = 2;
  if (level == 0) {
    for (const MdHeading& h : headings)
      if (h.level > 1 && (level == 0 || h.level < level)) level = h.level;
  }
  if (level == 0 && !headings.empty()) level = 1;
  const int body_end = skill.body.first_line + skill.body.line_count;
  std::vector<Section> out;
  for (size_t i = 0; i < headings.size(); ++i) {
    if (headings[i].level != level) continue;
    int end = body_end;
    for (size_t j = i + 1; j < headings.size(); ++j) {
      if (headings[j].level <= level) {
        end = headings[j].line;
        break;
      }
    }
    const size_t begin_byte = line_start(skill.md.source, headings[i].line);
    const size_t end_byte = line_start(skill.md.source, end);
    out.push_back({headings[i].text, end - headings[i].line,
                   tokens_of(end_byte > begin_byte ? end_byte - begin_byte : 0)});
  }
  return out;
}

void check(const Skill& skill, const Options& options, Report& report) {
  const long long max_lines = options.integer("max-lines", 500);
  const long long max_tokens = options.integer("max-tokens", 5000);
  const int lines = skill.body.line_count;
  const long long tokens = tokens_of(skill.md.body().size());
  const bool too_many_lines = lines > max_lines;
  if (!too_many_lines && tokens <= max_tokens) return;

  std::vector<Section> parts = sections(skill);
  // Largest first by the measure that is over (lines when both are).
  std::stable_sort(parts.begin(), parts.end(), [&](const Section& a, const Section& b) {
    return too_many_lines ? a.lines > b.lines : a.tokens > b.tokens;
  });
  if (parts.size() > 3) parts.resize(3);

  std::string message =
      fmt::format("the body has {} lines and ~{} tokens (limits: {} lines, {} tokens)", lines,
                  tokens, max_lines, max_tokens);
  std::string hint;
  if (!parts.empty()) {
    message += "; largest sections: ";
    std::string names;
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::string sep = i == 0 ? "" : ", ";
      message += fmt::format("{}`{}` ({} lines, ~{} tokens)", sep, parts[i].title, parts[i].lines,
                             parts[i].tokens);
      names += fmt::format("{}`{}`", sep, parts[i].title);
    }
    hint = fmt::format(
        "move {} to files in references/ and link them from SKILL.md; the agent reads them "
        "only when it needs them",
        names);
  } else {
    hint =
        "split the detail into files in references/ and link them from SKILL.md; the agent "
        "reads them only when it needs them";
  }
  report.add(skill.skill_md_path(), {}, std::move(message), std::move(hint));
}

}  // namespace

extern const Rule kBodyTooLong{
    .id = "SK200",
    .name = "body-too-long",
    .layer = Layer::AgentSkills,
    .input = Input::Body,
    .severity = Severity::Warning,
    .fixable = Fixable::No,
    .summary = "The SKILL.md body stays under about 500 lines and 5,000 tokens.",
    .rationale =
        "The whole body is loaded into the agent's context every time the skill is used, "
        "crowding out the task itself; the open format advises keeping it under about 500 "
        "lines / 5,000 tokens and moving detail to references/, which the agent reads only "
        "when needed. Tokens are estimated as bytes / 4. The message names the three largest "
        "`##` sections, the natural candidates to move.",
    .bad =
        "(a SKILL.md whose body has 501 lines or more, or more than 20,000 bytes: e.g. a "
        "`## Troubleshooting` section with 400 lines of error codes)",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "# Steps\n\n1. Check the dashboard.\n2. For error codes, read "
        "[references/errors.md](references/errors.md).\n"
        "=== references/errors.md\n# Error codes\n\n(400 lines of error codes)\n",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
