#include <fmt/format.h>

#include <ostream>

#include "lint/reporters.h"

namespace skillkit {
namespace {

// Workflow-command values escape %, CR and LF; properties also escape ':' and ','. Other
// control characters (from file names and contents) are shown as \xNN, never raw in the log.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (u < 0x20 || u == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void write_github(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    const std::string_view level = d.severity == Severity::Error     ? "error"
                                   : d.severity == Severity::Warning ? "warning"
                                                                     : "notice";
    std::string props = "file=" + escape_property(d.file);
    if (d.pos.line > 0) props += fmt::format(",line={},col={}", d.pos.line, d.pos.column);
    props += ",title=" + escape_property(fmt::format("{} {}", d.rule_id, d.rule_name));
    std::string message = d.message;
    if (!d.hint.empty()) message += " (hint: " + d.hint + ")";
    out << "::" << level << " " << props << "::" << escape_data(message) << '\n';
  }
}

}  // namespace skillkit
