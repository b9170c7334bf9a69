// `skillkit migrate`: runbooks in, skill folders out, with a report of every decision.
//
//   MigrateOptions options;
//   options.inputs = {"runbooks/"};
//   options.out = "skills";
//   MigrateResult result = migrate(options);  // skills/<name>/ for each runbook
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "migrate/draft.h"

namespace skillkit::migrate {

struct MigrateOptions {
  std::vector<std::string> inputs;       // runbook files or folders of runbooks
  std::string out;                       // the folder that receives the skill folders
  bool force = false;                    // replace existing skill folders
  bool dry_run = false;                  // plan, stage and lint, but write nothing
  std::vector<std::string> agent_types;  // wire values for metadata.agent_types
  unsigned jobs = 0;                     // 0 = all cores
};

struct MigratedSkill {
  SkillDraft draft;
  std::string target;  // the skill folder as shown to the user; empty when there is no name
  enum class Status { Written, Planned, Failed } status = Status::Failed;
};

struct MigrateResult {
  std::vector<MigratedSkill> skills;  // sorted by source
  std::vector<std::string> skipped;   // files of input folders that are not runbooks, and why
  std::vector<std::string> errors;    // usage or I/O problems, one line each (exit status 2)
};

/// The DevOps Agent agent types, as sent on the wire.
const std::vector<std::string>& known_agent_types();

/// Checks agent types given as wire values (any case, comma-separated or repeated) and returns
/// them as the metadata.agent_types string ("CHAT, INCIDENT_RCA"); nullopt and `error` when one
/// is unknown or GENERIC is combined with another.
std::optional<std::string> agent_types_value(const std::vector<std::string>& values,
                                             std::string& error);

/// Migrates every runbook found in options.inputs, in parallel. Each skill is written whole or
/// not at all; an input that cannot become a clean skill gets error notes and writes nothing.
MigrateResult migrate(const MigrateOptions& options);

}  // namespace skillkit::migrate
