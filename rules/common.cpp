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

namespace {

bool url_is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int url_hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

LinkTarget classify_link(std::string_view url) {
  LinkTarget t;
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\t')) url.remove_suffix(1);
  if (url.empty() || url[0] == '#' || url[0] == '?') return t;

  // A scheme: ALPHA *(ALPHA / DIGIT / "+" / "-" / ".") ":". One letter is a drive (C:).
  size_t i = 0;
  if (url_is_alpha(url[0])) {
    i = 1;
    while (i < url.size() && (url_is_alpha(url[i]) || (url[i] >= '0' && url[i] <= '9') ||
                              url[i] == '+' || url[i] == '-' || url[i] == '.'))
      ++i;
    if (i < url.size() && url[i] == ':') {
      std::string scheme(url.substr(0, i));
      for (char& c : scheme) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      t.kind = i == 1 || scheme == "file" ? LinkTarget::Kind::Absolute : LinkTarget::Kind::Url;
      return t;
    }
  }
  if (url.starts_with("//")) {
    t.kind = LinkTarget::Kind::Url;  // protocol-relative: a host, not a local path
    return t;
  }
  if (url[0] == '/' || url[0] == '\\' || url[0] == '~') {
    t.kind = LinkTarget::Kind::Absolute;
    return t;
  }

  std::string_view raw = url.substr(0, url.find('#'));
  raw = raw.substr(0, raw.find('?'));
  std::string decoded;
  for (size_t k = 0; k < raw.size(); ++k) {
    if (raw[k] == '%' && k + 2 < raw.size() && url_hex_value(raw[k + 1]) >= 0 &&
        url_hex_value(raw[k + 2]) >= 0) {
      decoded += static_cast<char>(url_hex_value(raw[k + 1]) * 16 + url_hex_value(raw[k + 2]));
      k += 2;
    } else {
      decoded += raw[k];
    }
  }
  t.kind = LinkTarget::Kind::Relative;
  std::vector<std::string_view> parts;
  std::string_view rest = decoded;
  while (true) {
    const size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    if (part == "..") {
      if (parts.empty())
        t.outside = true;
      else
        parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  for (std::string_view part : parts) {
    if (!t.path.empty()) t.path += '/';
    t.path += part;
  }
  return t;
}

Position value_pos(const Skill& skill, const YamlNode& key, const YamlNode& value) {
  if (value.kind != YamlNode::Kind::Null) return value.pos;
  const std::string& bytes = skill.md.source.bytes();
  const std::string_view text =
      value.offset < bytes.size() ? std::string_view(bytes).substr(value.offset) : "";
  const bool written = text.starts_with("~") || text.starts_with("null") ||
                       text.starts_with("Null") || text.starts_with("NULL");
  return written && value.pos.line == key.pos.line ? value.pos : key.pos;
}

std::optional<unsigned long long> yaml_count(const YamlNode& node) {
  if (!node.is_plain() || node.resolved_type() != "int") return std::nullopt;
  std::string text;
  for (char c : node.value)
    if (c != '_') text += c;
  if (!text.empty() && text[0] == '+') text.erase(0, 1);
  if (text.empty() || text[0] == '-') return std::nullopt;
  int base = 10;
  if (text.starts_with("0x") || text.starts_with("0o")) {
    base = text[1] == 'x' ? 16 : 8;
    text.erase(0, 2);
  }
  try {
    size_t used = 0;
    const unsigned long long n = std::stoull(text, &used, base);
    return used == text.size() ? std::optional(n) : std::nullopt;
  } catch (...) {
    return std::nullopt;  // out of range
  }
}

}  // namespace skillkit::rules
