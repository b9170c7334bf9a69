#include "migrate/report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "lint/reporters.h"  // escape_controls

namespace skillkit::migrate {
namespace {

std::string_view status_word(MigratedSkill::Status s) {
  switch (s) {
    case MigratedSkill::Status::Written:
      return "written";
    case MigratedSkill::Status::Planned:
      return "planned";
    case MigratedSkill::Status::Failed:
      return "failed";
  }
  return "failed";
}

std::string_view level_word(Note::Level level) {
  switch (level) {
    case Note::Level::Info:
      return "note";
    case Note::Level::Warning:
      return "warning";
    case Note::Level::Error:
      return "error";
  }
  return "note";
}

std::vector<std::string> file_list(const SkillDraft& draft) {
  std::vector<std::string> files{"SKILL.md"};
  for (const SkillFile& f : draft.files) files.push_back(f.path);
  return files;
}

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

ReportCounts count(const MigrateResult& result) {
  ReportCounts c;
  for (const MigratedSkill& s : result.skills) {
    c.written += s.status == MigratedSkill::Status::Written;
    c.planned += s.status == MigratedSkill::Status::Planned;
    c.failed += s.status == MigratedSkill::Status::Failed;
    for (const Note& n : s.draft.notes) c.warnings += n.level == Note::Level::Warning;
  }
  return c;
}

void write_text_report(std::ostream& out, const MigrateResult& result, bool dry_run) {
  for (const MigratedSkill& s : result.skills) {
    const SkillDraft& d = s.draft;
    out << fmt::format("{} -> {} ({})\n", escape_controls(d.source),
                       s.target.empty() ? "(no name)" : escape_controls(s.target),
                       status_word(s.status));
    if (s.status != MigratedSkill::Status::Failed) {
      out << fmt::format("  description: \"{}\"\n", escape_controls(d.description));
      out << fmt::format("  files: {}\n",
                         escape_controls(fmt::format("{}", fmt::join(file_list(d), ", "))));
    }
    for (const Note& n : d.notes)
      out << fmt::format("  {}: {}\n", level_word(n.level), escape_controls(n.message));
  }
  for (const std::string& s : result.skipped) out << "skipped: " << escape_controls(s) << '\n';
  const ReportCounts c = count(result);
  out << fmt::format("{}: {} {}, {} failed; {} to look at\n",
                     plural(result.skills.size(), "runbook"), dry_run ? c.planned : c.written,
                     dry_run ? "planned (dry run: nothing written)" : "written", c.failed,
                     plural(c.warnings, "warning"));
}

void write_json_report(std::ostream& out, const MigrateResult& result, bool dry_run) {
  using Json = nlohmann::ordered_json;
  Json skills = Json::array();
  for (const MigratedSkill& s : result.skills) {
    const SkillDraft& d = s.draft;
    Json notes = Json::array();
    for (const Note& n : d.notes)
      notes.push_back({{"level", level_word(n.level)}, {"message", n.message}});
    Json metadata = Json::object();
    for (const auto& [k, v] : d.metadata) metadata[k] = v;
    skills.push_back({{"source", d.source},
                      {"kind", d.kind},
                      {"status", status_word(s.status)},
                      {"target", s.target},
                      {"name", d.name},
                      {"description", d.description},
                      {"metadata", metadata},
                      {"files", file_list(d)},
                      {"notes", notes}});
  }
  const ReportCounts c = count(result);
  const Json report = {{"dry_run", dry_run},
                       {"skills", skills},
                       {"skipped", result.skipped},
                       {"summary",
                        {{"runbooks", result.skills.size()},
                         {"written", c.written},
                         {"planned", c.planned},
                         {"failed", c.failed},
                         {"warnings", c.warnings}}}};
  // replace: a runbook's file name need not be UTF-8, and dump() throws on one that is not.
  out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace skillkit::migrate
