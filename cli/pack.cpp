// `skillkit pack PATH...`: lint each skill, then zip it the way DevOps Agent accepts it,
// reproducibly, in parallel; a failed skill leaves nothing behind and the others go on.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "cli/commands.h"
#include "lint/engine.h"
#include "lint/reporters.h"
#include "pack/atomic_write.h"
#include "pack/guard.h"
#include "pack/pack.h"
#include "skillkit/discovery.h"

namespace skillkit::cli {
namespace {
namespace fs = std::filesystem;
using pack::PackResult;
using pack::PackStatus;

struct PackArgs {
  std::vector<std::string> paths;
  std::string output;
  std::string out_dir;
  std::string prefix;
  std::string config;
  bool no_lint = false;
  bool dry_run = false;
  bool list = false;
  int level = 6;
  unsigned jobs = 0;
};

enum class Outcome { Packed, Blocked, Skipped, Failed };

struct SkillRun {
  Outcome outcome = Outcome::Failed;
  std::string text;  // what to print for this skill, in order
};

// The folder's own name, as load_skill computes it (the zip is named after it).
std::string folder_name(const fs::path& dir) {
  std::error_code ec;
  fs::path named = dir.filename().empty() ? dir.parent_path() : dir;
  if (named.filename() == "." || named.filename() == ".." || named.empty())
    named = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  return named.filename().string();
}

std::string finding_line(const Diagnostic& d) {
  const std::string file = escape_controls(d.file);
  std::string out = d.pos.line ? fmt::format("{}:{}:{}", file, d.pos.line, d.pos.column) : file;
  out += fmt::format(": {} [{} {}] {}\n", to_string(d.severity), d.rule_id, d.rule_name,
                     escape_controls(d.message));
  if (!d.hint.empty()) out += "  hint: " + escape_controls(d.hint) + "\n";
  return out;
}

std::string blocked_by(const std::vector<Diagnostic>& findings) {
  std::set<std::pair<std::string, std::string>> ids;
  for (const Diagnostic& d : findings) ids.emplace(d.rule_id, d.rule_name);
  std::string out;
  for (const auto& [id, name] : ids) out += (out.empty() ? "" : ", ") + id + " " + name;
  return out;
}

std::string listing(const PackResult& r) {
  std::string out = fmt::format("  {:>10}  {:>10}  {}\n", "size", "compressed", "name");
  for (const pack::PackedFile& f : r.files)
    out += fmt::format("  {:>10}  {:>10}  {}\n", f.size,
                       r.zip.empty() ? std::string("-") : std::to_string(f.compressed),
                       escape_controls(f.name));
  for (const pack::ExcludedFile& f : r.excluded)
    out += fmt::format("  {:>10}  {:>10}  {}  (excluded by {})\n", "-", "-",
                       escape_controls(f.path), escape_controls(f.why));
  return out;
}

bool parse_epoch(std::int64_t& epoch, std::string& error) {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return true;
  const std::string text(env);
  if (text.size() > 15 || text.find_first_not_of("0123456789") != std::string::npos) {
    error = "SOURCE_DATE_EPOCH `" + text + "` is not a whole number of seconds";
    return false;
  }
  epoch = std::stoll(text);
  return true;
}

int run(const PackArgs& args) {
  const bool to_stdout = args.output == "-";
  std::ostream& report = to_stdout ? std::cerr : std::cout;
  auto usage = [](const std::string& message) {
    std::cerr << "skillkit: " << message << '\n';
    return kExitUsage;
  };
  if (!args.output.empty() && !args.out_dir.empty())
    return usage("-o/--output and --out-dir cannot be used together");
  pack::PackOptions options;
  options.zip.level = args.level;
  options.prefix = args.prefix;
  std::string error;
  if (!pack::normalize_prefix(options.prefix, error) || !parse_epoch(options.zip.epoch, error))
    return usage(error);
  if (to_stdout && !args.dry_run && ::isatty(STDOUT_FILENO))
    return usage("-o -: refusing to write a zip to a terminal");

  const Discovery found = discover_skills(args.paths);
  for (const std::string& e : found.errors) std::cerr << "skillkit: " << e << '\n';
  if (!found.errors.empty()) return kExitUsage;
  const std::vector<SkillRef>& skills = found.skills;
  if (!args.output.empty() && skills.size() != 1)
    return usage(fmt::format("-o/--output needs exactly one skill; {} found (use --out-dir)",
                             skills.size()));

  // Where each zip goes; two skills may not share one, and none may land inside its skill.
  std::vector<fs::path> outputs(skills.size());
  std::map<fs::path, size_t> taken;
  const fs::path dir = args.out_dir.empty() ? fs::path() : fs::path(args.out_dir);
  for (size_t i = 0; i < skills.size(); ++i) {
    outputs[i] =
        !args.output.empty() ? fs::path(args.output) : dir / (folder_name(skills[i].dir) + ".zip");
    if (to_stdout) continue;
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(outputs[i], ec), ec);
    const fs::path skill_abs = fs::weakly_canonical(fs::absolute(skills[i].dir, ec), ec);
    const auto rel = abs.lexically_relative(skill_abs);
    if (!rel.empty() && *rel.begin() != "..")
      return usage(fmt::format(
          "{}: the zip {} would be inside the skill folder; choose another --out-dir or -o",
          skills[i].display, outputs[i].string()));
    auto [it, fresh] = taken.emplace(abs, i);
    if (!fresh)
      return usage(fmt::format("{} and {} would both be packed to {}; use -o or another layout",
                               skills[it->second].display, skills[i].display, outputs[i].string()));
  }
  if (!dir.empty() && !args.dry_run) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return usage(fmt::format("{}: cannot create: {}", dir.string(), ec.message()));
  }

  LintSettings settings;
  if (!args.config.empty()) settings.config_file = args.config;
  settings.jobs = 1;  // skills run in parallel already

  const bool progress = skills.size() > 1 && ::isatty(STDERR_FILENO);
  std::mutex progress_mutex;
  size_t done = 0;
  std::set<std::string> usage_errors;  // config errors: the same line for many skills
  std::vector<SkillRun> runs(skills.size());
  std::vector<std::string> zips(skills.size());
  parallel_for(skills.size(), args.jobs, [&](size_t i) {
    SkillRun& run = runs[i];
    const SkillRef& ref = skills[i];
    std::vector<Diagnostic> blocking;
    size_t warnings = 0;
    if (!args.no_lint) {
      LintResult lint = lint_skills({ref}, settings);
      if (!lint.errors.empty()) {
        std::lock_guard lock(progress_mutex);
        for (const std::string& e : lint.errors) usage_errors.insert(e);
        run.outcome = Outcome::Failed;
        return;
      }
      if (lint.skills_ignored > 0) {
        run.outcome = Outcome::Skipped;
        run.text = ref.display + ": skipped (ignored by the config)\n";
        return;
      }
      for (Diagnostic& d : lint.diagnostics) {
        if (d.severity == Severity::Error)
          blocking.push_back(std::move(d));
        else if (d.severity == Severity::Warning)
          ++warnings;
      }
      if (lint.read_error) {  // SKILL.md unreadable: an I/O problem, as in lint
        for (const Diagnostic& d : blocking) run.text += finding_line(d);
        run.text += ref.display + ": not packed\n";
        run.outcome = Outcome::Failed;
        return;
      }
    }
    const Skill skill = pack::load_skill_files(ref.dir, ref.display);
    PackResult r;
    if (blocking.empty()) {
      r = pack::pack_skill(skill, options);
    } else {  // lint already stops it: add only what the guard finds beyond lint
      r.status = PackStatus::Refused;
      r.findings = pack::guard_files(skill);
      for (const FileEntry* f : skill.files.packable())
        r.files.push_back({f->path, options.prefix + f->path, f->size, 0, false});
    }
    const std::string target = to_stdout ? std::string("to stdout") : outputs[i].string();
    if (r.status == PackStatus::IoError) {
      run.outcome = Outcome::Failed;
      run.text = "skillkit: " + escape_controls(r.error) + "\n" + escape_controls(ref.display) +
                 ": not packed\n";
    } else if (r.status != PackStatus::Packed || !blocking.empty()) {
      pack::drop_duplicates(blocking, r.findings);
      for (Diagnostic& d : r.findings) blocking.push_back(std::move(d));
      std::stable_sort(blocking.begin(), blocking.end(), diagnostic_less);
      for (const Diagnostic& d : blocking) run.text += finding_line(d);
      run.text += fmt::format("{}: not packed: blocked by {}\n", ref.display, blocked_by(blocking));
      run.outcome = Outcome::Blocked;
    } else {
      std::string write_error;
      if (!args.dry_run && !to_stdout && !pack::write_atomically(outputs[i], r.zip, write_error)) {
        run.outcome = Outcome::Failed;
        run.text = "skillkit: " + write_error + "\n" + ref.display + ": not packed\n";
      } else {
        run.outcome = Outcome::Packed;
        run.text = fmt::format(
            "{}: {} {} ({} file{}, {} bytes{})\n", ref.display,
            args.dry_run ? "would pack" : "packed", target, r.files.size(),
            r.files.size() == 1 ? "" : "s", r.zip.size(),
            warnings ? fmt::format(", {} lint warning{}", warnings, warnings == 1 ? "" : "s") : "");
        if (to_stdout && !args.dry_run) zips[i] = std::move(r.zip);
      }
    }
    if (args.list && r.status != PackStatus::IoError) run.text += listing(r);
    if (progress) {
      std::lock_guard lock(progress_mutex);
      std::cerr << fmt::format("\r[{}/{}] packing", ++done, skills.size()) << std::flush;
    }
  });
  if (progress) std::cerr << "\r\x1b[K" << std::flush;
  for (const std::string& e : usage_errors) std::cerr << "skillkit: " << e << '\n';
  if (!usage_errors.empty()) return kExitUsage;

  size_t packed = 0, blocked = 0, skipped = 0, failed = 0;
  for (const SkillRun& run : runs) {
    (run.outcome == Outcome::Failed ? std::cerr : report) << run.text;
    packed += run.outcome == Outcome::Packed;
    blocked += run.outcome == Outcome::Blocked;
    skipped += run.outcome == Outcome::Skipped;
    failed += run.outcome == Outcome::Failed;
  }
  if (skills.size() > 1) {
    report << fmt::format("{} skill{} {}", packed, packed == 1 ? "" : "s",
                          args.dry_run ? "would be packed" : "packed");
    if (blocked + failed) report << fmt::format(", {} not packed", blocked + failed);
    if (skipped) report << fmt::format(", {} skipped", skipped);
    report << '\n';
  }
  report.flush();
  if (to_stdout && !zips[0].empty()) {
    if (std::fwrite(zips[0].data(), 1, zips[0].size(), stdout) != zips[0].size() ||
        std::fflush(stdout) != 0)
      return usage("cannot write the zip to stdout");
  }
  if (failed) return kExitUsage;
  return blocked ? kExitFindings : kExitOk;
}

}  // namespace

void add_pack(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<PackArgs>();
  CLI::App* cmd = app.add_subcommand(
      "pack", "Lint, then zip skills as DevOps Agent accepts them (reproducible, <= 6 MiB)");
  cmd->add_option("paths", args->paths, "Skill folders, SKILL.md files, or folders to search")
      ->required();
  cmd->add_option("-o,--output", args->output,
                  "The zip to write, for one skill (`-` for stdout; default: NAME.zip)");
  cmd->add_option("--out-dir", args->out_dir, "Folder for the zips, named NAME.zip (created)");
  cmd->add_option("--prefix", args->prefix,
                  "Put every file under this folder in the zip (default: the zip's root)");
  cmd->add_option("-c,--config", args->config,
                  "Lint config for every skill (default: nearest .skillkit.yaml)");
  cmd->add_flag("--no-lint", args->no_lint, "Do not lint first (the file guard still runs)");
  cmd->add_flag("-n,--dry-run", args->dry_run, "Build the zips in memory but write nothing");
  cmd->add_flag("-l,--list", args->list, "List each zip's files with their sizes");
  cmd->add_option("--level", args->level, "Deflate level, 0 (store) to 9")
      ->check(CLI::Range(0, 9))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", args->jobs, "Threads (default: all cores)");
  cmd->footer(
      "Zips are reproducible: sorted entries, mode 0644, no extra fields, every time set to\n"
      "SOURCE_DATE_EPOCH (default 1980-01-01 00:00:00 UTC). Exit status: 0 all packed, 1 a\n"
      "skill was not packed (lint errors, refused files, over 6,291,456 bytes), 2 usage or I/O.");
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace skillkit::cli
