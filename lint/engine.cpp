#include "lint/engine.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "lint/suppress.h"
#include "rules/registry.h"

namespace skillkit {
namespace fs = std::filesystem;

namespace {

// Whether the rule's input was read well enough for the rule to run.
bool input_ready(const Skill& skill, Input input) {
  if (!skill.io_error.empty()) return false;
  switch (input) {
    case Input::Source:
      return true;
    case Input::Frontmatter:
      return skill.md.ok();
    case Input::Body:
      return skill.md.status != FrontmatterStatus::NotUtf8;
    case Input::Files:
      return true;
  }
  return false;
}

}  // namespace

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, n));
  if (jobs <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t)
    threads.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  for (auto& th : threads) th.join();
}

std::vector<Diagnostic> run_rules(const Skill& skill, const std::vector<ActiveRule>& rules) {
  std::vector<Diagnostic> out;
  for (const ActiveRule& active : rules) {
    const Rule& rule = *active.rule;
    if (rule.id == "SK000") {  // the read error is reported even though nothing else can run
      Report report(rule, active.severity, out);
      rule.check(skill, active.options, report);
      continue;
    }
    if (!input_ready(skill, rule.input)) continue;
    Report report(rule, active.severity, out);
    rule.check(skill, active.options, report);
  }
  return out;
}

LintResult lint_skills(const std::vector<SkillRef>& skills, const LintSettings& settings) {
  LintResult result;

  // Configs: one explicit, or the nearest per skill (each file read once).
  std::map<std::string, std::optional<Config>> configs;
  std::optional<Config> explicit_config;
  if (settings.config_file) {
    std::string error;
    explicit_config = load_config(*settings.config_file, error);
    if (!explicit_config) {
      result.errors.push_back(error);
      return result;
    }
  }
  PathCache paths;  // folders shared by many skills are looked at once
  std::vector<const Config*> skill_config(skills.size(), nullptr);
  static const Config kDefaults;
  for (size_t i = 0; i < skills.size(); ++i) {
    if (explicit_config) {
      skill_config[i] = &*explicit_config;
      continue;
    }
    const auto file = find_config(skills[i].dir, paths);
    if (!file) {
      skill_config[i] = &kDefaults;
      continue;
    }
    auto [it, inserted] = configs.try_emplace(file->string());
    if (inserted) {
      std::string error;
      it->second = load_config(*file, error);
      if (!it->second) result.errors.push_back(error);
    }
    skill_config[i] = it->second ? &*it->second : nullptr;
  }
  if (!result.errors.empty()) return result;

  std::vector<const Rule*> only;
  for (const std::string& name : settings.only_rules)
    if (const Rule* r = find_rule(name)) only.push_back(r);

  // A config without overrides gives every skill the same rules: resolve them once.
  const bool keep_off = !only.empty();
  auto resolve = [&](const Config& config, const fs::path& dir) {
    std::vector<ActiveRule> rules = resolve_rules(config, dir, keep_off, paths);
    if (!only.empty()) {
      std::erase_if(rules, [&](const ActiveRule& a) {
        return std::find(only.begin(), only.end(), a.rule) == only.end();
      });
    }
    return rules;
  };
  std::map<const Config*, std::vector<ActiveRule>> shared_rules;
  for (size_t i = 0; i < skills.size(); ++i)
    if (skill_config[i]->overrides.empty() && !shared_rules.count(skill_config[i]))
      shared_rules[skill_config[i]] = resolve(*skill_config[i], skills[i].dir);

  std::vector<std::vector<Diagnostic>> per_skill(skills.size());
  std::vector<char> ignored(skills.size(), 0), read_error(skills.size(), 0);
  parallel_for(skills.size(), settings.jobs, [&](size_t i) {
    const Config& config = *skill_config[i];
    if (config_ignores(config, skills[i].dir, paths)) {
      ignored[i] = 1;
      return;
    }
    std::vector<ActiveRule> own;
    if (!config.overrides.empty()) own = resolve(config, skills[i].dir);
    const std::vector<ActiveRule>& rules =
        config.overrides.empty() ? shared_rules.at(&config) : own;
    const Skill skill = load_skill(skills[i].dir, skills[i].display, &paths);
    read_error[i] = skill.has_read_error();
    std::vector<Diagnostic> found = run_rules(skill, rules);
    const Suppressions suppressed = read_suppressions(skill);
    // A catalog's policy is the gate CI enforces: a skill cannot switch it off for itself.
    std::erase_if(found, [&](const Diagnostic& d) {
      const Rule* rule = find_rule(d.rule_id);
      return suppressed.covers(d.rule_id) && !(rule && rule->layer == Layer::Policy);
    });
    per_skill[i] = std::move(found);
  });

  for (size_t i = 0; i < skills.size(); ++i) {
    if (ignored[i]) {
      ++result.skills_ignored;
      continue;
    }
    ++result.skills_linted;
    result.read_error |= read_error[i] != 0;
    for (Diagnostic& d : per_skill[i]) result.diagnostics.push_back(std::move(d));
  }
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  return result;
}

}  // namespace skillkit
