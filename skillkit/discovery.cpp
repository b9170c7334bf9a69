#include "skillkit/discovery.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>

#include "skillkit/dir_listing.h"
#include "skillkit/path_cache.h"

namespace skillkit {
namespace fs = std::filesystem;

namespace {

bool skip_folder(std::string_view name) {
  return name == ".git" || name == ".hg" || name == ".svn" || name == "node_modules";
}

// The type of `dir`/`name`, following a symlink when `follow`.
unsigned char type_of(const fs::path& dir, const std::string& name, bool follow) {
  struct stat st {};
  if (::fstatat(AT_FDCWD, (dir / name).c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) != 0)
    return DT_UNKNOWN;
  return IFTODT(st.st_mode);
}

std::string show(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s.empty() ? "." : s;
}

}  // namespace

Discovery discover_skills(const std::vector<std::string>& paths) {
  Discovery out;
  std::set<std::string> seen;
  PathCache cache;   // sibling skills share their parents' canonical paths
  size_t found = 0;  // skills met under the current argument, counting ones already listed
  auto add = [&](const fs::path& dir, const fs::path& shown) {
    ++found;
    const std::string key = cache.canonical(dir).string();
    if (seen.insert(key).second) out.skills.push_back({dir, show(shown)});
  };

  for (const std::string& arg : paths) {
    const fs::path path(arg);
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) {
      out.errors.push_back(arg + ": no such file or directory");
      continue;
    }
    if (fs::is_regular_file(st)) {
      if (!is_skill_md_name(path.filename().string())) {
        out.errors.push_back(arg + ": not a SKILL.md file or a folder");
        continue;
      }
      const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
      add(parent, parent);
      continue;
    }
    if (!fs::is_directory(st)) {
      out.errors.push_back(arg + ": not a regular file or folder");
      continue;
    }
    found = 0;
    // Each folder is listed once: the listing both tells whether it holds a SKILL.md and gives
    // the sub-folders to walk (symlinks are not followed; .git, node_modules & co. are skipped).
    // A folder that cannot be listed is an error, not a skip: skills under it would go unchecked
    // by lint and, worse, look deleted to `upload --prune`. The walk goes on to name them all.
    // Inside a skill it is the skill's own problem, reported by lint as SK000 at that path.
    bool unlisted = false;
    struct Pending {
      fs::path dir;
      bool in_skill = false;  // below a folder that holds a SKILL.md
    };
    std::vector<Pending> pending{{path, false}};
    while (!pending.empty()) {
      const auto [dir, in_skill] = std::move(pending.back());
      pending.pop_back();
      std::vector<Listed> listing;
      ec = list_dir(dir, listing);
      if (ec && in_skill) {
        ec.clear();
        if (listing.empty()) continue;
      } else if (ec) {
        out.errors.push_back(show(dir) + ": cannot list folder: " +
                             (ec == std::errc::filename_too_long
                                  ? std::string("its path is longer than the system allows")
                                  : ec.message()));
        unlisted = true;
        ec.clear();
        if (listing.empty()) continue;
      }
      bool holds_skill = false;
      const size_t first_sub = pending.size();
      for (const Listed& l : listing) {
        // A SKILL.md counts when it is a regular file, through a symlink or not; a failed stat
        // of one entry only means "not this one".
        if (!holds_skill && is_skill_md_name(l.name)) {
          const unsigned char t =
              l.type == DT_LNK || l.type == DT_UNKNOWN ? type_of(dir, l.name, true) : l.type;
          holds_skill = t == DT_REG;
        }
        const unsigned char t = l.type == DT_UNKNOWN ? type_of(dir, l.name, false) : l.type;
        if (t != DT_DIR || skip_folder(l.name)) continue;
        pending.push_back({dir / l.name, in_skill});
      }
      if (holds_skill) {
        add(dir, dir);
        for (size_t i = first_sub; i < pending.size(); ++i) pending[i].in_skill = true;
      }
      // Walk the sub-folders in listing order (the stack pops the last first).
      std::reverse(pending.begin() + static_cast<std::ptrdiff_t>(first_sub), pending.end());
    }
    // `lint skills skills/a` names skill a twice: listed once, and not an error.
    if (found == 0 && !unlisted) out.errors.push_back(arg + ": no SKILL.md found");
  }
  std::sort(out.skills.begin(), out.skills.end(),
            [](const SkillRef& a, const SkillRef& b) { return a.display < b.display; });
  return out;
}

}  // namespace skillkit
