// Runs the rules over skills: loads each skill once, resolves its config, runs the active rules,
// applies suppressions. Skills are linted in parallel; output order is sorted, never racy.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lint/config.h"
#include "skillkit/diagnostic.h"
#include "skillkit/discovery.h"
#include "skillkit/skill.h"

namespace skillkit {

struct LintSettings {
  std::optional<std::filesystem::path> config_file;  // --config: one config for every skill
  std::vector<std::string> only_rules;               // when set, just these rules (ids or names)
  unsigned jobs = 0;                                 // 0 = all cores
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted (diagnostic_less)
  size_t skills_linted = 0;
  size_t skills_ignored = 0;        // skipped by a config's `ignore`
  bool read_error = false;          // some SKILL.md could not be read (exit 2)
  std::vector<std::string> errors;  // config errors, one line each (exit 2)
};

/// Lints one loaded skill with the given rules (no suppression applied).
std::vector<Diagnostic> run_rules(const Skill& skill, const std::vector<ActiveRule>& rules);

/// Lints every skill in `skills`.
LintResult lint_skills(const std::vector<SkillRef>& skills, const LintSettings& settings);

/// Runs `fn(i)` for i in [0, n) on `jobs` threads (0 = all cores).
void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

}  // namespace skillkit
