// The description of a migrated skill: what it does and when to use it, within the limits.
#pragma once

#include <string>
#include <string_view>

#include "migrate/draft.h"

namespace skillkit::migrate {

inline constexpr size_t kMaxDescription = 1024;         // characters, a hard limit
inline constexpr size_t kRecommendedDescription = 100;  // characters, DevOps Agent's advice
inline constexpr std::string_view kTriggerPrefix = "Use when: ";

/// Runs of whitespace (line ends included) as one space, both ends trimmed.
std::string collapse_whitespace(std::string_view text);

/// Whether `text` already says when to use the skill: "Use this skill when...", "Use if...",
/// or any sentence with the word "when" ("Restarts the cache when it stops answering").
bool says_when_to_use(std::string_view text);

/// Sets draft.description from `text` (found in `origin`, e.g. "the frontmatter `summary`"):
/// whitespace collapsed; "Use when: " put in front when it does not say when to use the skill
/// (nothing else is invented); cut to 1,024 characters at a sentence end or a word boundary;
/// a note for each change and when it stays under the recommended 100 characters.
void set_description(std::string_view text, std::string_view origin, SkillDraft& draft);

}  // namespace skillkit::migrate
