// Finding skills from what the user typed: skill folders, SKILL.md files, or any folder to
// search. Symlinks are never followed, so a link loop or a link out of the tree is harmless.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace skillkit {

struct SkillRef {
  std::filesystem::path dir;
  std::string display;  // the folder as the user will see it in findings
};

struct Discovery {
  std::vector<SkillRef> skills;     // sorted by display path, no duplicates
  std::vector<std::string> errors;  // one line each: "PATH: does not exist", ...
};

/// Every skill at or below each of `paths`. A path that does not exist, or holds no skill, is
/// an error (a silent pass on a typo would let CI go green).
Discovery discover_skills(const std::vector<std::string>& paths);

}  // namespace skillkit
