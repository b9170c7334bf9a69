#include "migrate/skill_writer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "lint/engine.h"

namespace skillkit::migrate {
namespace fs = std::filesystem;
namespace {

// `description-too-short`: the migration notes a short description itself, with advice.
constexpr std::string_view kShortDescriptionRule = "SK301";

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A key or name that every YAML reader takes as the same plain string.
bool plain_safe(std::string_view text) {
  static const std::set<std::string_view> kTyped = {"true", "false", "yes",  "no",  "on", "off",
                                                    "y",    "n",     "null", "nan", "inf"};
  if (text.empty() || kTyped.count(text)) return false;
  if (!((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'))) return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-' || c == '.'))
      return false;
  return true;
}

std::string key_or_name(std::string_view text) {
  return plain_safe(text) ? std::string(text) : double_quoted(text);
}

bool write_file(const fs::path& path, const std::string& bytes, std::string& error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) error = fmt::format("cannot write {}", path.string());
  return static_cast<bool>(out);
}

std::string short_path(const std::string& file, const std::string& prefix) {
  if (file.starts_with(prefix + "/")) return file.substr(prefix.size() + 1);
  return file;
}

// Moves the staged skill into place: never over an existing folder unless `force`, and then by
// exchanging the two, so the target is always a whole skill. The old skill ends at `staged`.
bool place(const fs::path& staged, const fs::path& target, bool force, std::string& error) {
  const unsigned flags = force ? RENAME_EXCHANGE : RENAME_NOREPLACE;
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), flags) == 0) return true;
  if (errno == ENOENT && force &&
      ::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0)
    return true;                             // --force, but nothing to replace
  if (errno == EINVAL || errno == ENOSYS) {  // a file system without renameat2 flags
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) {
      if (!force) {
        error = "it already exists";
        return false;
      }
      const fs::path old = staged.parent_path() / ".old";
      fs::rename(target, old, ec);
      if (!ec) fs::rename(staged, target, ec);
      if (!ec) fs::rename(old, staged, ec);
      if (ec) error = ec.message();
      return !ec;
    }
    fs::rename(staged, target, ec);
    if (ec) error = ec.message();
    return !ec;
  }
  error = errno == EEXIST ? "it already exists" : std::strerror(errno);
  return false;
}

}  // namespace

std::string render_skill_md(const SkillDraft& draft) {
  std::string out = "---\n";
  out += "name: " + key_or_name(draft.name) + "\n";
  out += "description: " + double_quoted(draft.description) + "\n";
  for (const auto& [key, value] : draft.fields) out += key + ": " + double_quoted(value) + "\n";
  if (!draft.metadata.empty()) {
    out += "metadata:\n";
    for (const auto& [key, value] : draft.metadata)
      out += "  " + key_or_name(key) + ": " + double_quoted(value) + "\n";
  }
  out += "---\n\n";
  out += draft.body;
  return out;
}

bool write_skill(SkillDraft& draft, const PlaceOptions& options) {
  std::error_code ec;
  const fs::path target = options.out_dir / draft.name;
  if (fs::exists(fs::symlink_status(target, ec)) && !options.force) {
    draft.fail(fmt::format("{} already exists; use --force to replace it", options.target_display));
    return true;
  }
  const fs::path parent = options.dry_run ? fs::temp_directory_path(ec) : options.out_dir;
  std::string tmpl = (parent / ".skillkit-migrate-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) {
    draft.fail(fmt::format("cannot make a staging folder in {}: {}", parent.string(),
                           std::strerror(errno)));
    return false;
  }
  const fs::path staging = tmpl;
  const fs::path staged = staging / draft.name;
  bool io_ok = true;
  std::string error;
  fs::create_directory(staged, ec);
  io_ok = !ec && write_file(staged / "SKILL.md", render_skill_md(draft), error);
  for (const SkillFile& f : draft.files) {
    if (!io_ok) break;
    fs::create_directories((staged / f.path).parent_path(), ec);
    io_ok = !ec && write_file(staged / f.path, f.bytes, error);
  }
  if (!io_ok) {
    draft.fail(fmt::format("cannot write the skill: {}", error.empty() ? ec.message() : error));
  } else {
    // The migrated skill must pass every rule; lint it where it stands.
    LintSettings settings;
    settings.jobs = 1;
    const LintResult lint = lint_skills({{staged, options.target_display}}, settings);
    for (const std::string& e : lint.errors) draft.fail("lint: " + e);
    for (const Diagnostic& d : lint.diagnostics) {
      if (d.rule_id == kShortDescriptionRule) continue;  // the migration's own note says so
      const std::string where =
          d.pos.line > 0 ? fmt::format("{}:{}:{}", short_path(d.file, options.target_display),
                                       d.pos.line, d.pos.column)
                         : short_path(d.file, options.target_display);
      const std::string text =
          fmt::format("lint {} {}: {}: {}", d.rule_id, d.rule_name, where, d.message);
      if (d.severity == Severity::Error)
        draft.fail(text);
      else if (d.severity == Severity::Warning)
        draft.warn(text);
    }
    if (!draft.failed() && !options.dry_run) {
      // mkdtemp made the staging folder owner-only; the skill folder itself is created normally.
      if (!place(staged, target, options.force, error)) {
        draft.fail(fmt::format("cannot move the skill to {}: {}", options.target_display, error));
        io_ok = error == "it already exists";
      }
    }
  }
  fs::remove_all(staging, ec);
  return io_ok;
}

}  // namespace skillkit::migrate
