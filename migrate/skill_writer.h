// Writing a planned skill: SKILL.md text, a staging folder that is linted, then one rename.
#pragma once

#include <filesystem>
#include <string>

#include "migrate/draft.h"

namespace skillkit::migrate {

/// SKILL.md for `draft`: the frontmatter (name, description, kept fields, metadata; every
/// value a string, quoted when YAML could read it as something else), a blank line, the body.
std::string render_skill_md(const SkillDraft& draft);

struct PlaceOptions {
  std::filesystem::path out_dir;  // the skill goes to out_dir/<name>
  std::string target_display;     // out_dir/<name> as shown in the report
  bool force = false;             // replace an existing folder
  bool dry_run = false;           // stage and lint, then throw the staging folder away
};

/// Writes the skill into a fresh staging folder (inside out_dir, or the system temp folder for
/// a dry run), lints it with every rule (errors become error notes, warnings warnings), and
/// unless it failed or this is a dry run renames it to out_dir/<name> in one step. Returns false
/// on an I/O problem (also noted as an error). Nothing is left behind when it fails.
bool write_skill(SkillDraft& draft, const PlaceOptions& options);

}  // namespace skillkit::migrate
