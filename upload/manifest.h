// `skillkit upload --manifest spaces.yaml`: which skills go to which agent spaces, with which
// agent types and status. Every problem is reported as FILE:LINE:COL: message.
//
//   spaces:
//     - id: 8f6187a7-0000-4000-8000-000000000001
//       region: us-east-1              # optional; else --region / the AWS chain
//       agent_types: [CHAT]            # optional override (list or "A, B")
//       status: ACTIVE                 # optional override
//       skills:                        # folders or globs, relative to this file
//         - skills/*
//         - path: skills/rds-triage
//           agent_types: INCIDENT_RCA, INCIDENT_TRIAGE
//           status: INACTIVE
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "skillkit/diagnostic.h"

namespace skillkit::upload {

struct ManifestSkill {
  std::string path;  ///< as written: a folder or a glob, relative to the manifest's folder
  Position pos;
  std::optional<std::vector<std::string>> agent_types;
  std::optional<std::string> status;
};

struct ManifestSpace {
  std::string id;
  std::string region;  ///< "" = the default region
  Position pos;
  std::optional<std::vector<std::string>> agent_types;
  std::optional<std::string> status;
  std::vector<ManifestSkill> skills;
};

struct Manifest {
  std::string file;      ///< as shown in messages
  std::string base_dir;  ///< the folder paths are relative to
  std::vector<ManifestSpace> spaces;
};

/// Every problem of a manifest, one "FILE:LINE:COL: message" line each.
class ManifestError : public std::runtime_error {
 public:
  explicit ManifestError(std::vector<std::string> problems);
  std::vector<std::string> problems;
};

/// Parses and validates manifest text shown as `file`; throws ManifestError.
Manifest parse_manifest(std::string_view text, const std::string& file);

/// Reads and parses the manifest at `path`; base_dir is its folder.
Manifest load_manifest(const std::string& path);

/// The folders `pattern` names, relative to `base_dir` (glob patterns expanded, sorted);
/// empty when nothing matches.
std::vector<std::string> expand_skill_pattern(const std::string& base_dir,
                                              const std::string& pattern);

}  // namespace skillkit::upload
