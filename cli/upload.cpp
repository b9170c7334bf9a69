// `skillkit upload PATH... --agent-space ID...` and `skillkit upload --manifest FILE`: lint and
// pack every skill, then sync each agent space by skill name (create / update / unchanged, and
// with --prune delete what has no local folder, asking first on a terminal). A failed skill
// never stops the others.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/upload_common.h"
#include "lint/reporters.h"
#include "skillkit/discovery.h"
#include "upload/credentials.h"
#include "upload/manifest.h"
#include "upload/progress.h"
#include "upload/state.h"

namespace skillkit::cli {

void add_aws_options(CLI::App* cmd, AwsArgs& args) {
  cmd->add_option("--profile", args.profile, "AWS profile (default: AWS_PROFILE, then default)");
  cmd->add_option("--region", args.region, "AWS region of the agent space(s)");
  cmd->add_option("--endpoint-url", args.endpoint_url,
                  "Custom endpoint, e.g. http://127.0.0.1:PORT for skillkit-emulator");
  cmd->add_flag("--debug", args.debug,
                "Print where credentials, region and endpoint came from (never secrets)");
}

std::unique_ptr<upload::AssetClient> make_client(const AwsArgs& args, const std::string& region) {
  upload::ResolveOptions ro;
  ro.profile = args.profile;
  ro.region = region.empty() ? args.region : region;
  ro.endpoint_url = args.endpoint_url;
  upload::ClientConfig config;
  config.region = upload::resolve_region(ro);
  config.endpoint = upload::resolve_endpoint(ro, config.region);
  config.credentials = upload::resolve_credentials(ro);
  config.user_agent = "skillkit/" SKILLKIT_VERSION;
  if (args.debug)
    std::cerr << fmt::format("skillkit: debug: credentials {}; region {}; endpoint {}\n",
                             upload::redacted(config.credentials), config.region, config.endpoint);
  return std::make_unique<upload::AssetClient>(std::move(config));
}

std::string error_text(const upload::ItemResult& item, const std::string& indent) {
  std::string out = indent + item.error + "\n";
  for (const std::string& d : item.details) out += indent + "  " + d + "\n";
  for (const upload::FieldError& f : item.fields)
    out += fmt::format("{}  field {}: {}\n", indent, f.path, f.message);
  if (!item.hint.empty()) out += indent + "hint: " + item.hint + "\n";
  return out;
}

nlohmann::json error_json(const upload::ItemResult& item) {
  if (item.action != upload::Action::Failed) return nullptr;
  nlohmann::json fields = nlohmann::json::array();
  for (const upload::FieldError& f : item.fields)
    fields.push_back({{"path", f.path}, {"message", f.message}});
  return {{"type", item.error_type},
          {"message", item.error},
          {"fields", fields},
          {"hint", item.hint},
          {"details", item.details}};
}

namespace {

struct UploadArgs {
  std::vector<std::string> paths;
  std::vector<std::string> spaces;
  std::string agent_types;
  std::string status;
  std::string manifest;
  std::string format = "text";
  std::string config;
  bool dry_run = false;
  bool prune = false;
  bool yes = false;
  unsigned concurrency = 8;
  std::string state_file;  // "" = upload::UploadState::default_path()
  bool no_state = false;
  AwsArgs aws;
};

std::optional<std::vector<std::string>> parse_types(const std::string& text, std::string& error) {
  try {
    upload::Manifest m = upload::parse_manifest(
        "spaces:\n  - id: x\n    skills: [x]\n    agent_types: \"" + text + "\"\n",
        "--agent-types");
    return m.spaces.front().agent_types;
  } catch (const upload::ManifestError& e) {
    const std::string& p = e.problems.front();
    const size_t at = p.find(": ", p.find(':', p.find(':') + 1) + 1);
    error = "--agent-types: " + (at == std::string::npos ? p : p.substr(at + 2));
    return std::nullopt;
  }
}

std::string verb(const upload::ItemResult& i, bool dry_run) {
  using upload::Action;
  switch (i.action) {
    case Action::Create:
      return dry_run ? "would create" : "created";
    case Action::Update:
      return dry_run ? "would update" : "updated";
    case Action::Unchanged:
      return "unchanged";
    case Action::Prune:
      return dry_run ? "would delete" : "deleted";
    case Action::Failed:
      return "FAILED";
  }
  return "";
}

// --prune on a terminal asks first, as `skills delete` does: lists what would go, reads one line
// from `in`; anything but y / yes keeps every one of them.
bool confirm_prune(const std::vector<upload::ItemResult>& doomed, std::istream& in,
                   std::ostream& out) {
  const size_t n = doomed.size();
  out << fmt::format("--prune would delete {} remote skill{} with no local folder:\n", n,
                     n == 1 ? "" : "s");
  for (const upload::ItemResult& i : doomed)
    out << fmt::format("  {}: {} ({} v{})\n", escape_controls(i.space), escape_controls(i.skill),
                       escape_controls(i.asset_id), i.version);
  out << fmt::format("Delete {}? [y/N] ", n == 1 ? "it" : "them") << std::flush;
  std::string answer;
  std::getline(in, answer);
  const bool yes = answer == "y" || answer == "Y" || answer == "yes";
  if (!yes) out << "not deleted; syncing the rest\n";
  return yes;
}

int run(const UploadArgs& args) {
  auto usage = [](const std::string& message) {
    std::cerr << "skillkit: " << message << '\n';
    return kExitUsage;
  };
  if (args.format != "text" && args.format != "json")
    return usage(fmt::format("unknown format `{}` (text, json)", args.format));
  if (args.concurrency < 1 || args.concurrency > 64)
    return usage("--concurrency must be between 1 and 64");
  if (args.yes && !args.prune) return usage("--yes only applies with --prune");
  std::optional<std::vector<std::string>> types;
  if (!args.agent_types.empty()) {
    std::string error;
    types = parse_types(args.agent_types, error);
    if (!types) return usage(error);
  }
  if (!args.status.empty() && args.status != "ACTIVE" && args.status != "INACTIVE")
    return usage("--status must be ACTIVE or INACTIVE");

  // Which folders go to which spaces (with overrides).
  struct Wanted {
    std::string id, region;
    std::vector<std::pair<std::string, const upload::ManifestSkill*>> folders;
    std::optional<std::vector<std::string>> agent_types;
    std::optional<std::string> status;
  };
  std::vector<Wanted> wanted;
  upload::Manifest manifest;
  if (!args.manifest.empty()) {
    if (!args.paths.empty() || !args.spaces.empty())
      return usage("--manifest names the paths and spaces; do not pass them as well");
    try {
      manifest = upload::load_manifest(args.manifest);
    } catch (const upload::ManifestError& e) {
      for (const std::string& p : e.problems) std::cerr << p << '\n';
      return kExitUsage;
    }
    for (const upload::ManifestSpace& s : manifest.spaces) {
      Wanted w{s.id, s.region, {}, s.agent_types, s.status};
      if (types) w.agent_types = types;
      if (!args.status.empty()) w.status = args.status;
      for (const upload::ManifestSkill& k : s.skills) {
        auto found = upload::expand_skill_pattern(manifest.base_dir, k.path);
        if (found.empty())
          return usage(fmt::format("{}:{}:{}: `{}` matches no folder", manifest.file, k.pos.line,
                                   k.pos.column, k.path));
        for (std::string& f : found) w.folders.emplace_back(std::move(f), &k);
      }
      wanted.push_back(std::move(w));
    }
  } else {
    if (args.paths.empty()) return usage("give skill folders to upload, or --manifest");
    if (args.spaces.empty()) return usage("--agent-space is required");
    for (const std::string& id : args.spaces) {
      Wanted w{id, "", {}, types, std::nullopt};
      if (!args.status.empty()) w.status = args.status;
      for (const std::string& p : args.paths) w.folders.emplace_back(p, nullptr);
      wanted.push_back(std::move(w));
    }
  }

  // Discover every folder once; map each space's folders to skills.
  std::vector<std::string> all_paths;
  std::set<std::string> unique_paths;
  for (const Wanted& w : wanted)
    for (const auto& [p, k] : w.folders)
      if (unique_paths.insert(p).second) all_paths.push_back(p);
  const Discovery found = discover_skills(all_paths);
  for (const std::string& e : found.errors) std::cerr << "skillkit: " << e << '\n';
  if (!found.errors.empty()) return kExitUsage;

  upload::PrepareOptions prep;
  prep.lint_config = args.config;
  std::vector<upload::LocalSkill> local = upload::prepare_skills(found.skills, prep);

  std::map<std::string, std::unique_ptr<upload::AssetClient>> clients;  // by region
  std::vector<upload::SpaceTarget> targets;
  try {
    for (const Wanted& w : wanted) {
      auto& client = clients[w.region];
      if (!client) client = make_client(args.aws, w.region);
      upload::SpaceTarget t;
      t.agent_space_id = w.id;
      t.client = client.get();
      t.agent_types = w.agent_types;
      t.status = w.status;
      std::set<size_t> chosen;
      for (const auto& [path, k] : w.folders) {
        const Discovery one = discover_skills({path});
        for (const SkillRef& ref : one.skills) {
          for (size_t i = 0; i < found.skills.size(); ++i) {
            if (found.skills[i].dir != ref.dir || !chosen.insert(i).second) continue;
            t.skills.push_back(i);
            if (k && k->agent_types && !types) t.skill_agent_types.emplace_back(i, *k->agent_types);
            if (k && k->status && args.status.empty()) t.skill_status.emplace_back(i, *k->status);
          }
        }
      }
      targets.push_back(std::move(t));
    }
  } catch (const upload::CredentialsError& e) {
    return usage(e.what());
  }

  upload::Progress progress(std::cerr, args.format == "text" && ::isatty(STDERR_FILENO));
  upload::SyncOptions options;
  options.dry_run = args.dry_run;
  options.prune = args.prune;
  options.concurrency = args.concurrency;
  upload::UploadState state;
  const std::filesystem::path state_file =
      args.no_state ? std::filesystem::path()
                    : (args.state_file.empty() ? upload::UploadState::default_path()
                                               : std::filesystem::path(args.state_file));
  if (!state_file.empty()) {
    std::string warning;
    state.load(state_file, warning);
    if (!warning.empty()) std::cerr << "skillkit: warning: " << warning << '\n';
    options.state = &state;
  }
  // The explicit opt-in is --prune; on a terminal it also asks, unless --yes. Without one
  // (CI), --prune deletes as told, like `aws s3 sync --delete`.
  if (args.prune && !args.dry_run && !args.yes && ::isatty(STDIN_FILENO)) {
    options.confirm_prune = [](const std::vector<upload::ItemResult>& doomed) {
      return confirm_prune(doomed, std::cin, std::cerr);
    };
  }
  options.on_total = [&](size_t n) { progress.set_total(n); };
  options.on_item = [&](const upload::ItemResult& i) {
    progress.tick(i.skill, i.action == upload::Action::Failed);
  };
  const upload::SyncReport report = upload::sync_skills(local, targets, options);
  progress.finish();
  if (!state_file.empty() && !args.dry_run) {
    // Only a cache: failing to write it costs downloads next time, nothing else.
    std::string error;
    if (!state.save(state_file, error))
      std::cerr << "skillkit: warning: upload state not saved: " << error << '\n';
  }

  if (args.format == "json") {
    nlohmann::json items = nlohmann::json::array();
    for (const upload::ItemResult& i : report.items) {
      items.push_back({{"space", i.space},
                       {"skill", i.skill},
                       {"path", i.display},
                       {"action", upload::to_string(i.action)},
                       {"reason", i.why},
                       {"asset_id", i.asset_id},
                       {"version", i.version},
                       {"applied", i.done},
                       {"error", error_json(i)}});
    }
    nlohmann::json spaces = nlohmann::json::array();
    for (const upload::SpaceSummary& s : report.spaces)
      spaces.push_back({{"space", s.space},
                        {"created", s.created},
                        {"updated", s.updated},
                        {"unchanged", s.unchanged},
                        {"pruned", s.pruned},
                        {"failed", s.failed}});
    nlohmann::json declined = nlohmann::json::array();
    for (const upload::ItemResult& i : report.prune_declined)
      declined.push_back({{"space", i.space},
                          {"skill", i.skill},
                          {"asset_id", i.asset_id},
                          {"version", i.version}});
    nlohmann::json out = {{"dry_run", args.dry_run},
                          {"items", items},
                          {"spaces", spaces},
                          {"prune_declined", declined},
                          {"failed", report.failed()}};
    std::cout << out.dump(2) << '\n';
  } else {
    for (const upload::ItemResult& i : report.items) {
      if (i.action == upload::Action::Unchanged) continue;
      std::string what = i.display.empty() ? i.skill : fmt::format("{} ({})", i.skill, i.display);
      std::string extra;
      if (i.action == upload::Action::Update) extra = " [" + i.why + "]";
      if (!i.asset_id.empty() && i.action != upload::Action::Failed)
        extra += fmt::format(" {} v{}", i.asset_id, i.version);
      std::cout << fmt::format("{}: {} {}{}\n", i.space, verb(i, args.dry_run), what, extra);
      if (i.action == upload::Action::Failed) std::cout << error_text(i, "  ");
    }
    for (const upload::ItemResult& i : report.prune_declined)
      std::cout << fmt::format("{}: not deleted {} {} v{} (prune declined)\n", i.space, i.skill,
                               i.asset_id, i.version);
    if (args.dry_run) std::cout << "dry run: nothing was changed\n";
    std::cout << fmt::format("\n{:<40} {:>8} {:>8} {:>10} {:>7} {:>7}\n", "agent space",
                             args.dry_run ? "create" : "created",
                             args.dry_run ? "update" : "updated", "unchanged",
                             args.dry_run ? "delete" : "deleted", "failed");
    for (const upload::SpaceSummary& s : report.spaces)
      std::cout << fmt::format("{:<40} {:>8} {:>8} {:>10} {:>7} {:>7}\n", s.space, s.created,
                               s.updated, s.unchanged, s.pruned, s.failed);
  }
  return report.failed() ? kExitFindings : kExitOk;
}

}  // namespace

void add_upload(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<UploadArgs>();
  CLI::App* cmd = app.add_subcommand(
      "upload", "Sync skills to DevOps Agent spaces by name: create, update, leave alone");
  cmd->add_option("paths", args->paths, "Skill folders, or folders to search for skills");
  cmd->add_option("--agent-space", args->spaces, "Agent space id (repeatable)");
  cmd->add_option("--agent-types", args->agent_types,
                  "Override the skills' agent types, e.g. CHAT,INCIDENT_RCA");
  cmd->add_option("--status", args->status, "Override the skills' status: ACTIVE or INACTIVE");
  cmd->add_option("--manifest", args->manifest,
                  "YAML file naming which skills go to which spaces (see README)");
  cmd->add_flag("--dry-run", args->dry_run, "Show what would be created / updated / deleted");
  cmd->add_flag("--prune", args->prune,
                "Delete remote skills that have no local folder (listed in the report); on a "
                "terminal, asks first unless --yes");
  cmd->add_flag("-y,--yes", args->yes, "With --prune: delete without asking");
  cmd->add_option("-f,--format", args->format, "Output: text or json");
  cmd->add_option("-c,--config", args->config, "Lint config file for every skill");
  cmd->add_option("--concurrency", args->concurrency, "Skills in flight at once (default 8)");
  cmd->add_option("--state", args->state_file,
                  "Where to remember what was uploaded, so reruns skip downloads (default "
                  "$XDG_STATE_HOME/skillkit/upload-state.json or ~/.local/state/...)");
  cmd->add_flag(
      "--no-state", args->no_state,
      "Compare every existing skill with its downloaded content; read and write no state");
  add_aws_options(cmd, args->aws);
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace skillkit::cli
