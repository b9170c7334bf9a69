#include "rules/common.h"

namespace skillkit::rules {

const YamlNode* field(const Skill& skill, std::string_view key) {
  const YamlNode* fm = skill.frontmatter();
  return fm ? fm->find(key) : nullptr;
}

const YamlNode* field_key(const Skill& skill, std::string_view key) {
  const YamlNode* fm = skill.frontmatter();
  if (!fm) return nullptr;
  const auto* entry = fm->find_entry(key);
  return entry ? &entry->first : nullptr;
}

std::string describe_type(const YamlNode& node) {
  const std::string_view t = node.resolved_type();
  if (t == "null") return "empty (null)";
  if (t == "bool") return "a boolean";
  if (t == "int" || t == "float") return "a number";
  if (t == "timestamp") return "a date";
  if (t == "sequence") return "a list";
  if (t == "mapping") return "a mapping";
  if (t == "alias") return "an alias";
  return "a string";
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    const size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    const size_t b = item.find_first_not_of(" \t\r\n");
    const size_t e = item.find_last_not_of(" \t\r\n");
    if (b != std::string_view::npos) out.emplace_back(item.substr(b, e - b + 1));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

size_t scalar_end(const Skill& skill, const YamlNode& node) {
  if (!node.is_scalar()) return 0;
  const std::string& bytes = skill.md.source.bytes();
  size_t i = node.offset;
  if (i >= bytes.size()) return 0;
  const char q = bytes[i];
  if (q == '|' || q == '>') return 0;
  if (q == '"' || q == '\'') {
    for (++i; i < bytes.size() && bytes[i] != '\n'; ++i) {
      if (q == '"' && bytes[i] == '\\') {
        ++i;
        continue;
      }
      if (bytes[i] == q) {
        if (q == '\'' && i + 1 < bytes.size() && bytes[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i + 1;
      }
    }
    return 0;
  }
  // Plain scalar: up to " #" or the line end; it must not continue on the next line.
  size_t end = i;
  while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r') {
    if (bytes[end] == '#' && end > i && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) break;
    ++end;
  }
  while (end > i && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) --end;
  if (bytes.compare(i, end - i, node.value) != 0) return 0;  // folded over several lines
  return end;
}

}  // namespace skillkit::rules
