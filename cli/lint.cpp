// `skillkit lint [PATH...]`: check skills against every rule; CI gates on the exit status.
#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "cli/commands.h"
#include "lint/engine.h"
#include "lint/fix.h"
#include "lint/reporters.h"
#include "skillkit/discovery.h"

namespace skillkit::cli {
namespace {

struct LintArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string config;
  std::vector<std::string> rules;
  bool strict = false;
  bool fix = false;
  std::string color = "auto";
  unsigned jobs = 0;
};

// pre-commit passes the changed files themselves: a file inside a skill (references/x.md)
// stands for the skill around it, the nearest folder at or above it holding SKILL.md.
bool holds_skill_md(const std::filesystem::path& dir) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "skill.md" && e.is_regular_file(ec)) return true;
  }
  return false;
}

// Also folds repeats: pre-commit passes SKILL.md and references/x.md of one skill.
std::vector<std::string> skill_paths(const std::vector<std::string>& args,
                                     std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto push = [&](const fs::path& p) {
    std::string key = p.lexically_normal().generic_string();
    while (key.size() > 1 && key.back() == '/') key.pop_back();
    if (seen.insert(key).second) out.push_back(p.string());
  };
  for (const std::string& arg : args) {
    std::error_code ec;
    if (!fs::is_regular_file(arg, ec)) {
      push(arg);  // discover_skills reports what is missing or odd
      continue;
    }
    std::optional<fs::path> skill;
    for (fs::path dir = fs::path(arg).parent_path();; dir = dir.parent_path()) {
      const fs::path probe = dir.empty() ? fs::path(".") : dir;
      if (holds_skill_md(probe)) skill = probe;
      if (skill || dir.empty() || dir == dir.parent_path()) break;
    }
    if (skill)
      push(*skill);
    else
      errors.push_back(arg + ": not inside a skill (no SKILL.md in its folder or above)");
  }
  return out;
}

int run(const LintArgs& args) {
  const auto format = parse_report_format(args.format);
  if (!format) {
    std::cerr << fmt::format("skillkit: unknown format `{}` (text, json, sarif, github)\n",
                             args.format);
    return kExitUsage;
  }
  std::vector<std::string> path_errors;
  const std::vector<std::string> paths =
      skill_paths(args.paths.empty() ? std::vector<std::string>{"."} : args.paths, path_errors);
  const Discovery found = discover_skills(paths);
  for (const std::string& e : path_errors) std::cerr << "skillkit: " << e << '\n';
  for (const std::string& e : found.errors) std::cerr << "skillkit: " << e << '\n';
  if (!path_errors.empty() || !found.errors.empty()) return kExitUsage;

  LintSettings settings;
  if (!args.config.empty()) settings.config_file = args.config;
  settings.only_rules = args.rules;
  settings.jobs = args.jobs;
  LintResult result = lint_skills(found.skills, settings);
  for (const std::string& e : result.errors) std::cerr << "skillkit: " << e << '\n';
  if (!result.errors.empty()) return kExitUsage;

  if (args.fix) {
    const FixResult fixed = apply_fixes(result.diagnostics);
    for (const std::string& e : fixed.errors) std::cerr << "skillkit: " << e << '\n';
    if (fixed.edits_applied > 0) {
      std::cerr << fmt::format("skillkit: fixed {} problem{} in {} file{}\n", fixed.edits_applied,
                               fixed.edits_applied == 1 ? "" : "s", fixed.files_changed,
                               fixed.files_changed == 1 ? "" : "s");
      result = lint_skills(found.skills, settings);  // report what is left
    }
    if (!fixed.errors.empty()) return kExitUsage;
  }

  switch (*format) {
    case ReportFormat::Text: {
      TextStyle style;
      style.color = args.color == "always" || (args.color == "auto" && stdout_wants_color());
      write_text(std::cout, result.diagnostics, result.skills_linted, style);
      break;
    }
    case ReportFormat::Json:
      write_json(std::cout, result.diagnostics, result.skills_linted);
      break;
    case ReportFormat::Sarif:
      write_sarif(std::cout, result.diagnostics);
      break;
    case ReportFormat::Github:
      write_github(std::cout, result.diagnostics);
      break;
  }
  std::cout.flush();
  if (result.read_error) return kExitUsage;
  const ReportSummary s = summarize(result.diagnostics, result.skills_linted);
  if (s.errors > 0 || (args.strict && s.warnings > 0)) return kExitFindings;
  return kExitOk;
}

}  // namespace

void add_lint(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<LintArgs>();
  CLI::App* cmd =
      app.add_subcommand("lint", "Check skills against every rule (see `skillkit rules`)");
  cmd->add_option("paths", args->paths,
                  "Skill folders, files inside skills, or folders to search (default: .)");
  cmd->add_option("-f,--format", args->format, "Output: text, json, sarif or github")
      ->capture_default_str();
  cmd->add_option("-c,--config", args->config,
                  "Config file for every skill (default: nearest .skillkit.yaml above each skill)");
  cmd->add_option("-r,--rule", args->rules, "Run only these rules (ids or names; repeatable)");
  cmd->add_flag("--strict", args->strict, "Exit 1 on warnings too");
  cmd->add_flag("--fix", args->fix, "Apply safe mechanical fixes, then report what is left");
  cmd->add_option("--color", args->color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", args->jobs, "Threads (default: all cores)");
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace skillkit::cli
