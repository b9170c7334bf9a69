// `skillkit migrate RUNBOOK... -o DIR`: turn runbooks into skill folders that pass every rule.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "migrate/migrate.h"
#include "migrate/report.h"
#include "pack/atomic_write.h"
#include "pack/pack.h"
#include "skillkit/skill.h"

namespace skillkit::cli {
namespace {

struct MigrateArgs {
  migrate::MigrateOptions options;
  std::string format = "text";
  bool zip = false;
};

// --zip: packs each written skill to OUT/<name>.zip with `skillkit pack`'s rules (reproducible,
// guarded). A skill that cannot be packed stays written; the report says why. Returns false on
// an I/O problem.
bool pack_written(migrate::MigrateResult& result, const std::string& out) {
  bool io_ok = true;
  for (migrate::MigratedSkill& s : result.skills) {
    if (s.status != migrate::MigratedSkill::Status::Written) continue;
    const std::filesystem::path dir = std::filesystem::path(out) / s.draft.name;
    const pack::PackResult packed = pack::pack_skill(load_skill(dir, s.target), {});
    const std::string zip = s.target + ".zip";
    if (packed.status != pack::PackStatus::Packed) {
      std::string why = packed.error;
      for (const Diagnostic& d : packed.findings) why += (why.empty() ? "" : "; ") + d.message;
      s.draft.warn(fmt::format("not packed: {}", why));
      io_ok = io_ok && packed.status != pack::PackStatus::IoError;
      continue;
    }
    std::string error;
    if (!pack::write_atomically(dir.string() + ".zip", packed.zip, error)) {
      s.draft.warn(fmt::format("not packed: cannot write {}: {}", zip, error));
      io_ok = false;
      continue;
    }
    const size_t files = packed.files.size();
    s.draft.info(fmt::format("packed to {} ({} file{}, {} bytes)", zip, files,
                             files == 1 ? "" : "s", packed.zip.size()));
  }
  return io_ok;
}

int run(const MigrateArgs& args) {
  migrate::MigrateResult result = migrate::migrate(args.options);
  if (result.skills.empty() && !result.errors.empty()) {
    for (const std::string& e : result.errors) std::cerr << "skillkit: " << e << '\n';
    return kExitUsage;
  }
  if (args.zip && !args.options.dry_run && !pack_written(result, args.options.out))
    result.errors.push_back("some skills could not be packed (see the report)");
  if (args.format == "json")
    migrate::write_json_report(std::cout, result, args.options.dry_run);
  else
    migrate::write_text_report(std::cout, result, args.options.dry_run);
  std::cout.flush();
  for (const std::string& e : result.errors) std::cerr << "skillkit: " << e << '\n';
  if (!result.errors.empty()) return kExitUsage;
  return migrate::count(result).failed > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void add_migrate(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MigrateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "migrate",
      "Turn runbooks (Markdown, agent instruction files, SSM Automation documents) into skills");
  cmd->add_option("inputs", args->options.inputs,
                  "Runbook files, or folders of runbooks (.md, SSM .yaml/.json)")
      ->required();
  cmd->add_option("-o,--out", args->options.out, "Folder that receives one folder per skill")
      ->required();
  cmd->add_flag("--force", args->options.force, "Replace skill folders that already exist");
  cmd->add_flag("--dry-run", args->options.dry_run,
                "Show the plan (names, descriptions, files, lint) and write nothing");
  cmd->add_option("--agent-types", args->options.agent_types,
                  "Set metadata.agent_types: wire values, comma-separated or repeated "
                  "(GENERIC, CHAT, INCIDENT_TRIAGE, INCIDENT_RCA, INCIDENT_MITIGATION, "
                  "PREVENTION, RELEASE_TESTING, RELEASE_READINESS_REVIEW)");
  cmd->add_flag("--zip", args->zip, "Also pack each written skill to OUT/<name>.zip");
  cmd->add_option("-f,--format", args->format, "Report: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", args->options.jobs, "Threads (default: all cores)");
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace skillkit::cli
