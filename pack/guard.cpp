#include "pack/guard.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "pack/ids.h"
#include "rules/registry.h"
#include "skillkit/utf8.h"

namespace skillkit::pack {

Diagnostic finding(const FindingId& id, std::string file, std::string message, std::string hint) {
  Diagnostic d;
  d.rule_id = std::string(id.id);
  const Rule* rule = find_rule(id.id);  // a registered rule's name wins, should they differ
  d.rule_name = std::string(rule ? rule->name : id.name);
  d.severity = Severity::Error;
  d.file = std::move(file);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

bool allowed_extension(std::string_view extension) {
  // skill-format.md: what the DevOps Agent upload validator is observed to accept.
  static constexpr std::array<std::string_view, 17> kAllowed = {
      "csv", "gif", "htm", "html", "jpeg", "jpg", "json", "md", "pdf",
      "png", "svg", "tsv", "txt",  "webp", "xml", "yaml", "yml"};
  return std::binary_search(kAllowed.begin(), kAllowed.end(), extension);
}

std::vector<Diagnostic> guard_files(const Skill& skill) {
  std::vector<Diagnostic> out;
  size_t files = 0, scripts = 0;
  for (const FileEntry& e : skill.files.entries) {
    if (e.is_dir || e.excluded) continue;
    const std::string shown = skill.display_path(e.path);
    if (e.is_symlink && e.link_escapes) {
      out.push_back(finding(kSymlinkEscape, shown,
                            "symlink to `" + e.link_target +
                                "` leaves the skill folder (or does not resolve); never packed",
                            "copy the file into the skill, or exclude it in .skillignore"));
      continue;
    }
    if (e.unreadable) continue;  // an I/O error, reported by pack itself
    ++files;
    if (utf8::first_invalid(e.path)) {
      out.push_back(finding(kZipNameEncoding, shown, "file name is not valid UTF-8",
                            "rename the file; zip entry names must be UTF-8"));
      continue;
    }
    if (e.path.starts_with("scripts/")) ++scripts;
    if (e.executable || e.shebang) {
      out.push_back(finding(kExecutableFile, shown,
                            e.executable ? "executable file (an execute bit is set); DevOps "
                                           "Agent skills hold documents only"
                                         : "file starts with `#!` (a script); DevOps Agent skills "
                                           "hold documents only",
                            e.executable ? "chmod -x the file, or exclude it in .skillignore"
                                         : "remove the file, or exclude it in .skillignore"));
    }
    if (!allowed_extension(e.extension)) {
      out.push_back(finding(
          kFileType, shown,
          e.extension.empty() ? "file without an extension is refused by DevOps Agent"
                              : "file type `." + e.extension + "` is refused by DevOps Agent",
          "allowed: .md .txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg .jpeg .gif "
          ".svg .webp .pdf; exclude other files in .skillignore"));
    }
  }
  if (scripts > 0)
    out.push_back(finding(kScriptsFolder, skill.display_path("scripts"),
                          "a `scripts/` folder (" + std::to_string(scripts) + " file" +
                              (scripts == 1 ? "" : "s") + ") is refused by DevOps Agent",
                          "move documents to references/, leave scripts out (.skillignore)"));
  if (files > kMaxFiles)
    out.push_back(finding(kTooManyFiles, skill.skill_md_path(),
                          "the pack would hold " + std::to_string(files) +
                              " files; DevOps Agent accepts at most " + std::to_string(kMaxFiles),
                          "merge small references, or exclude files in .skillignore"));
  std::stable_sort(out.begin(), out.end(), diagnostic_less);
  return out;
}

void drop_duplicates(const std::vector<Diagnostic>& have, std::vector<Diagnostic>& extra) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const Diagnostic& d : have) seen.emplace(d.rule_id, d.file);
  std::erase_if(extra, [&](const Diagnostic& d) { return seen.count({d.rule_id, d.file}) > 0; });
}

}  // namespace skillkit::pack
