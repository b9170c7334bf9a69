#include "lint/config.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "rules/registry.h"
#include "skillkit/ignore.h"
#include "skillkit/source.h"

namespace skillkit {
namespace fs = std::filesystem;

namespace {

struct ConfigError {
  Position pos;
  std::string message;
};

bool type_matches(const YamlNode& value, std::string_view type) {
  if (type == "int") return value.is_plain() && value.resolved_type() == "int";
  if (type == "bool") return value.is_plain() && value.resolved_type() == "bool";
  if (type == "string") return value.is_scalar();
  if (type == "list") {
    if (value.is_scalar()) return true;
    if (!value.is_sequence()) return false;
    for (const YamlNode& item : value.items)
      if (!item.is_scalar()) return false;
    return true;
  }
  if (type == "map") return value.is_mapping();
  return true;
}

std::vector<std::string> string_list(const YamlNode& node, std::string_view what) {
  std::vector<std::string> out;
  if (node.is_scalar()) {
    out.push_back(node.value);
    return out;
  }
  if (!node.is_sequence())
    throw ConfigError{node.pos, fmt::format("`{}` must be a list of globs", what)};
  for (const YamlNode& item : node.items) {
    if (!item.is_scalar())
      throw ConfigError{item.pos, fmt::format("`{}` must be a list of globs", what)};
    out.push_back(item.value);
  }
  return out;
}

RuleSetting parse_setting(const Rule& rule, const YamlNode& value) {
  RuleSetting setting;
  if (value.is_scalar()) {
    setting.severity = parse_severity(value.value);
    if (!setting.severity)
      throw ConfigError{value.pos, fmt::format("`{}` is not a severity (off, info, warning, error)",
                                               value.value)};
    return setting;
  }
  if (!value.is_mapping())
    throw ConfigError{value.pos,
                      fmt::format("rule {} takes a severity or a mapping of options", rule.id)};
  for (const auto& [k, v] : value.entries) {
    if (k.value == "severity") {
      setting.severity = v.is_scalar() ? parse_severity(v.value) : std::nullopt;
      if (!setting.severity)
        throw ConfigError{v.pos, "`severity` must be off, info, warning or error"};
      continue;
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& o : rule.options)
      if (o.name == k.value) spec = &o;
    if (!spec) {
      std::string known;
      for (const OptionSpec& o : rule.options)
        known += (known.empty() ? "" : ", ") + std::string(o.name);
      throw ConfigError{
          k.pos, fmt::format("rule {} ({}) has no option `{}`{}", rule.id, rule.name, k.value,
                             known.empty() ? "" : " (options: " + known + ")")};
    }
    if (!type_matches(v, spec->type))
      throw ConfigError{
          v.pos, fmt::format("option `{}` of {} must be of type {}", k.value, rule.id, spec->type)};
    setting.options.emplace_back(k.value, v);
  }
  return setting;
}

std::map<const Rule*, RuleSetting> parse_rules(const YamlNode& node) {
  if (!node.is_mapping())
    throw ConfigError{node.pos, "`rules` must be a mapping of rule ids or names"};
  std::map<const Rule*, RuleSetting> out;
  for (const auto& [k, v] : node.entries) {
    const Rule* rule = find_rule(k.value);
    if (!rule)
      throw ConfigError{k.pos, fmt::format("unknown rule `{}` (see `skillkit rules`)", k.value)};
    out[rule] = parse_setting(*rule, v);
  }
  return out;
}

Config parse(const YamlNode& root, const fs::path& file) {
  Config config;
  config.path = file.string();
  config.base_dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  if (!root.is_mapping()) throw ConfigError{root.pos, "the config must be a mapping"};
  for (const auto& [k, v] : root.entries) {
    if (k.value == "layers") {
      if (!v.is_mapping())
        throw ConfigError{v.pos, "`layers` must map layer names to true or false"};
      for (const auto& [lk, lv] : v.entries) {
        auto layer = parse_layer(lk.value);
        if (!layer)
          throw ConfigError{
              lk.pos,
              fmt::format("unknown layer `{}` (agentskills, devops-agent, policy)", lk.value)};
        if (!type_matches(lv, "bool"))
          throw ConfigError{lv.pos, "a layer is switched by true or false"};
        config.layers[*layer] = lv.value == "true" || lv.value == "yes" || lv.value == "on";
      }
    } else if (k.value == "rules") {
      config.rules = parse_rules(v);
    } else if (k.value == "ignore") {
      config.ignore = string_list(v, "ignore");
    } else if (k.value == "overrides") {
      if (!v.is_sequence()) throw ConfigError{v.pos, "`overrides` must be a list"};
      for (const YamlNode& item : v.items) {
        if (!item.is_mapping())
          throw ConfigError{item.pos, "each override is a mapping with `files` and `rules`"};
        ConfigOverride o;
        for (const auto& [ok, ov] : item.entries) {
          if (ok.value == "files")
            o.files = string_list(ov, "files");
          else if (ok.value == "rules")
            o.rules = parse_rules(ov);
          else
            throw ConfigError{ok.pos,
                              fmt::format("unknown override key `{}` (files, rules)", ok.value)};
        }
        if (o.files.empty()) throw ConfigError{item.pos, "an override needs `files`"};
        config.overrides.push_back(std::move(o));
      }
    } else {
      throw ConfigError{
          k.pos,
          fmt::format("unknown config key `{}` (layers, rules, ignore, overrides)", k.value)};
    }
  }
  return config;
}

// `dir` relative to `base`, both made canonical; "" for the same folder.
std::string relative_to(const fs::path& dir, const fs::path& base, PathCache* cache) {
  fs::path a, b;
  if (cache) {
    a = cache->canonical(dir);
    b = cache->canonical(base);
  } else {
    std::error_code ec;
    a = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    b = fs::weakly_canonical(fs::absolute(base, ec), ec);
  }
  std::string rel = a.lexically_relative(b).generic_string();
  return rel == "." ? "" : rel;
}

bool any_glob(const std::vector<std::string>& globs, const std::string& rel) {
  for (const std::string& g : globs) {
    std::string pattern = g;
    if (!pattern.empty() && pattern.front() == '/') pattern.erase(0, 1);
    while (!pattern.empty() && pattern.back() == '/') pattern.pop_back();
    if (glob_match(pattern, rel)) return true;
    // A folder glob also covers everything below it.
    if (glob_match(pattern + "/**", rel)) return true;
  }
  return false;
}

// The options of a rule at their documented defaults (parsed once per process).
const Options& default_options(const Rule& rule) {
  static const std::map<const Rule*, Options> defaults = [] {
    std::map<const Rule*, Options> all;
    for (const Rule* r : all_rules()) {
      Options& options = all[r];
      for (const OptionSpec& spec : r->options) {
        SourceText src{std::string(spec.default_value)};
        YamlParse parsed = parse_yaml(src.bytes(), 0, src);
        options.set(std::string(spec.name), parsed.root ? *parsed.root : YamlNode{});
      }
    }
    return all;
  }();
  return defaults.at(&rule);
}

void apply(ActiveRule& active, const RuleSetting& setting) {
  if (setting.severity) active.severity = *setting.severity;
  for (const auto& [name, value] : setting.options) active.options.set(name, value);
}

}  // namespace

std::optional<Config> load_config(const fs::path& file, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: cannot read config file", file.string());
    return std::nullopt;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  SourceText source(buf.str());
  const std::string_view text = std::string_view(source.bytes()).substr(source.content_begin());
  YamlParse parsed = parse_yaml(text, source.content_begin(), source);
  if (!parsed.ok) {
    const Position p = source.position(parsed.error_offset);
    error =
        fmt::format("{}:{}:{}: invalid YAML: {}", file.string(), p.line, p.column, parsed.error);
    return std::nullopt;
  }
  if (!parsed.root) {
    Config empty;
    empty.path = file.string();
    empty.base_dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    return empty;
  }
  try {
    return parse(*parsed.root, file);
  } catch (const ConfigError& e) {
    error = fmt::format("{}:{}:{}: {}", file.string(), e.pos.line, e.pos.column, e.message);
    return std::nullopt;
  }
}

std::optional<fs::path> find_config(const fs::path& skill_dir) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(skill_dir, ec), ec);
  for (;; dir = dir.parent_path()) {
    for (const char* name : {".skillkit.yaml", ".skillkit.yml"})
      if (fs::is_regular_file(dir / name, ec)) return dir / name;
    if (dir == dir.parent_path()) return std::nullopt;
  }
}

std::optional<fs::path> find_config(const fs::path& skill_dir, PathCache& cache) {
  // Remembered per folder: sibling skills share their parents' answer.
  return cache.nearest_file(cache.canonical(skill_dir), {".skillkit.yaml", ".skillkit.yml"});
}

namespace {

bool ignores(const Config& config, const fs::path& skill_dir, PathCache* cache) {
  return !config.ignore.empty() &&
         any_glob(config.ignore, relative_to(skill_dir, config.base_dir, cache));
}

std::vector<ActiveRule> resolve(const Config& config, const fs::path& skill_dir, bool keep_off,
                                PathCache* cache) {
  // Only overrides look at where the skill is.
  const std::string rel =
      config.overrides.empty() ? std::string() : relative_to(skill_dir, config.base_dir, cache);
  std::vector<ActiveRule> out;
  for (const Rule* rule : all_rules()) {
    ActiveRule active{rule, rule->severity, default_options(*rule)};
    auto layer = config.layers.find(rule->layer);
    const bool layer_on = layer == config.layers.end() || layer->second;
    if (auto it = config.rules.find(rule); it != config.rules.end()) apply(active, it->second);
    for (const ConfigOverride& o : config.overrides)
      if (any_glob(o.files, rel))
        if (auto it = o.rules.find(rule); it != o.rules.end()) apply(active, it->second);
    if (keep_off) {
      if (active.severity == Severity::Off) active.severity = Severity::Warning;
    } else {
      if (!layer_on && !config.rules.count(rule)) continue;  // a rule named explicitly stays on
      if (active.severity == Severity::Off) continue;
    }
    out.push_back(std::move(active));
  }
  return out;
}

}  // namespace

bool config_ignores(const Config& config, const fs::path& skill_dir) {
  return ignores(config, skill_dir, nullptr);
}

bool config_ignores(const Config& config, const fs::path& skill_dir, PathCache& cache) {
  return ignores(config, skill_dir, &cache);
}

std::vector<ActiveRule> resolve_rules(const Config& config, const fs::path& skill_dir,
                                      bool keep_off) {
  return resolve(config, skill_dir, keep_off, nullptr);
}

std::vector<ActiveRule> resolve_rules(const Config& config, const fs::path& skill_dir,
                                      bool keep_off, PathCache& cache) {
  return resolve(config, skill_dir, keep_off, &cache);
}

}  // namespace skillkit
