// A skill held in memory (e.g. read from a zip by `skillkit inspect`), built the way load_skill
// builds one from disk, so the same rules run on it.
#pragma once

#include <string>

#include "skillkit/inventory.h"
#include "skillkit/skill.h"

namespace skillkit {

/// A skill whose SKILL.md bytes and file list are already in memory. `dir_name` is what `name`
/// must equal; findings show files as `display_dir` + "/" + path. `skill_md_name` is the name
/// found ("SKILL.md" or another case of it); `io_error` may say why it could not be read.
/// Rules should take files from `files`; `skill.dir` is set to a path that cannot exist
/// (below /dev/null), so a rule that looks on the disk finds nothing rather than files of the
/// working folder.
Skill make_skill_from_memory(std::string dir_name, std::string display_dir,
                             std::string skill_md_name, std::string skill_md_bytes, Inventory files,
                             std::string io_error = {});

}  // namespace skillkit
