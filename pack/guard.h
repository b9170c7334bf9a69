// The final guard of pack (and the file checks of inspect): what may never go into a skill's
// zip, whatever the lint config says.
#pragma once

#include <string_view>
#include <vector>

#include "skillkit/diagnostic.h"
#include "skillkit/skill.h"

namespace skillkit::pack {

/// Whether DevOps Agent accepts a file with this extension (lowercase, no dot).
bool allowed_extension(std::string_view extension);

/// Findings on the files a pack of `skill` would hold (Inventory::packable(), plus escaping
/// symlinks that are not excluded): symlinks leaving the folder (SK211), a top-level
/// `scripts/` folder (SK320), refused file types (SK321), executables and shebangs (SK322),
/// more than 100 files (SK323), names that are not UTF-8 (SK403). Sorted like lint findings.
std::vector<Diagnostic> guard_files(const Skill& skill);

/// Drops from `extra` each finding whose rule id and file already appear in `have`, so a
/// problem found by both a lint rule and the guard is reported once.
void drop_duplicates(const std::vector<Diagnostic>& have, std::vector<Diagnostic>& extra);

}  // namespace skillkit::pack
