// Markdown runbooks and agent instruction files (with or without a frontmatter) as skills.
#pragma once

#include "migrate/draft.h"

namespace skillkit::migrate {

/// Runbook files larger than this are not read.
inline constexpr size_t kMaxRunbookBytes = 16u << 20;

/// Plans the skill for the Markdown runbook `input`: name, description, frontmatter fields
/// kept or moved into metadata, the body with its local links migrated, and a note for every
/// decision. Never throws; a runbook that cannot become a skill gets an error note.
SkillDraft plan_markdown_runbook(const RunbookInput& input);

/// Picks the skill name from the first candidate that yields one ("the frontmatter `title`",
/// text), noting each candidate that yields nothing; an error note when none does.
void choose_name(const std::vector<std::pair<std::string, std::string>>& candidates,
                 SkillDraft& draft);

/// Reads a whole file; false (and `error`) when it cannot be read or is too large.
bool read_runbook_file(const std::filesystem::path& path, std::string& bytes, std::string& error);

}  // namespace skillkit::migrate
