#include "skillkit/inventory.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <optional>

#include "skillkit/dir_listing.h"

namespace skillkit {
namespace fs = std::filesystem;

namespace {

bool holds_skill_md(const std::vector<Listed>& listing) {
  for (const Listed& l : listing)
    if (is_skill_md_name(l.name)) return true;
  return false;
}

// Reads up to 2 bytes; `fd` is closed.
bool shebang_and_close(int fd) {
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

bool starts_with_shebang(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  return fd >= 0 && shebang_and_close(fd);
}

// Reads the whole open regular file of `size` bytes into `out`; false when it is not that size
// any more (it changed while read) or on an error.
bool read_exactly(int fd, std::uint64_t size, std::string& out) {
  out.resize(size + 1);
  size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
    if (got == size) {
      // A short read that ends at the size fstat gave is the end of the file on Linux; one
      // more read() to see 0 would cost a system call per file.
      break;
    }
  }
  out.resize(got);
  return got == size;
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

void mark_unreadable(FileEntry& e, int error) {
  e.unreadable = true;
  e.error = error;
}

void set_from_stat(const struct stat& st, FileEntry& e) {
  e.size = static_cast<std::uint64_t>(st.st_size);
  e.executable = (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0;
}

// Size, mode and shebang of the non-link entry `name` of folder `dir`; its bytes too when it is
// a regular file of at most `keep` bytes.
void read_file_facts(int dir, const std::string& name, FileEntry& e, std::uint64_t keep) {
  struct stat st {};
  // A file that cannot be opened (no read permission) still has a size and mode: stat below.
  const int fd =
      keep > 0 ? ::openat(dir, name.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) : -1;
  if (fd >= 0) {
    if (::fstat(fd, &st) != 0) {
      mark_unreadable(e, errno);
      ::close(fd);
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      ::close(fd);
      return;
    }
    set_from_stat(st, e);
    if (e.size > keep) {
      e.shebang = shebang_and_close(fd);
      return;
    }
    e.has_content = read_exactly(fd, e.size, e.content);
    ::close(fd);
    e.shebang = e.content.size() >= 2 && e.content[0] == '#' && e.content[1] == '!';
    if (!e.has_content) std::string().swap(e.content);
    return;
  }
  if (::fstatat(dir, name.c_str(), &st, 0) != 0) {
    mark_unreadable(e, errno);
    return;
  }
  if (!S_ISREG(st.st_mode)) return;
  set_from_stat(st, e);
  // Opened even when too small for a shebang: a file nobody can read cannot be packed, and lint
  // says so (SK000) rather than pass a skill that pack will then refuse.
  const int head = ::openat(dir, name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (head < 0) {
    mark_unreadable(e, errno);
    return;
  }
  e.shebang = shebang_and_close(head);
}

}  // namespace

bool binary_extension(std::string_view ext) {
  static constexpr std::string_view kTypes[] = {"png", "jpg", "jpeg", "gif", "webp", "pdf",
                                                "ico", "zip", "gz",   "tgz", "jar"};
  return std::find(std::begin(kTypes), std::end(kTypes), ext) != std::end(kTypes);
}

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

Inventory list_files(const fs::path& skill_dir, const IgnoreRules& ignore,
                     const ListOptions& options) {
  Inventory inv;
  // The canonical skill folder, needed only to place symlink targets: made on first use.
  std::optional<fs::path> root;
  std::uint64_t kept = 0;

  // Folders still to walk. A sub-folder is listed as soon as its parent's listing shows it (its
  // listing says whether it is a nested skill), and walked later from its open descriptor, so
  // every folder is listed once and its files are opened relative to it, not by whole path.
  // A folder that cannot be listed is marked unreadable and the walk goes on.
  constexpr size_t kRoot = static_cast<size_t>(-1);
  constexpr int kMaxOpenFolders = 64;  // beyond that, a folder is reopened by path when walked
  struct Folder {
    std::string rel;  // "" for the skill folder, else "a/b/"
    size_t index = kRoot;
    int fd = -1;
    bool listed = false;  // the whole listing was read
    int error = 0;        // why not
    std::vector<Listed> listing;
  };
  int open_folders = 0;
  std::vector<Folder> pending(1);
  pending[0].fd = ::open(skill_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (pending[0].fd < 0) return inv;
  ++open_folders;
  pending[0].listed = read_entries(pending[0].fd, pending[0].listing);
  const size_t dir_length = skill_dir.native().size() + 1;

  while (!pending.empty()) {
    Folder folder = std::move(pending.back());
    pending.pop_back();
    if (folder.fd < 0) {
      folder.fd = ::open((skill_dir / folder.rel).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (folder.fd < 0) {
        mark_unreadable(inv.entries[folder.index], errno);
        continue;
      }
    } else {
      --open_folders;
    }
    if (!folder.listed && folder.index != kRoot)
      mark_unreadable(inv.entries[folder.index], folder.error);
    const int dir = folder.fd;
    for (const Listed& l : folder.listing) {
      if (inv.truncated) break;
      if (inv.entries.size() >= Inventory::kMaxEntries) {
        inv.truncated = true;
        break;
      }
      FileEntry e;
      e.path = folder.rel + l.name;
      unsigned char type = l.type;
      if (type == DT_UNKNOWN) {  // file systems that do not fill d_type
        struct stat st {};
        if (::fstatat(dir, l.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0)
          type = IFTODT(st.st_mode);
        else
          mark_unreadable(e, errno);
      }
      e.is_symlink = type == DT_LNK;
      e.is_dir = type == DT_DIR;
      // Opened relative to its folder a path may be longer than PATH_MAX; by whole path (pack,
      // other tools) it could not be read, so it is reported unreadable here too.
      const bool too_long = dir_length + e.path.size() >= PATH_MAX;

      Folder sub;
      sub.error = ENAMETOOLONG;
      if (e.is_dir && !too_long) {
        sub.fd = ::openat(dir, l.name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        sub.error = sub.fd < 0 ? errno : 0;
        if (sub.fd >= 0) sub.listed = read_entries(sub.fd, sub.listing);
        if (sub.fd >= 0 && !sub.listed) sub.error = errno;
        if (holds_skill_md(sub.listing)) {
          ::close(sub.fd);
          inv.nested_skills.push_back(e.path);
          continue;
        }
      }
      e.excluded = ignore.excluded(e.path, e.is_dir, &e.excluded_by);
      if (e.is_dir && !e.excluded) {
        if (sub.fd < 0) {
          mark_unreadable(e, sub.error);
        } else {
          sub.rel = e.path + '/';
          sub.index = inv.entries.size();
          if (open_folders >= kMaxOpenFolders) {
            ::close(sub.fd);
            sub.fd = -1;
          } else {
            ++open_folders;
          }
          pending.push_back(std::move(sub));
        }
      } else if (sub.fd >= 0) {
        ::close(sub.fd);
      }

      if (e.is_symlink) {
        const fs::path link = skill_dir / e.path;
        std::error_code ec;
        e.link_target = fs::read_symlink(link, ec).string();
        const fs::path resolved = fs::weakly_canonical(link, ec);
        if (!root) {
          std::error_code root_ec;
          root = fs::weakly_canonical(fs::absolute(skill_dir, root_ec), root_ec);
        }
        e.link_escapes = ec || !fs::exists(resolved) || !inside(resolved, *root);
        ec.clear();
        if (!e.link_escapes && fs::is_directory(resolved, ec)) e.is_dir = true;
        if (!e.is_dir && !e.link_escapes) {
          struct stat st {};
          if (::stat(resolved.c_str(), &st) != 0) {
            mark_unreadable(e, errno);
          } else if (S_ISREG(st.st_mode)) {
            set_from_stat(st, e);
            e.shebang = starts_with_shebang(resolved);
          }
        }
      }
      if (!e.is_dir && !(e.is_symlink && e.link_escapes)) {
        const size_t dot = l.name.rfind('.');
        if (dot != std::string::npos && dot > 0) {
          e.extension = l.name.substr(dot + 1);
          std::transform(e.extension.begin(), e.extension.end(), e.extension.begin(),
                         [](unsigned char c) { return std::tolower(c); });
        }
        if (too_long) {
          mark_unreadable(e, ENAMETOOLONG);
        } else if (!e.is_symlink && !e.unreadable) {
          const bool want = type == DT_REG && !e.excluded && !binary_extension(e.extension);
          const std::uint64_t keep =
              want ? std::min(options.keep_content_up_to, ListOptions::kMaxKeptBytes - kept) : 0;
          read_file_facts(dir, l.name, e, keep);
          kept += e.content.size();
        }
      }
      inv.entries.push_back(std::move(e));
    }
    ::close(dir);
  }
  for (Folder& f : pending)
    if (f.fd >= 0) ::close(f.fd);
  std::sort(inv.entries.begin(), inv.entries.end(),
            [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
  std::sort(inv.nested_skills.begin(), inv.nested_skills.end());
  return inv;
}

}  // namespace skillkit
