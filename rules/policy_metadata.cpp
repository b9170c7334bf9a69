// SK900 policy-metadata: `metadata` keys a catalog requires, and the values it accepts.
// Does nothing until `keys` is configured (docs/policies.md).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"keys", "map", "{}",
     "Metadata key -> constraints: `required` (bool), `enum` (list), `pattern` (ECMAScript "
     "regex, whole value), `format: semver`, `vocabulary` (list; each `separator`-separated "
     "item, default `,`, must be in it), `max-length` (characters). See docs/policies.md."},
};

constexpr std::string_view kConstraints =
    "required, enum, pattern, format, vocabulary, separator, max-length";

struct KeyPolicy {
  std::string key;
  bool required = false;
  std::optional<std::vector<std::string>> allowed;  // enum
  std::string pattern_text;
  std::optional<std::regex> pattern;
  bool semver = false;
  std::optional<std::vector<std::string>> vocabulary;
  std::string separator = ",";
  std::optional<unsigned long long> max_length;
};

// Problems in the option's own content, found while reading it.
class OptionProblems {
 public:
  void add(const YamlNode& at, std::string_view path, std::string_view what) {
    const std::string where = at.pos.line > 0 ? fmt::format(" (config line {})", at.pos.line) : "";
    list.push_back(fmt::format("policy-metadata: invalid option `{}`{}: {}", path, where, what));
  }
  std::vector<std::string> list;
};

std::optional<std::vector<std::string>> string_list(const YamlNode& node) {
  if (node.is_scalar()) return std::vector<std::string>{node.value};
  if (!node.is_sequence() || node.items.empty()) return std::nullopt;
  std::vector<std::string> out;
  for (const YamlNode& item : node.items) {
    if (!item.is_scalar()) return std::nullopt;
    out.push_back(item.value);
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<KeyPolicy> read_key(const YamlNode& name, const YamlNode& spec,
                                  OptionProblems& problems) {
  const std::string at = "keys." + name.value;
  if (!spec.is_mapping()) {
    problems.add(spec, at, fmt::format("expected a mapping of constraints ({})", kConstraints));
    return std::nullopt;
  }
  KeyPolicy policy;
  policy.key = name.value;
  const size_t before = problems.list.size();
  bool has_separator = false;
  for (const auto& [k, v] : spec.entries) {
    const std::string opt = at + "." + k.value;
    if (k.value == "required") {
      if (!v.is_plain() || v.resolved_type() != "bool")
        problems.add(v, opt, "must be true or false");
      const std::string b = lower(v.value);
      policy.required = b == "true" || b == "yes" || b == "on" || b == "y";
    } else if (k.value == "enum" || k.value == "vocabulary") {
      auto values = string_list(v);
      if (!values)
        problems.add(v, opt, "must be a non-empty list of strings");
      else
        (k.value == "enum" ? policy.allowed : policy.vocabulary) = std::move(values);
    } else if (k.value == "pattern") {
      if (!v.is_scalar()) {
        problems.add(v, opt, "must be a regular expression (a string)");
        continue;
      }
      try {
        policy.pattern.emplace(v.value, kRegexFlags);
        policy.pattern_text = v.value;
      } catch (const std::regex_error& e) {
        problems.add(v, opt,
                     fmt::format("`{}` is not a valid regular expression: {}", v.value, e.what()));
      }
    } else if (k.value == "format") {
      if (!v.is_scalar() || v.value != "semver")
        problems.add(v, opt, "the only format is `semver`");
      policy.semver = true;
    } else if (k.value == "separator") {
      has_separator = true;
      if (!v.is_scalar() || v.value.empty())
        problems.add(v, opt, "must be a non-empty string");
      else
        policy.separator = v.value;
    } else if (k.value == "max-length") {
      policy.max_length = yaml_count(v);
      if (!policy.max_length) problems.add(v, opt, "must be a whole number, 0 or more");
    } else {
      problems.add(k, opt, fmt::format("unknown constraint (known: {})", kConstraints));
    }
  }
  if (has_separator && !policy.vocabulary)
    problems.add(spec, at + ".separator", "applies to `vocabulary`, which is not set");
  if (problems.list.size() != before) return std::nullopt;
  return policy;
}

std::vector<KeyPolicy> read_policies(const YamlNode* keys, OptionProblems& problems) {
  std::vector<KeyPolicy> out;
  if (!keys || !keys->is_mapping()) return out;
  for (size_t i = 0; i < keys->entries.size(); ++i) {
    const auto& [name, spec] = keys->entries[i];
    if (!name.is_scalar() || name.value.empty()) {
      problems.add(name, "keys", "each key must be a metadata key name");
      continue;
    }
    bool repeated = false;
    for (size_t j = 0; j < i; ++j) repeated |= keys->entries[j].first.value == name.value;
    if (repeated) {
      problems.add(name, "keys." + name.value, "is given twice");
      continue;
    }
    if (auto policy = read_key(name, spec, problems)) out.push_back(std::move(*policy));
  }
  return out;
}

bool identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

bool number(std::string_view s) {
  return !s.empty() && (s == "0" || s[0] != '0') &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <typename Fn>
bool all_parts(std::string_view s, Fn ok) {
  while (true) {
    const size_t dot = s.find('.');
    if (!ok(s.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    s.remove_prefix(dot + 1);
  }
}

// semver.org 2.0.0: MAJOR.MINOR.PATCH, then optionally -PRERELEASE and +BUILD.
bool is_semver(std::string_view v) {
  if (const size_t plus = v.find('+'); plus != std::string_view::npos) {
    if (!all_parts(v.substr(plus + 1), identifier)) return false;
    v = v.substr(0, plus);
  }
  if (const size_t dash = v.find('-'); dash != std::string_view::npos) {
    const auto pre = [](std::string_view s) {
      return identifier(s) && (number(s) || s.find_first_not_of("0123456789") != s.npos);
    };
    if (!all_parts(v.substr(dash + 1), pre)) return false;
    v = v.substr(0, dash);
  }
  return std::count(v.begin(), v.end(), '.') == 2 && all_parts(v, number);
}

std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> out;
  while (true) {
    const size_t at = text.find(separator);
    std::string_view item = text.substr(0, at);
    const size_t b = item.find_first_not_of(" \t\r\n");
    const size_t e = item.find_last_not_of(" \t\r\n");
    if (b != std::string_view::npos) out.emplace_back(item.substr(b, e - b + 1));
    if (at == std::string_view::npos) return out;
    text.remove_prefix(at + separator.size());
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A value as shown in a message: at most 60 characters.
std::string shorten(std::string_view v) {
  constexpr size_t kMax = 60;
  if (utf8::length(v) <= kMax) return std::string(v);
  size_t end = 0;
  for (size_t n = 0; n + 3 < kMax; ++n) utf8::next(v, end);
  return std::string(v.substr(0, end)) + "...";
}

void check_value(const Skill& skill, const KeyPolicy& policy, const YamlNode& value,
                 Report& report) {
  const std::string file = skill.skill_md_path();
  const std::string shown = "metadata." + policy.key;
  const std::string& v = value.value;
  const std::string shown_value = shorten(v);
  if (policy.allowed &&
      std::find(policy.allowed->begin(), policy.allowed->end(), v) == policy.allowed->end())
    report.add(file, value.pos,
               fmt::format("`{}` is `{}`; the policy allows only: {}", shown, shown_value,
                           join(*policy.allowed)),
               "use one of the allowed values");
  if (policy.pattern && !std::regex_match(v, *policy.pattern))
    report.add(file, value.pos,
               fmt::format("`{}` is `{}`, which does not match the policy pattern `{}`", shown,
                           shown_value, policy.pattern_text));
  if (policy.semver && !is_semver(v))
    report.add(
        file, value.pos,
        fmt::format("`{}` is `{}`, not a semantic version MAJOR.MINOR.PATCH", shown, shown_value),
        v.size() > 1 && (v[0] == 'v' || v[0] == 'V') && is_semver(v.substr(1))
            ? "drop the leading `v`"
            : "write three numbers without leading zeros, quoted: `\"1.0.0\"` (optionally "
              "followed by `-rc.1` or `+build.5`)");
  if (policy.vocabulary) {
    std::vector<std::string> unknown;
    std::string suggestion;
    for (const std::string& item : split(v, policy.separator)) {
      if (std::find(policy.vocabulary->begin(), policy.vocabulary->end(), item) !=
          policy.vocabulary->end())
        continue;
      unknown.push_back("`" + shorten(item) + "`");
      for (const std::string& known : *policy.vocabulary)
        if (suggestion.empty() && lower(known) == lower(item))
          suggestion = fmt::format("`{}` is written `{}`; ", item, known);
    }
    if (!unknown.empty())
      report.add(file, value.pos,
                 fmt::format("`{}` has {}, not in the policy vocabulary", shown, join(unknown)),
                 fmt::format("{}use values from: {} (separated by `{}`)", suggestion,
                             join(*policy.vocabulary), policy.separator));
  }
  if (policy.max_length && *policy.max_length > 0) {
    const size_t length = utf8::length(v);
    if (length > *policy.max_length)
      report.add(file, value.pos,
                 fmt::format("`{}` has {} characters; the policy limit is {}", shown, length,
                             *policy.max_length));
  }
}

void check(const Skill& skill, const Options& options, Report& report) {
  const YamlNode* fm = skill.frontmatter();
  if (!fm) return;
  OptionProblems problems;
  const std::vector<KeyPolicy> policies = read_policies(options.get("keys"), problems);
  const std::string file = skill.skill_md_path();
  for (const std::string& problem : problems.list)
    report.add(file, {}, problem, "fix the policy in the config file (see docs/policies.md)");

  const YamlNode* key = field_key(skill, "metadata");
  const YamlNode* metadata = field(skill, "metadata");
  // A metadata that is not a mapping is the metadata rule's finding, not ours.
  if (metadata && metadata->kind != YamlNode::Kind::Null && !metadata->is_mapping()) return;
  for (const KeyPolicy& policy : policies) {
    const YamlNode* value = metadata ? metadata->find(policy.key) : nullptr;
    const bool empty = !value || value->kind == YamlNode::Kind::Null ||
                       (value->is_scalar() && value->value.empty());
    if (empty) {
      if (!policy.required) continue;
      Position at = fm->pos;  // no `metadata` at all: the frontmatter's first line
      std::string hint = fmt::format("add `metadata:` with `{}: ...` under it", policy.key);
      if (value) {
        at = metadata->find_entry(policy.key)->first.pos;
        hint = fmt::format("give `{}` a value", policy.key);
      } else if (key) {
        at = key->pos;
        hint = fmt::format("add `{}: ...` under `metadata`", policy.key);
      }
      report.add(file, at,
                 fmt::format("`metadata.{}` is {}; the catalog policy requires it", policy.key,
                             value ? "empty" : "missing"),
                 hint);
      continue;
    }
    // Lists and mappings are the metadata rule's finding (values must be strings).
    if (value->is_scalar()) check_value(skill, policy, *value, report);
  }
}

}  // namespace

extern const Rule kPolicyMetadata{
    .id = "SK900",
    .name = "policy-metadata",
    .layer = Layer::Policy,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`metadata` holds the keys the catalog's policy requires, with accepted values.",
    .rationale =
        "Skill catalogs publish only skills that carry their own metadata: a semantic version, "
        "an owner, an agent-type vocabulary. Checking it in CI, before review, keeps the "
        "catalog consistent. Does nothing until the `keys` option is set; an invalid option "
        "is reported as a finding on SKILL.md.",
    .bad =
        "(with `rules: {SK900: {keys: {version: {required: true, format: semver}}}}` in "
        ".skillkit.yaml)\n---\nname: example\ndescription: Use this skill when ...\nmetadata:\n"
        "  version: \"1.0\"\n---\n",
    .good =
        "---\nname: example\ndescription: Use this skill when ...\nmetadata:\n"
        "  version: \"1.0.0\"\n---\n",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
