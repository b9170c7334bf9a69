#include <fmt/format.h>

#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "lint/reporters.h"
#include "skillkit/source.h"
#include "skillkit/utf8.h"

namespace skillkit {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "text") return ReportFormat::Text;
  if (name == "json") return ReportFormat::Json;
  if (name == "sarif") return ReportFormat::Sarif;
  if (name == "github") return ReportFormat::Github;
  return std::nullopt;
}

ReportSummary summarize(const std::vector<Diagnostic>& diagnostics, size_t skills) {
  ReportSummary s;
  s.skills = skills;
  for (const Diagnostic& d : diagnostics) {
    s.errors += d.severity == Severity::Error;
    s.warnings += d.severity == Severity::Warning;
    s.infos += d.severity == Severity::Info;
  }
  return s;
}

std::string format_short(const Diagnostic& d) {
  if (d.pos.line == 0) return fmt::format("{}: {} {}", d.file, d.rule_id, d.message);
  return fmt::format("{}:{}:{}: {} {}", d.file, d.pos.line, d.pos.column, d.rule_id, d.message);
}

std::string escape_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
      continue;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[u >> 4];
    out += kHex[u & 15];
  }
  return out;
}

namespace {

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The source line shown under a finding, read once per file.
class SourceCache {
 public:
  std::string_view line(const std::string& file, int n) {
    auto it = files_.find(file);
    if (it == files_.end()) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream buf;
      if (in) buf << in.rdbuf();
      it = files_.emplace(file, SourceText(buf.str())).first;
    }
    return it->second.line(n);
  }

 private:
  std::map<std::string, SourceText> files_;
};

}  // namespace

void write_text(std::ostream& out, const std::vector<Diagnostic>& diagnostics, size_t skills,
                const TextStyle& style) {
  auto paint = [&](std::string_view code, std::string_view text) {
    return style.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  };
  SourceCache cache;
  for (const Diagnostic& d : diagnostics) {
    const std::string file = escape_controls(d.file);
    const std::string where =
        d.pos.line ? fmt::format("{}:{}:{}", file, d.pos.line, d.pos.column) : file;
    const std::string_view sev = to_string(d.severity);
    const std::string_view colour = d.severity == Severity::Error     ? "1;31"
                                    : d.severity == Severity::Warning ? "1;33"
                                                                      : "1;36";
    out << paint("1", where) << ": " << paint(colour, sev) << " "
        << paint("2", fmt::format("[{} {}]", d.rule_id, d.rule_name)) << " "
        << escape_controls(d.message) << '\n';
    // The source line under a secret finding would print the secret itself.
    const bool show_source = style.source && d.pos.line > 0 && d.rule_id != "SK210";
    if (show_source) {
      std::string text(cache.line(d.file, d.pos.line));
      for (char& c : text)
        if (c == '\t') c = ' ';
      if (!text.empty() || d.pos.column > 1) {
        // Each escaped control character before the column widens the line by 3.
        const size_t column = static_cast<size_t>(std::max(d.pos.column - 1, 0));
        size_t pad = column;
        for (size_t i = 0, chars = 0; chars < column && i < text.size(); ++chars) {
          const auto u = static_cast<unsigned char>(text[i]);
          if (u < 0x20 || u == 0x7f) pad += 3;
          utf8::next(text, i);
        }
        const std::string number = std::to_string(d.pos.line);
        out << fmt::format(" {} | {}\n", number, escape_controls(text));
        out << fmt::format(" {} | {}{}\n", std::string(number.size(), ' '), std::string(pad, ' '),
                           paint(colour, "^"));
      }
    }
    if (!d.hint.empty())
      out << "  " << paint("36", "hint") << ": " << escape_controls(d.hint) << '\n';
  }
  const ReportSummary s = summarize(diagnostics, skills);
  if (diagnostics.empty()) {
    out << paint("32", fmt::format("{} checked, no problems", plural(skills, "skill"))) << '\n';
    return;
  }
  std::string line =
      fmt::format("{}, {}", plural(s.errors, "error"), plural(s.warnings, "warning"));
  if (s.infos) line += ", " + plural(s.infos, "note");
  line += fmt::format(" in {} checked", plural(skills, "skill"));
  out << paint(s.errors ? "1;31" : "1;33", line) << '\n';
}

}  // namespace skillkit
