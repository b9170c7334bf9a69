#include "skillkit/skill.h"

#include <sys/stat.h>

#include <algorithm>

#include "skillkit/path_cache.h"
#include "skillkit/read_file.h"

namespace skillkit {
namespace fs = std::filesystem;

bool Skill::has_read_error() const {
  if (!io_error.empty()) return true;
  for (const FileEntry& e : files.entries)
    if (e.unreadable && !e.excluded && e.path != skill_md_name) return true;
  return false;
}

std::string Skill::display_path(std::string_view rel) const {
  if (display_dir.empty() || display_dir == ".") return std::string(rel);
  std::string out = display_dir;
  if (out.back() != '/') out += '/';
  out += rel;
  return out;
}

namespace {

// The SKILL.md file in `dir`: the exact name if present, else any other case of it.
std::string find_skill_md(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_regular_file(dir / "SKILL.md", ec)) return "SKILL.md";
  std::string found;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "skill.md" && (found.empty() || name < found)) found = name;
  }
  return found.empty() ? "SKILL.md" : found;
}

}  // namespace

Skill load_skill(const fs::path& dir, std::string display_dir, PathCache* cache) {
  Skill skill;
  skill.dir = dir;
  skill.display_dir = std::move(display_dir);
  std::error_code ec;
  fs::path named = dir.filename().empty() ? dir.parent_path() : dir;
  if (named.filename() == "." || named.filename() == ".." || named.empty())
    named = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  skill.dir_name = named.filename().string();

  // Files first: the listing reads every small text file once (size, shebang, bytes), and the
  // usual SKILL.md, a regular file by that exact name, comes out of it without another open.
  ListOptions list;
  list.keep_content_up_to = kKeptFileBytes;
  skill.files = list_files(
      dir, cache ? IgnoreRules::for_skill(dir, *cache) : IgnoreRules::for_skill(dir), list);
  std::string bytes;
  auto listed = std::lower_bound(skill.files.entries.begin(), skill.files.entries.end(),
                                 std::string_view("SKILL.md"),
                                 [](const FileEntry& e, std::string_view p) { return e.path < p; });
  if (listed != skill.files.entries.end() && listed->path == "SKILL.md" && listed->has_content) {
    skill.skill_md_name = "SKILL.md";
    bytes = std::move(listed->content);
    listed->has_content = false;  // now in skill.md.source, where the rules read it
  } else {
    std::uintmax_t size = 0;
    struct stat st {};
    const fs::path exact = dir / "SKILL.md";
    if (::stat(exact.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      skill.skill_md_name = "SKILL.md";
      size = static_cast<std::uintmax_t>(st.st_size);
      ec.clear();
    } else {
      skill.skill_md_name = find_skill_md(dir);
      size = fs::file_size(dir / skill.skill_md_name, ec);
    }
    const fs::path md_path = dir / skill.skill_md_name;
    if (ec) {
      skill.io_error = "cannot read " + skill.skill_md_name + ": " + ec.message();
    } else if (size > kMaxSkillMdBytes) {
      skill.io_error = skill.skill_md_name + " is " + std::to_string(size) +
                       " bytes; skillkit reads at most " + std::to_string(kMaxSkillMdBytes);
    } else {
      if (!read_whole_file(md_path, bytes) && size > 0)
        skill.io_error = "cannot read " + skill.skill_md_name;
    }
  }
  skill.md = parse_skill_md(std::move(bytes));
  if (skill.md.status != FrontmatterStatus::NotUtf8)
    skill.body = parse_markdown(skill.md.body(), skill.md.body_line);
  return skill;
}

}  // namespace skillkit
