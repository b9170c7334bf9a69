#include "migrate/names.h"

#include "migrate/ascii_fold.h"

namespace skillkit::migrate {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string to_skill_name(std::string_view text, bool* truncated) {
  std::string name;
  for (char c : ascii_fold(text)) {
    if (is_ascii_alnum(c))
      name += ascii_lower(c);
    else if (!name.empty() && name.back() != '-')
      name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  if (truncated) *truncated = name.size() > kMaxNameLength;
  if (name.size() > kMaxNameLength) {
    // Prefer ending at a word boundary; a hyphen right after the cut means the cut is one.
    size_t cut = kMaxNameLength;
    if (name[cut] != '-') {
      const size_t hyphen = name.rfind('-', kMaxNameLength);
      if (hyphen != std::string::npos && hyphen >= kMaxNameLength / 2) cut = hyphen;
    }
    name.resize(cut);
    while (!name.empty() && name.back() == '-') name.pop_back();
  }
  return name;
}

std::string to_file_name(std::string_view name) {
  std::string out;
  for (char c : ascii_fold(name)) {
    if (is_ascii_alnum(c) || c == '.' || c == '_' || c == '-')
      out += c;
    else if (out.empty() || out.back() != '-')
      out += '-';
  }
  if (out.empty() || out == "." || out == "..") out = "file";
  return out;
}

}  // namespace skillkit::migrate
