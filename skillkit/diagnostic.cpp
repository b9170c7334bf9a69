#include "skillkit/diagnostic.h"

#include <tuple>

namespace skillkit {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Off:
      return "off";
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::Off;
  if (text == "info") return Severity::Info;
  if (text == "warning" || text == "warn") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.pos, a.rule_id, a.message) <
         std::tie(b.file, b.pos, b.rule_id, b.message);
}

}  // namespace skillkit
