// Local files a runbook links to: copied into references/ or assets/, links rewritten; what
// cannot be copied is reported and its link turned into text, so the skill has no broken link.
#pragma once

#include <string>
#include <string_view>

#include "migrate/draft.h"

namespace skillkit::migrate {

/// Files larger than this are not copied (the whole uploaded zip may not exceed 6 MB).
inline constexpr size_t kMaxCopiedFileBytes = 6u << 20;

/// Returns `body` (lines from `first_line` of input.path) with its local links rewritten:
/// Markdown and text files go to references/, images and data to assets/ (and the Markdown
/// files copied have their own links rewritten the same way). Links to scripts and other
/// refused types, to missing files, folders or symlinks, absolute paths and links that leave
/// input.root are turned into text `label (`target`)` and reported. Web links and anchors stay.
std::string migrate_links(std::string_view body, int first_line, const RunbookInput& input,
                          SkillDraft& draft);

/// `text` as a Markdown code span, with enough backticks around it.
std::string code_span(std::string_view text);

}  // namespace skillkit::migrate
