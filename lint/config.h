// `.skillkit.yaml`: which layers and rules are on, their severities and options, which skills
// to skip, and per-path overrides. Found by walking up from each skill, or given by --config.
//
//   layers: {agentskills: true, devops-agent: true}
//   rules:
//     SK130: warning                  # a severity: off | info | warning | error
//     unknown-key: {allowed: [model]} # options (and optionally `severity:`)
//   ignore: ["vendor/**"]             # skill folders to skip, relative to this file
//   overrides:
//     - files: ["legacy/**"]
//       rules: {SK301: off}
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "skillkit/path_cache.h"
#include "skillkit/yaml_tree.h"

namespace skillkit {

struct RuleSetting {
  std::optional<Severity> severity;
  std::vector<std::pair<std::string, YamlNode>> options;
};

struct ConfigOverride {
  std::vector<std::string> files;  // globs of skill folders, relative to the config's folder
  std::map<const Rule*, RuleSetting> rules;
};

struct Config {
  std::string path;                // "" for the built-in defaults
  std::filesystem::path base_dir;  // folder the globs are relative to
  std::map<Layer, bool> layers;    // absent = on
  std::map<const Rule*, RuleSetting> rules;
  std::vector<std::string> ignore;
  std::vector<ConfigOverride> overrides;
};

/// A rule as it runs on one skill.
struct ActiveRule {
  const Rule* rule;
  Severity severity;
  Options options;
};

/// Reads and validates a config file. On error, returns nullopt and sets `error` to one line
/// "path:line:col: message".
std::optional<Config> load_config(const std::filesystem::path& file, std::string& error);

/// The config file that applies to `skill_dir`: the nearest `.skillkit.yaml` (or `.yml`) in it
/// or a parent folder, or nullopt.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& skill_dir);
/// The same, with each folder's answer remembered in `cache` (for many skills).
std::optional<std::filesystem::path> find_config(const std::filesystem::path& skill_dir,
                                                 PathCache& cache);

/// Whether `skill_dir` is skipped by the config's `ignore` globs.
bool config_ignores(const Config& config, const std::filesystem::path& skill_dir);
bool config_ignores(const Config& config, const std::filesystem::path& skill_dir, PathCache& cache);

/// The rules that run on `skill_dir` under `config`, with severities and options resolved
/// (defaults < rules < matching overrides). Rules whose severity is off are left out, unless
/// `keep_off` (then they run as warnings: for running one chosen rule, as the fixture tests do).
std::vector<ActiveRule> resolve_rules(const Config& config, const std::filesystem::path& skill_dir,
                                      bool keep_off = false);
std::vector<ActiveRule> resolve_rules(const Config& config, const std::filesystem::path& skill_dir,
                                      bool keep_off, PathCache& cache);

}  // namespace skillkit
