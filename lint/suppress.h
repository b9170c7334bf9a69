// Inline suppressions: a skill can silence rules for itself with a comment in SKILL.md,
//   in the frontmatter:  # skillkit-disable SK130 yaml-strict
//   in the body:         <!-- skillkit-disable SK200 -->
// Ids and names may be separated by spaces or commas; a bare `skillkit-disable` silences all.
// Policy rules (SK9xx, configured by the catalog in .skillkit.yaml) cannot be silenced inline.
#pragma once

#include <set>
#include <string>

#include "skillkit/skill.h"

namespace skillkit {

struct Suppressions {
  bool all = false;
  std::set<std::string> rules;  // ids, upper-case
  bool covers(std::string_view rule_id) const {
    return all || rules.count(std::string(rule_id)) > 0;
  }
};

/// The suppressions written in the skill's SKILL.md. Unknown rule names are ignored here.
Suppressions read_suppressions(const Skill& skill);

}  // namespace skillkit
