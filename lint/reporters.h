// Reporters turn sorted findings into text for people (text) or machines (json, sarif, github).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillkit/diagnostic.h"

namespace skillkit {

enum class ReportFormat { Text, Json, Sarif, Github };
std::optional<ReportFormat> parse_report_format(std::string_view name);

struct ReportSummary {
  size_t skills = 0;
  size_t errors = 0, warnings = 0, infos = 0;
};
ReportSummary summarize(const std::vector<Diagnostic>& diagnostics, size_t skills);

struct TextStyle {
  bool color = false;  // ANSI colours (a TTY without NO_COLOR)
  bool source = true;  // show the source line with a caret under the column
};

/// `path:line:col: severity [ID name] message`, the source line and a caret, a hint, a summary.
void write_text(std::ostream& out, const std::vector<Diagnostic>& diagnostics, size_t skills,
                const TextStyle& style);
/// The stable JSON document described in docs/json-format.md.
void write_json(std::ostream& out, const std::vector<Diagnostic>& diagnostics, size_t skills);
/// SARIF 2.1.0, one run, for GitHub code scanning.
void write_sarif(std::ostream& out, const std::vector<Diagnostic>& diagnostics);
/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
void write_github(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

/// The short form used in fixtures' expected.txt: `path:line:col: ID message` (`path: ID message`
/// for a finding on the whole file).
std::string format_short(const Diagnostic& d);

/// `s` with control characters (C0 and DEL) shown as \xNN: names and messages carry bytes from
/// file names and contents, which must not end a line early or drive the terminal.
std::string escape_controls(std::string_view s);

}  // namespace skillkit
