#include "lint/suppress.h"

#include "rules/registry.h"

namespace skillkit {

Suppressions read_suppressions(const Skill& skill) {
  Suppressions out;
  constexpr std::string_view kMarker = "skillkit-disable";
  const SourceText& src = skill.md.source;
  for (int n = 1; n <= src.line_count(); ++n) {
    const std::string_view line = src.line(n);
    const size_t at = line.find(kMarker);
    if (at == std::string_view::npos) continue;
    // Only in a YAML comment (frontmatter) or an HTML comment (body).
    const std::string_view before = line.substr(0, at);
    const bool in_frontmatter = n > skill.md.open_line && n < skill.md.close_line;
    if (in_frontmatter ? before.find('#') == std::string_view::npos
                       : before.find("<!--") == std::string_view::npos)
      continue;
    std::string_view rest = line.substr(at + kMarker.size());
    if (const size_t end = rest.find("-->"); end != std::string_view::npos)
      rest = rest.substr(0, end);
    int words = 0;
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      ++words;
      if (const Rule* rule = find_rule(word)) out.rules.insert(std::string(rule->id));
      word.clear();
    };
    for (char c : rest) {
      if (c == ' ' || c == ',' || c == ':' || c == '\t')
        flush();
      else
        word += c;
    }
    flush();
    if (words == 0) out.all = true;  // a bare marker silences every rule
  }
  return out;
}

}  // namespace skillkit
