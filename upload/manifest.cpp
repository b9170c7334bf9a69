#include "upload/manifest.h"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/agent_types.h"
#include "skillkit/source.h"
#include "skillkit/yaml_tree.h"

namespace skillkit::upload {
namespace fs = std::filesystem;

namespace {

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

struct Checker {
  std::string file;
  std::vector<std::string> problems;

  void error(const Position& pos, const std::string& message) {
    problems.push_back(fmt::format("{}:{}:{}: {}", file, pos.line, pos.column, message));
  }

  std::optional<std::string> string(const YamlNode& node, std::string_view what) {
    if (node.is_scalar() && !node.value.empty()) return node.value;
    error(node.pos, fmt::format("`{}` must be a non-empty string", what));
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> agent_types(const YamlNode& node) {
    std::vector<std::string> items;
    if (node.is_scalar()) {
      std::stringstream ss(node.value);
      for (std::string item; std::getline(ss, item, ',');) {
        const size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
        if (b != std::string::npos) items.push_back(item.substr(b, e - b + 1));
      }
    } else if (node.is_sequence()) {
      for (const YamlNode& i : node.items) {
        if (!i.is_scalar()) {
          error(i.pos, "`agent_types` items must be strings");
          return std::nullopt;
        }
        items.push_back(i.value);
      }
    } else {
      error(node.pos, "`agent_types` must be a list or a comma-separated string");
      return std::nullopt;
    }
    if (items.empty()) {
      error(node.pos, "`agent_types` is empty");
      return std::nullopt;
    }
    bool ok = true;
    std::vector<std::string> out;
    for (const std::string& item : items) {
      if (rules::is_wire_value(item)) {
        out.push_back(item);
      } else if (auto wire = rules::wire_value_for_label(item)) {
        out.emplace_back(*wire);
      } else {
        const std::string near = rules::nearest_agent_type(item, rules::AgentTypeConvention::Wire);
        error(node.pos,
              fmt::format("unknown agent type `{}`{}", item,
                          near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near)));
        ok = false;
      }
    }
    std::set<std::string> unique(out.begin(), out.end());
    if (ok && unique.contains(std::string(rules::kGenericAgentType)) && unique.size() > 1) {
      error(node.pos, "GENERIC cannot be combined with other agent types");
      ok = false;
    }
    if (!ok) return std::nullopt;
    return std::vector<std::string>(unique.begin(), unique.end());
  }

  std::optional<std::string> status(const YamlNode& node) {
    if (node.is_scalar() && (node.value == "ACTIVE" || node.value == "INACTIVE")) return node.value;
    error(node.pos, "`status` must be ACTIVE or INACTIVE");
    return std::nullopt;
  }

  void unknown_keys(const YamlNode& map, std::initializer_list<std::string_view> known) {
    std::set<std::string> seen;
    for (const YamlEntry& e : map.entries) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || e.first.value == k;
      if (!ok) {
        std::string list;
        for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        error(e.first.pos,
              fmt::format("unknown key `{}` (expected one of: {})", e.first.value, list));
      }
      if (!seen.insert(e.first.value).second)
        error(e.first.pos, fmt::format("duplicate key `{}`", e.first.value));
    }
  }
};

bool valid_space_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  return true;
}

}  // namespace

ManifestError::ManifestError(std::vector<std::string> p)
    : std::runtime_error(join(p)), problems(std::move(p)) {}

Manifest parse_manifest(std::string_view text, const std::string& file) {
  Checker c{file, {}};
  Manifest m;
  m.file = file;
  SourceText source{std::string(text)};
  YamlParse parsed = parse_yaml(text, 0, source);
  if (!parsed.ok) {
    c.error(source.position(parsed.error_offset), "invalid YAML: " + parsed.error);
    throw ManifestError(c.problems);
  }
  if (!parsed.root || !parsed.root->is_mapping()) {
    c.error(parsed.root ? parsed.root->pos : Position{1, 1},
            "the manifest must be a mapping with a `spaces` list");
    throw ManifestError(c.problems);
  }
  const YamlNode& root = *parsed.root;
  c.unknown_keys(root, {"spaces"});
  const YamlNode* spaces = root.find("spaces");
  if (!spaces || !spaces->is_sequence() || spaces->items.empty()) {
    c.error(spaces ? spaces->pos : root.pos, "`spaces` must be a non-empty list");
    throw ManifestError(c.problems);
  }
  std::set<std::string> ids;
  for (const YamlNode& s : spaces->items) {
    if (!s.is_mapping()) {
      c.error(s.pos, "each space must be a mapping with `id` and `skills`");
      continue;
    }
    c.unknown_keys(s, {"id", "region", "agent_types", "status", "skills"});
    ManifestSpace space;
    space.pos = s.pos;
    if (const YamlNode* id = s.find("id")) {
      if (auto v = c.string(*id, "id")) {
        if (!valid_space_id(*v))
          c.error(id->pos,
                  fmt::format("agent space id `{}` must be 1-64 letters, digits or -", *v));
        else if (!ids.insert(*v).second)
          c.error(id->pos, fmt::format("agent space `{}` is listed twice", *v));
        space.id = *v;
      }
    } else {
      c.error(s.pos, "missing `id` (the agent space id)");
    }
    if (const YamlNode* r = s.find("region"))
      if (auto v = c.string(*r, "region")) space.region = *v;
    if (const YamlNode* t = s.find("agent_types")) space.agent_types = c.agent_types(*t);
    if (const YamlNode* t = s.find("status")) space.status = c.status(*t);
    const YamlNode* skills = s.find("skills");
    if (!skills || !skills->is_sequence() || skills->items.empty()) {
      c.error(skills ? skills->pos : s.pos, "`skills` must be a non-empty list of paths");
    } else {
      for (const YamlNode& k : skills->items) {
        ManifestSkill skill;
        skill.pos = k.pos;
        if (k.is_scalar()) {
          if (auto v = c.string(k, "skills")) skill.path = *v;
        } else if (k.is_mapping()) {
          c.unknown_keys(k, {"path", "agent_types", "status"});
          if (const YamlNode* p = k.find("path")) {
            if (auto v = c.string(*p, "path")) skill.path = *v;
          } else {
            c.error(k.pos, "missing `path`");
          }
          if (const YamlNode* t = k.find("agent_types")) skill.agent_types = c.agent_types(*t);
          if (const YamlNode* t = k.find("status")) skill.status = c.status(*t);
        } else {
          c.error(k.pos, "each skill is a path or a mapping with `path`");
        }
        space.skills.push_back(std::move(skill));
      }
    }
    m.spaces.push_back(std::move(space));
  }
  if (!c.problems.empty()) throw ManifestError(c.problems);
  return m;
}

Manifest load_manifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ManifestError({path + ": cannot read the manifest"});
  std::stringstream ss;
  ss << in.rdbuf();
  Manifest m = parse_manifest(ss.str(), path);
  fs::path dir = fs::path(path).parent_path();
  m.base_dir = dir.empty() ? "." : dir.string();
  return m;
}

std::vector<std::string> expand_skill_pattern(const std::string& base_dir,
                                              const std::string& pattern) {
  const fs::path full =
      fs::path(pattern).is_absolute() ? fs::path(pattern) : fs::path(base_dir) / pattern;
  std::vector<std::string> out;
  if (pattern.find_first_of("*?[") == std::string::npos) {
    std::error_code ec;
    if (fs::exists(full, ec)) out.push_back(full.lexically_normal().string());
    return out;
  }
  glob_t g{};
  if (::glob(full.c_str(), GLOB_NOSORT, nullptr, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) {
      std::error_code ec;
      if (fs::is_directory(g.gl_pathv[i], ec))
        out.push_back(fs::path(g.gl_pathv[i]).lexically_normal().string());
    }
  }
  ::globfree(&g);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace skillkit::upload
