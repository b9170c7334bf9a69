// What a rule is: its documentation, its defaults and its check, in one plain struct.
// Every rule lives in its own file rules/<name>.cpp and is listed in rules/registry.cpp.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillkit/diagnostic.h"
#include "skillkit/skill.h"
#include "skillkit/yaml_tree.h"

namespace skillkit {

/// Which specification a rule comes from; a config can switch a whole layer off.
enum class Layer { AgentSkills, DevOpsAgent, Policy };
/// What a rule reads. The engine skips a rule whose input did not parse: that failure is
/// reported once, by the rule that owns it (e.g. SK005 yaml-syntax), not by every rule.
enum class Input { Source, Frontmatter, Body, Files };
/// Declared, never inferred: whether the rule's findings carry a safe mechanical edit.
enum class Fixable { No, Sometimes, Always };

std::string_view to_string(Layer layer);
std::optional<Layer> parse_layer(std::string_view text);
std::string_view to_string(Input input);
std::string_view to_string(Fixable fixable);

/// One option of a rule: set in the config as `rules: {ID: {name: value}}`.
struct OptionSpec {
  std::string_view name;
  std::string_view type;           // "int", "string", "bool", "list" (of strings), "map"
  std::string_view default_value;  // YAML text
  std::string_view doc;
};

/// A rule's option values: the defaults, overridden by the config.
class Options {
 public:
  void set(std::string name, YamlNode value) { values_[std::move(name)] = std::move(value); }
  const YamlNode* get(std::string_view name) const;
  long long integer(std::string_view name, long long fallback = 0) const;
  std::string string(std::string_view name) const;
  bool boolean(std::string_view name) const;
  std::vector<std::string> list(std::string_view name) const;

 private:
  std::map<std::string, YamlNode, std::less<>> values_;
};

struct Rule;

/// Collects one rule's findings on one skill.
class Report {
 public:
  Report(const Rule& rule, Severity severity, std::vector<Diagnostic>& out)
      : rule_(rule), severity_(severity), out_(out) {}

  /// A finding in `file` (a display path, e.g. skill.skill_md_path()) at `pos`.
  void add(std::string file, Position pos, std::string message, std::string hint = {},
           std::optional<Edit> fix = std::nullopt);

 private:
  const Rule& rule_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

using CheckFn = void (*)(const Skill& skill, const Options& options, Report& report);

struct Rule {
  std::string_view id;    // stable code, never reused: "SK101"
  std::string_view name;  // kebab-case: "name-format"; users may write either
  Layer layer = Layer::AgentSkills;
  Input input = Input::Frontmatter;
  Severity severity = Severity::Error;  // default severity
  Fixable fixable = Fixable::No;
  std::string_view summary;    // one line
  std::string_view rationale;  // why it matters
  // Examples are SKILL.md text. A skill with more files writes each as "=== path\n" + content;
  // the skill folder is always named `example`.
  std::string_view bad;
  std::string_view good;
  std::span<const OptionSpec> options = {};
  CheckFn check = nullptr;
};

}  // namespace skillkit
