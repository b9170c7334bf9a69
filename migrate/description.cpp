#include "migrate/description.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "skillkit/utf8.h"

namespace skillkit::migrate {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Byte offset just past the first `chars` characters of valid UTF-8 `text`.
size_t byte_offset(std::string_view text, size_t chars) {
  size_t i = 0;
  for (; i < text.size() && chars > 0; --chars) utf8::next(text, i);
  return i;
}

// Cuts `text` (longer than the limit) to at most kMaxDescription characters, preferring the
// last sentence end, then the last word boundary (marked with "..."). Says how in `how`.
std::string cut(std::string_view text, std::string& how) {
  const size_t limit = byte_offset(text, kMaxDescription);
  size_t sentence_end = 0;
  for (size_t i = 0; i + 1 < limit; ++i)
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ')
      sentence_end = i + 1;
  if (utf8::length(text.substr(0, sentence_end)) >= kRecommendedDescription) {
    how = "at the end of a sentence";
    return std::string(text.substr(0, sentence_end));
  }
  const size_t room = byte_offset(text, kMaxDescription - 3);  // for the "..."
  size_t end = text.rfind(' ', room);
  how = "at a word boundary, marked with \"...\"";
  if (end == std::string_view::npos || end == 0) {
    end = room;  // one giant word: nothing better to do
    how = "inside a word (no space to cut at), marked with \"...\"";
  }
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == ';' ||
                     text[end - 1] == ':'))
    --end;
  return std::string(text.substr(0, end)) + "...";
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool says_when_to_use(std::string_view text) {
  const std::string lower = ascii_lower(text);
  static constexpr std::array<std::string_view, 8> kPhrases = {
      "use when",    "use this skill", "use this when", "use it when",
      "use this if", "use if",         "when to use",   "use this runbook when",
  };
  for (std::string_view phrase : kPhrases)
    if (lower.find(phrase) != std::string::npos) return true;
  if (lower.starts_with("if ")) return true;
  // "Restarts the cache when it stops answering" names the situation too.
  for (std::string_view word : {"when", "whenever"}) {
    for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      const size_t end = at + word.size();
      const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
      const bool ends =
          end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
      if (starts && ends) return true;
    }
  }
  return false;
}

void set_description(std::string_view text, std::string_view origin, SkillDraft& draft) {
  std::string description = collapse_whitespace(text);
  draft.info(fmt::format("description: from {}", origin));
  if (!says_when_to_use(description)) {
    description = std::string(kTriggerPrefix) + description;
    draft.warn(fmt::format(
        "description: put \"{}\" in front because it did not say when to use the skill; "
        "reword it from the agent's point of view (scenarios, services, symptoms)",
        kTriggerPrefix.substr(0, kTriggerPrefix.size() - 1)));
  }
  const size_t length = utf8::length(description);
  if (length > kMaxDescription) {
    std::string how;
    description = cut(description, how);
    draft.warn(fmt::format("description: cut from {} to {} characters {} (the limit is {})", length,
                           utf8::length(description), how, kMaxDescription));
  }
  const size_t final_length = utf8::length(description);
  if (final_length < kRecommendedDescription)
    draft.warn(fmt::format(
        "description: only {} characters; DevOps Agent recommends at least {}: say more about "
        "when to use the skill (nothing was added for you)",
        final_length, kRecommendedDescription));
  draft.description = std::move(description);
}

}  // namespace skillkit::migrate
