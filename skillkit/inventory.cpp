#include "skillkit/inventory.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

namespace skillkit {
namespace fs = std::filesystem;

namespace {

bool has_skill_md(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (name == "skill.md") return true;
  }
  return false;
}

bool starts_with_shebang(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[2] = {};
  ssize_t got = 0;
  while (got < 2) {
    const ssize_t n = ::read(fd, buf + got, static_cast<size_t>(2 - got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += n;
  }
  ::close(fd);
  return got == 2 && buf[0] == '#' && buf[1] == '!';
}

// Whether `p` lies inside `root` (both absolute and normal).
bool inside(const fs::path& p, const fs::path& root) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (r->empty()) continue;  // trailing separator
    if (q == p.end() || *q != *r) return false;
  }
  return true;
}

}  // namespace

std::vector<const FileEntry*> Inventory::packable() const {
  std::vector<const FileEntry*> out;
  for (const FileEntry& e : entries)
    if (!e.is_dir && !e.excluded && !e.unreadable && !(e.is_symlink && e.link_escapes))
      out.push_back(&e);
  return out;
}

const FileEntry* Inventory::find(std::string_view path) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), path,
                             [](const FileEntry& e, std::string_view p) { return e.path < p; });
  return it != entries.end() && it->path == path ? &*it : nullptr;
}

Inventory list_files(const fs::path& skill_dir, const IgnoreRules& ignore) {
  Inventory inv;
  std::error_code ec;
  // The canonical skill folder, needed only to place symlink targets: made on first use.
  std::optional<fs::path> root;
  // Folders still to list, each with the index of its own entry (none for the skill folder).
  // Listed one at a time rather than with recursive_directory_iterator: that one ends the whole
  // walk at the first folder it cannot open (permissions, a path over PATH_MAX), which silently
  // dropped every file listed after it; here that folder is marked unreadable and the walk goes
  // on.
  constexpr size_t kRoot = static_cast<size_t>(-1);
  std::vector<std::pair<fs::path, size_t>> pending = {{skill_dir, kRoot}};
  while (!pending.empty() && !inv.truncated) {
    const auto [dir, dir_index] = std::move(pending.back());
    pending.pop_back();
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (inv.entries.size() >= Inventory::kMaxEntries) {
        inv.truncated = true;
        break;
      }
      const fs::directory_entry& de = *it;
      FileEntry e;
      e.path = de.path().lexically_relative(skill_dir).generic_string();
      const fs::file_status st = de.symlink_status(ec);
      if (ec) {
        e.unreadable = true;
        ec.clear();
      }
      e.is_symlink = fs::is_symlink(st);
      e.is_dir = fs::is_directory(st);
      if (e.is_dir && has_skill_md(de.path())) {
        inv.nested_skills.push_back(e.path);
        continue;
      }
      e.excluded = ignore.excluded(e.path, e.is_dir, &e.excluded_by);
      if (e.is_dir && !e.excluded && !e.is_symlink)
        pending.emplace_back(de.path(), inv.entries.size());

      fs::path content = de.path();
      if (e.is_symlink) {
        e.link_target = fs::read_symlink(de.path(), ec).string();
        const fs::path resolved = fs::weakly_canonical(de.path(), ec);
        if (!root) {
          std::error_code root_ec;
          root = fs::weakly_canonical(fs::absolute(skill_dir, root_ec), root_ec);
        }
        e.link_escapes = ec || !fs::exists(resolved) || !inside(resolved, *root);
        ec.clear();
        content = resolved;
        if (!e.link_escapes && fs::is_directory(resolved, ec)) e.is_dir = true;
      }
      if (!e.is_dir && !(e.is_symlink && e.link_escapes)) {
        // One stat for type, size and mode (fs::status + fs::file_size made two).
        struct stat cst {};
        if (::stat(content.c_str(), &cst) != 0) {
          ec.assign(errno, std::generic_category());
        } else if (ec.clear(); S_ISREG(cst.st_mode)) {
          e.size = static_cast<std::uint64_t>(cst.st_size);
          e.executable = (cst.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0;
          e.shebang = starts_with_shebang(content);
        }
        if (ec) e.unreadable = true;
        ec.clear();
        const std::string name = de.path().filename().string();
        const size_t dot = name.rfind('.');
        if (dot != std::string::npos && dot > 0) {
          e.extension = name.substr(dot + 1);
          std::transform(e.extension.begin(), e.extension.end(), e.extension.begin(),
                         [](unsigned char c) { return std::tolower(c); });
        }
      }
      inv.entries.push_back(std::move(e));
    }
    if (ec && dir_index == kRoot && inv.entries.empty()) return inv;  // the skill folder
    if (ec && dir_index != kRoot) inv.entries[dir_index].unreadable = true;
    ec.clear();
  }
  std::sort(inv.entries.begin(), inv.entries.end(),
            [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
  std::sort(inv.nested_skills.begin(), inv.nested_skills.end());
  return inv;
}

}  // namespace skillkit
