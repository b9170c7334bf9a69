// `skillkit skills list|get|download|versions|activate|deactivate|delete --agent-space ID`:
// the skills of one agent space, addressed by name (or asset id).
#include <fmt/format.h>
#include <unistd.h>

#include <ctime>
#include <iostream>

#include "cli/commands.h"
#include "cli/upload_common.h"
#include "upload/credentials.h"
#include "upload/unzip.h"

namespace skillkit::cli {
namespace {

struct SkillsArgs {
  std::string space;
  std::string name;
  std::string format = "text";
  std::string output;
  int version = 0;
  bool force = false;
  bool yes = false;
  AwsArgs aws;
};

std::string when(int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string types_of(const upload::Asset& a) {
  std::string out;
  if (auto t = a.metadata.find("agent_types"); t != a.metadata.end() && t->is_array())
    for (const auto& v : *t) out += (out.empty() ? "" : ",") + v.get<std::string>();
  return out;
}

std::string status_of(const upload::Asset& a) {
  return a.metadata.value("status", std::string("ACTIVE"));
}

nlohmann::json asset_json(const upload::Asset& a) {
  return {{"name", a.name()},       {"asset_id", a.asset_id},     {"version", a.version},
          {"metadata", a.metadata}, {"created_at", a.created_at}, {"updated_at", a.updated_at}};
}

class Failure : public std::runtime_error {
 public:
  Failure(std::string m, int code) : std::runtime_error(std::move(m)), code(code) {}
  int code;
};

// The asset named `name` (metadata.name), or whose id is `name`.
upload::Asset find_skill(upload::AssetClient& api, const SkillsArgs& args) {
  std::vector<upload::Asset> all = api.list_assets(args.space);
  std::vector<upload::Asset> hits;
  for (upload::Asset& a : all)
    if (a.asset_id == args.name) return a;
  for (upload::Asset& a : all)
    if (a.name() == args.name) hits.push_back(std::move(a));
  if (hits.empty())
    throw Failure(fmt::format("no skill named `{}` in agent space {} (see `skillkit skills list "
                              "--agent-space {}`)",
                              args.name, args.space, args.space),
                  kExitFindings);
  if (hits.size() > 1) {
    std::string ids;
    for (const upload::Asset& a : hits) ids += " " + a.asset_id;
    throw Failure(fmt::format("{} skills are named `{}`:{}; give the asset id instead", hits.size(),
                              args.name, ids),
                  kExitFindings);
  }
  return hits.front();
}

int report_error(const std::exception& e) {
  upload::ItemResult item;
  upload::describe_error(item, e);
  std::cerr << "skillkit: " << error_text(item, "");
  return kExitFindings;
}

template <typename Fn>
int guarded(const SkillsArgs& args, Fn&& fn) {
  if (args.format != "text" && args.format != "json") {
    std::cerr << fmt::format("skillkit: unknown format `{}` (text, json)\n", args.format);
    return kExitUsage;
  }
  try {
    auto api = make_client(args.aws, "");
    return fn(*api);
  } catch (const upload::CredentialsError& e) {
    std::cerr << "skillkit: " << e.what() << '\n';
    return kExitUsage;
  } catch (const Failure& e) {
    std::cerr << "skillkit: " << e.what() << '\n';
    return e.code;
  } catch (const upload::UnzipError& e) {
    std::cerr << "skillkit: download refused: " << e.what() << '\n';
    return kExitFindings;
  } catch (const std::exception& e) {
    return report_error(e);
  }
}

int list(const SkillsArgs& args) {
  return guarded(args, [&](upload::AssetClient& api) {
    std::vector<upload::Asset> all = api.list_assets(args.space);
    std::sort(all.begin(), all.end(), [](const upload::Asset& a, const upload::Asset& b) {
      return std::tie(a.metadata["name"], a.asset_id) < std::tie(b.metadata["name"], b.asset_id);
    });
    if (args.format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const upload::Asset& a : all) out.push_back(asset_json(a));
      std::cout << out.dump(2) << '\n';
      return kExitOk;
    }
    std::cout << fmt::format("{:<40} {:<8} {:>7} {:<20} {:<30} {}\n", "NAME", "STATUS", "VERSION",
                             "UPDATED", "AGENT TYPES", "ASSET ID");
    for (const upload::Asset& a : all)
      std::cout << fmt::format("{:<40} {:<8} {:>7} {:<20} {:<30} {}\n", a.name(), status_of(a),
                               a.version, when(a.updated_at), types_of(a), a.asset_id);
    std::cout << fmt::format("{} skill{}\n", all.size(), all.size() == 1 ? "" : "s");
    return kExitOk;
  });
}

int get(const SkillsArgs& args) {
  return guarded(args, [&](upload::AssetClient& api) {
    upload::Asset a = find_skill(api, args);
    if (args.version > 0) a = api.get_asset(args.space, a.asset_id, args.version);
    if (args.format == "json") {
      std::cout << asset_json(a).dump(2) << '\n';
      return kExitOk;
    }
    std::cout << fmt::format(
        "name:        {}\nasset id:    {}\nversion:     {}\nstatus:      {}\n"
        "agent types: {}\ncreated:     {}\nupdated:     {}\n",
        a.name(), a.asset_id, a.version, status_of(a), types_of(a), when(a.created_at),
        when(a.updated_at));
    if (auto d = a.metadata.find("description"); d != a.metadata.end() && d->is_string())
      std::cout << "description: " << d->get<std::string>() << '\n';
    return kExitOk;
  });
}

int versions(const SkillsArgs& args) {
  return guarded(args, [&](upload::AssetClient& api) {
    upload::Asset a = find_skill(api, args);
    auto all = api.list_asset_versions(args.space, a.asset_id);
    if (args.format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& v : all)
        out.push_back(
            {{"version", v.version}, {"created_at", v.created_at}, {"updated_at", v.updated_at}});
      std::cout << out.dump(2) << '\n';
      return kExitOk;
    }
    std::cout << fmt::format("{:>7}  {:<20}  {}\n", "VERSION", "CREATED", "UPDATED");
    for (const auto& v : all)
      std::cout << fmt::format("{:>7}  {:<20}  {}\n", v.version, when(v.created_at),
                               when(v.updated_at));
    return kExitOk;
  });
}

int set_status(const SkillsArgs& args, const std::string& status) {
  return guarded(args, [&](upload::AssetClient& api) {
    upload::Asset a = find_skill(api, args);
    if (status_of(a) == status) {
      std::cout << fmt::format("{}: already {} (v{}; nothing changed)\n", a.name(), status,
                               a.version);
      return kExitOk;
    }
    upload::SkillUpdate u;
    u.metadata.status = status;
    u.base_version = a.version;
    upload::Asset b = api.update_skill(args.space, a.asset_id, u);
    std::cout << fmt::format("{}: {} (v{})\n", b.name(), status, b.version);
    return kExitOk;
  });
}

int remove(const SkillsArgs& args) {
  return guarded(args, [&](upload::AssetClient& api) {
    upload::Asset a = find_skill(api, args);
    if (!args.yes) {
      if (!::isatty(STDIN_FILENO))
        throw Failure("refusing to delete without confirmation: pass --yes", kExitUsage);
      std::cerr << fmt::format("Delete skill {} ({}, {} version{}) from agent space {}? [y/N] ",
                               a.name(), a.asset_id, a.version, a.version == 1 ? "" : "s",
                               args.space);
      std::string answer;
      std::getline(std::cin, answer);
      if (answer != "y" && answer != "Y" && answer != "yes") {
        std::cout << "not deleted\n";
        return kExitOk;
      }
    }
    api.delete_asset(args.space, a.asset_id);
    std::cout << fmt::format("{}: deleted ({})\n", a.name(), a.asset_id);
    return kExitOk;
  });
}

int download(const SkillsArgs& args) {
  return guarded(args, [&](upload::AssetClient& api) {
    upload::Asset a = find_skill(api, args);
    upload::AssetContent c = api.get_asset_content(
        args.space, a.asset_id, args.version > 0 ? std::optional<int>(args.version) : std::nullopt);
    const std::string dest = args.output.empty() ? a.name() : args.output;
    if (upload::unsafe_entry_name(a.name()) != "" && args.output.empty())
      throw Failure("the skill's name is not a safe folder name; pass -o", kExitUsage);
    const size_t files = upload::extract_zip(c.zip, dest, args.force);
    std::cout << fmt::format("{}: v{} -> {} ({} file{})\n", a.name(), c.version, dest, files,
                             files == 1 ? "" : "s");
    return kExitOk;
  });
}

}  // namespace

void add_skills(CLI::App& app, int& exit_code) {
  CLI::App* skills =
      app.add_subcommand("skills", "List, inspect, download and manage skills in an agent space");
  skills->require_subcommand(1);
  auto add = [&](const char* name, const char* help, bool named,
                 std::function<int(const SkillsArgs&)> fn) {
    auto args = std::make_shared<SkillsArgs>();
    CLI::App* cmd = skills->add_subcommand(name, help);
    cmd->add_option("--agent-space", args->space, "Agent space id")->required();
    if (named) cmd->add_option("name", args->name, "Skill name (or asset id)")->required();
    cmd->add_option("-f,--format", args->format, "Output: text or json");
    add_aws_options(cmd, args->aws);
    cmd->callback([args, fn, &exit_code] { exit_code = fn(*args); });
    return std::make_pair(cmd, args);
  };
  add("list", "List the skills of an agent space", false, list);
  {
    auto [cmd, args] = add("get", "Show one skill's metadata", true, get);
    cmd->add_option("--version", args->version, "An older version");
  }
  add("versions", "List a skill's versions", true, versions);
  add("activate", "Set a skill's status to ACTIVE", true,
      [](const SkillsArgs& a) { return set_status(a, "ACTIVE"); });
  add("deactivate", "Set a skill's status to INACTIVE", true,
      [](const SkillsArgs& a) { return set_status(a, "INACTIVE"); });
  {
    auto [cmd, args] =
        add("delete", "Delete a skill and all its versions (asks first)", true, remove);
    cmd->add_flag("-y,--yes", args->yes, "Do not ask");
  }
  {
    auto [cmd, args] =
        add("download", "Download a skill and unzip it safely into a new folder", true, download);
    cmd->add_option("-o,--output", args->output, "Folder to create (default: ./NAME)");
    cmd->add_option("--version", args->version, "An older version");
    cmd->add_flag("--force", args->force, "Replace the folder if it exists");
  }
}

}  // namespace skillkit::cli
