#include "migrate/migrate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "lint/engine.h"
#include "migrate/markdown_runbook.h"
#include "migrate/md_scan.h"
#include "migrate/skill_writer.h"
#include "migrate/ssm_runbook.h"

namespace skillkit::migrate {
namespace fs = std::filesystem;
namespace {

// Names the service keeps for its own learned skills.
const std::set<std::string> kReservedNames = {"understanding-agent-space"};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string join_display(const std::string& dir, const std::string& rel) {
  if (dir.empty() || dir == ".") return rel;
  return dir.ends_with('/') ? dir + rel : dir + "/" + rel;
}

bool is_data_extension(const std::string& ext) {
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

struct Inputs {
  std::vector<RunbookInput> runbooks;
  std::vector<std::string> skipped, errors;
};

// The runbooks in one folder: Markdown files, and YAML/JSON files that are SSM documents.
// Hidden entries and symlinks are skipped; so are folders that already hold a skill, and the
// output folder when it sits inside the input.
void collect_folder(const fs::path& dir, const std::string& display, const fs::path& out_real,
                    Inputs& inputs) {
  std::error_code ec;
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string rel = p.lexically_relative(dir).generic_string();
    if (p.filename().string().starts_with('.')) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec)) {
      inputs.skipped.push_back(join_display(display, rel) + ": a symlink (never followed)");
      continue;
    }
    if (it->is_directory(ec)) {
      if (fs::exists(p / "SKILL.md") || fs::weakly_canonical(p, ec) == out_real) {
        inputs.skipped.push_back(join_display(display, rel) + (fs::exists(p / "SKILL.md")
                                                                   ? ": already a skill"
                                                                   : ": the output folder"));
        it.disable_recursion_pending();
      }
      continue;
    }
    if (it->is_regular_file(ec)) found.push_back(p);
  }
  if (ec) {
    inputs.errors.push_back(fmt::format("{}: cannot list it: {}", display, ec.message()));
    return;
  }
  std::sort(found.begin(), found.end());
  size_t count = 0;
  for (const fs::path& p : found) {
    const std::string ext = lower(p.extension().string());
    const std::string shown = join_display(display, p.lexically_relative(dir).generic_string());
    RunbookInput input{p, shown, dir, RunbookInput::Kind::Markdown};
    if (is_data_extension(ext)) {
      std::string bytes, error;
      if (!read_runbook_file(p, bytes, error) || !is_ssm_document(bytes, ext == ".json")) {
        inputs.skipped.push_back(shown + ": not an SSM document (no schemaVersion and mainSteps)");
        continue;
      }
      input.kind = RunbookInput::Kind::Ssm;
    } else if (ext != ".md" && ext != ".markdown") {
      continue;  // images, scripts and other files are copied only when a runbook links them
    }
    inputs.runbooks.push_back(std::move(input));
    ++count;
  }
  if (count == 0) inputs.errors.push_back(display + ": holds no runbook (.md, or SSM .yaml/.json)");
}

Inputs collect_inputs(const MigrateOptions& options) {
  Inputs inputs;
  std::error_code ec;
  const fs::path out_real = fs::weakly_canonical(options.out, ec);
  for (const std::string& arg : options.inputs) {
    const fs::path path(arg);
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) {
      inputs.errors.push_back(arg + ": does not exist");
    } else if (fs::is_directory(status)) {
      collect_folder(path, arg, out_real, inputs);
    } else {
      const std::string ext = lower(path.extension().string());
      const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
      inputs.runbooks.push_back(
          {path, arg, parent,
           is_data_extension(ext) ? RunbookInput::Kind::Ssm : RunbookInput::Kind::Markdown});
    }
  }
  // The same file named twice is migrated once.
  std::set<fs::path> seen;
  std::vector<RunbookInput> unique;
  for (RunbookInput& r : inputs.runbooks)
    if (seen.insert(fs::weakly_canonical(r.path, ec)).second) unique.push_back(std::move(r));
  std::sort(unique.begin(), unique.end(),
            [](const RunbookInput& a, const RunbookInput& b) { return a.display < b.display; });
  inputs.runbooks = std::move(unique);
  return inputs;
}

void set_agent_types(const std::string& value, SkillDraft& draft) {
  for (auto& [key, v] : draft.metadata) {
    if (key != "agent_types") continue;
    if (v != value)
      draft.warn(
          fmt::format("metadata.agent_types \"{}\" replaced by \"{}\" (--agent-types)", v, value));
    v = value;
    return;
  }
  draft.metadata.emplace_back("agent_types", value);
  draft.info(fmt::format("metadata.agent_types: \"{}\" (--agent-types)", value));
}

// A name two runbooks share is an error for each of them: renaming one silently would make
// the skill a user looks for appear under another name.
void check_names(std::vector<MigratedSkill>& skills) {
  std::map<std::string, std::vector<size_t>> by_name;
  for (size_t i = 0; i < skills.size(); ++i)
    if (!skills[i].draft.name.empty()) by_name[skills[i].draft.name].push_back(i);
  for (const auto& [name, indices] : by_name) {
    if (kReservedNames.count(name))
      for (size_t i : indices)
        skills[i].draft.fail(fmt::format(
            "name `{}` is reserved for a learned skill of the service; set another `name:`", name));
    if (indices.size() < 2) continue;
    for (size_t i : indices) {
      std::string others;
      for (size_t j : indices)
        if (j != i) others += (others.empty() ? "" : ", ") + skills[j].draft.source;
      skills[i].draft.fail(fmt::format(
          "name `{}` is also derived from {}; set a distinct `name:` in the frontmatter", name,
          others));
    }
  }
}

}  // namespace

const std::vector<std::string>& known_agent_types() {
  static const std::vector<std::string> kTypes = {"GENERIC",
                                                  "CHAT",
                                                  "INCIDENT_TRIAGE",
                                                  "INCIDENT_RCA",
                                                  "INCIDENT_MITIGATION",
                                                  "PREVENTION",
                                                  "RELEASE_TESTING",
                                                  "RELEASE_READINESS_REVIEW"};
  return kTypes;
}

std::optional<std::string> agent_types_value(const std::vector<std::string>& values,
                                             std::string& error) {
  std::vector<std::string> types;
  for (const std::string& value : values) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string item = value.substr(start, comma - start);
      item.erase(0, item.find_first_not_of(" \t"));
      item.erase(item.find_last_not_of(" \t") + 1);
      for (char& c : item)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      start = comma + 1;
      if (item.empty()) continue;
      const auto& known = known_agent_types();
      if (std::find(known.begin(), known.end(), item) == known.end()) {
        error = fmt::format("unknown agent type `{}` (one of: {})", item, fmt::join(known, ", "));
        return std::nullopt;
      }
      if (std::find(types.begin(), types.end(), item) == types.end()) types.push_back(item);
    }
  }
  if (types.size() > 1 && std::find(types.begin(), types.end(), "GENERIC") != types.end()) {
    error = "agent type GENERIC means every agent; it cannot be combined with another";
    return std::nullopt;
  }
  return fmt::format("{}", fmt::join(types, ", "));
}

MigrateResult migrate(const MigrateOptions& options) {
  MigrateResult result;
  std::string agent_types;
  if (!options.agent_types.empty()) {
    std::string error;
    const auto value = agent_types_value(options.agent_types, error);
    if (!value) {
      result.errors.push_back(error);
      return result;
    }
    agent_types = *value;
  }
  Inputs inputs = collect_inputs(options);
  result.skipped = std::move(inputs.skipped);
  if (!inputs.errors.empty()) {
    result.errors = std::move(inputs.errors);
    return result;
  }
  if (!options.dry_run) {
    std::error_code ec;
    fs::create_directories(options.out, ec);
    if (ec || !fs::is_directory(options.out)) {
      result.errors.push_back(fmt::format("{}: cannot create the output folder{}", options.out,
                                          ec ? ": " + ec.message() : ""));
      return result;
    }
  }

  // cmark-gfm registers its extensions without a lock: do it once before any thread starts.
  outline("");
  result.skills.resize(inputs.runbooks.size());
  parallel_for(inputs.runbooks.size(), options.jobs, [&](size_t i) {
    const RunbookInput& input = inputs.runbooks[i];
    result.skills[i].draft = input.kind == RunbookInput::Kind::Ssm ? plan_ssm_runbook(input)
                                                                   : plan_markdown_runbook(input);
  });
  for (MigratedSkill& skill : result.skills) {
    SkillDraft& draft = skill.draft;
    if (!agent_types.empty() && !draft.failed()) set_agent_types(agent_types, draft);
    std::sort(draft.files.begin(), draft.files.end(),
              [](const SkillFile& a, const SkillFile& b) { return a.path < b.path; });
    if (!draft.name.empty()) skill.target = join_display(options.out, draft.name);
  }
  check_names(result.skills);

  std::vector<char> io_ok(result.skills.size(), 1);
  parallel_for(result.skills.size(), options.jobs, [&](size_t i) {
    MigratedSkill& skill = result.skills[i];
    if (skill.draft.failed()) return;
    PlaceOptions place{fs::path(options.out), skill.target, options.force, options.dry_run};
    io_ok[i] = write_skill(skill.draft, place);
  });
  for (size_t i = 0; i < result.skills.size(); ++i) {
    MigratedSkill& skill = result.skills[i];
    skill.status = skill.draft.failed() ? MigratedSkill::Status::Failed
                   : options.dry_run    ? MigratedSkill::Status::Planned
                                        : MigratedSkill::Status::Written;
    if (!io_ok[i]) result.errors.push_back(skill.draft.source + ": an I/O problem (see above)");
  }
  return result;
}

}  // namespace skillkit::migrate
