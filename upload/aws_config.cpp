#include "upload/aws_config.h"

#include <fstream>
#include <sstream>

namespace skillkit::upload {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string home_path(const EnvLookup& env, std::string_view file) {
  std::string home = env("HOME").value_or("");
  return home + "/.aws/" + std::string(file);
}

}  // namespace

std::map<std::string, ProfileValues> parse_aws_ini(std::string_view text, bool is_config_file) {
  std::map<std::string, ProfileValues> profiles;
  ProfileValues* current = nullptr;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view raw = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      std::string_view name = trim(line.substr(1, line.size() - 2));
      current = nullptr;
      if (is_config_file) {
        if (name.starts_with("profile ") || name.starts_with("profile\t")) {
          name = trim(name.substr(8));
        } else if (name != "default") {
          continue;  // [sso-session x], [services x]: not profiles
        }
      }
      current = &profiles[std::string(name)];
      continue;
    }
    // Indented lines are sub-settings of a nested key (e.g. "s3 =\n  addressing_style = ...").
    if (!current || raw.front() == ' ' || raw.front() == '\t') continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    (*current)[std::string(trim(line.substr(0, eq)))] = std::string(trim(line.substr(eq + 1)));
  }
  return profiles;
}

std::string credentials_file_path(const EnvLookup& env) {
  if (auto path = env("AWS_SHARED_CREDENTIALS_FILE")) return *path;
  return home_path(env, "credentials");
}

std::string config_file_path(const EnvLookup& env) {
  if (auto path = env("AWS_CONFIG_FILE")) return *path;
  return home_path(env, "config");
}

std::optional<ProfileValues> load_profile(std::string_view name, const EnvLookup& env) {
  std::optional<ProfileValues> merged;
  if (auto text = read_file(config_file_path(env))) {
    auto profiles = parse_aws_ini(*text, true);
    if (auto it = profiles.find(std::string(name)); it != profiles.end()) merged = it->second;
  }
  if (auto text = read_file(credentials_file_path(env))) {
    auto profiles = parse_aws_ini(*text, false);
    if (auto it = profiles.find(std::string(name)); it != profiles.end()) {
      if (!merged) merged.emplace();
      for (const auto& [key, value] : it->second) (*merged)[key] = value;
    }
  }
  return merged;
}

}  // namespace skillkit::upload
