#include <fmt/format.h>

#include <ostream>

#include "lint/reporters.h"

namespace skillkit {
namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        // DEL too: file names carry it, and it is as unprintable as the C0 controls.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += fmt::format("\\u{:04x}", c);
        else
          out += c;
    }
  }
  return out + "\"";
}

}  // namespace

void write_json(std::ostream& out, const std::vector<Diagnostic>& diagnostics, size_t skills) {
  const ReportSummary s = summarize(diagnostics, skills);
  out << "{\n  \"version\": 1,\n  \"tool\": \"skillkit\",\n";
  out << fmt::format(
      "  \"summary\": {{\"skills\": {}, \"errors\": {}, \"warnings\": {}, \"infos\": {}}},\n",
      s.skills, s.errors, s.warnings, s.infos);
  out << "  \"diagnostics\": [";
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    out << (i ? ",\n" : "\n");
    out << fmt::format(
        "    {{\"rule\": {}, \"name\": {}, \"severity\": {}, \"file\": {}, \"line\": {}, "
        "\"column\": {}, "
        "\"message\": {}, \"hint\": {}, \"fixable\": {}}}",
        json_string(d.rule_id), json_string(d.rule_name), json_string(to_string(d.severity)),
        json_string(d.file), d.pos.line, d.pos.column, json_string(d.message), json_string(d.hint),
        d.fix ? "true" : "false");
  }
  out << (diagnostics.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace skillkit
