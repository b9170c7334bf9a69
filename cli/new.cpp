// `skillkit new NAME`: scaffold a skill folder that passes lint, never over an existing one.
#include <unistd.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "lint/engine.h"
#include "lint/reporters.h"
#include "rules/registry.h"

namespace skillkit::cli {
namespace {
namespace fs = std::filesystem;

struct NewArgs {
  std::string name;
  std::string dir = ".";
  std::string description;
  std::string agent_types;
};

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.front() == '-' || name.back() == '-') return false;
  if (name.find("--") != std::string::npos) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string yaml_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string skill_md(const NewArgs& a) {
  // The template description is long enough and says when to use the skill, so the new skill
  // passes lint; the author replaces it with the real trigger.
  const std::string description =
      a.description.empty()
          ? "Use this skill when <the symptoms, services, alarms or error messages that should "
            "make the agent load it>. Replace this sentence with the real trigger, from the "
            "agent's point of view."
          : a.description;
  std::string out = "---\nname: " + a.name + "\ndescription: " + yaml_quote(description) + "\n";
  if (!a.agent_types.empty())
    out += "metadata:\n  agent_types: " + yaml_quote(a.agent_types) + "\n";
  out += "---\n\n# " + a.name +
         "\n\n## When to use\n\nDescribe the situation this procedure is for.\n\n"
         "## Steps\n\n1. First check.\n2. Next check.\n\n"
         "## Reference\n\nDetails that are not needed every time go in "
         "[references/overview.md](references/overview.md).\n";
  return out;
}

int run(const NewArgs& a) {
  if (!valid_name(a.name)) {
    std::cerr << fmt::format(
        "skillkit: `{}` is not a valid skill name: use 1-64 lowercase letters a-z, digits and "
        "single hyphens, not at the start or end\n",
        a.name);
    return kExitUsage;
  }
  const fs::path target = fs::path(a.dir) / a.name;
  const std::string shown = target.lexically_normal().generic_string();
  std::error_code ec;
  if (fs::exists(target, ec)) {
    std::cerr << fmt::format("skillkit: {} already exists; not overwriting it\n", shown);
    return kExitUsage;
  }
  // Build in a temporary sibling folder, then rename: never a half-made skill.
  const fs::path tmp = fs::path(a.dir) / fmt::format(".skillkit-new-{}-{}", ::getpid(), a.name);
  fs::create_directories(tmp / "references", ec);
  if (!ec) {
    std::ofstream(tmp / "SKILL.md", std::ios::binary) << skill_md(a);
    std::ofstream(tmp / "references" / "overview.md", std::ios::binary)
        << "# " << a.name
        << ": reference\n\nBackground, tables and long examples the steps point to.\n";
    fs::rename(tmp, target, ec);
  }
  if (ec) {
    fs::remove_all(tmp, ec);
    std::cerr << fmt::format("skillkit: cannot create {}: {}\n", shown, ec.message());
    return kExitUsage;
  }
  const LintResult lint = lint_skills({{target, shown}}, {});
  write_text(std::cout, lint.diagnostics, lint.skills_linted, TextStyle{});
  std::cout << fmt::format("created {}\n", shown);
  return summarize(lint.diagnostics, 1).errors ? kExitFindings : kExitOk;
}

}  // namespace

void add_new(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<NewArgs>();
  CLI::App* cmd = app.add_subcommand("new", "Create a skill folder that passes lint");
  cmd->add_option("name", args->name, "Skill name (lowercase a-z, 0-9, hyphens)")->required();
  cmd->add_option("-d,--dir", args->dir, "Parent folder")->capture_default_str();
  cmd->add_option("--description", args->description, "The description (default: a template)");
  cmd->add_option("--agent-types", args->agent_types,
                  "Comma-separated agent types, e.g. INCIDENT_TRIAGE,INCIDENT_RCA");
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace skillkit::cli
