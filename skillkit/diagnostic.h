// The unit of output: one finding at one place in one file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skillkit {

/// A place in a text file. Lines and columns are 1-based; columns count Unicode characters.
/// line == 0 means "the file as a whole" (no position).
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

enum class Severity { Off, Info, Warning, Error };

std::string_view to_string(Severity s);
/// Parses "off", "info", "warning"/"warn", "error"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view text);

/// A mechanical edit that fixes a finding: replace bytes [begin, end) of `file` with `text`.
struct Edit {
  std::string file;  // path of the file to edit (same form as Diagnostic::file)
  size_t begin = 0;
  size_t end = 0;
  std::string text;
};

struct Diagnostic {
  std::string rule_id;    // e.g. "SK101"
  std::string rule_name;  // e.g. "name-format"
  Severity severity = Severity::Error;
  std::string file;  // as shown to the user: relative to the working directory when possible
  Position pos;
  std::string message;
  std::string hint;  // how to fix it; may be empty
  std::optional<Edit> fix;
};

/// Orders findings by file, position, rule id, message: the order every reporter prints.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace skillkit
