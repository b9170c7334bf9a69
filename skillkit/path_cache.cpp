#include "skillkit/path_cache.h"

#include <sys/stat.h>

#include "skillkit/read_file.h"

namespace skillkit {
namespace fs = std::filesystem;

PathCache::PathCache() {
  std::error_code ec;
  cwd_ = fs::current_path(ec);
}

fs::path PathCache::absolute(const fs::path& p) const {
  if (p.is_absolute() || cwd_.empty()) {
    std::error_code ec;
    return fs::absolute(p, ec);
  }
  return cwd_ / p;
}

fs::path PathCache::canonical(const fs::path& p) {
  const fs::path abs = absolute(p);
  const std::string key = abs.native();
  {
    std::lock_guard lock(mu_);
    if (auto it = canonical_.find(key); it != canonical_.end()) return it->second;
  }
  // canonical(parent / name) is canonical(parent) / name when `name` is a plain name (not `.`,
  // `..` or empty) of something that exists and is not a symlink; otherwise ask the library.
  fs::path out;
  const fs::path name = abs.filename();
  const fs::path parent = abs.parent_path();
  struct stat st {};
  const bool plain = !name.empty() && name != "." && name != ".." && parent != abs &&
                     ::lstat(abs.c_str(), &st) == 0 && !S_ISLNK(st.st_mode);
  if (plain) {
    out = canonical(parent) / name;
  } else {
    std::error_code ec;
    out = fs::weakly_canonical(abs, ec);
  }
  std::lock_guard lock(mu_);
  return canonical_.try_emplace(key, std::move(out)).first->second;
}

bool PathCache::exists(const fs::path& p) {
  {
    std::lock_guard lock(mu_);
    if (auto it = exists_.find(p.native()); it != exists_.end()) return it->second;
  }
  std::error_code ec;
  const bool yes = fs::exists(p, ec);
  std::lock_guard lock(mu_);
  return exists_.try_emplace(p.native(), yes).first->second;
}

bool PathCache::is_regular_file(const fs::path& p) {
  {
    std::lock_guard lock(mu_);
    if (auto it = regular_.find(p.native()); it != regular_.end()) return it->second;
  }
  std::error_code ec;
  const bool yes = fs::is_regular_file(p, ec);
  std::lock_guard lock(mu_);
  return regular_.try_emplace(p.native(), yes).first->second;
}

const std::string* PathCache::text(const fs::path& p) {
  {
    std::lock_guard lock(mu_);
    if (auto it = text_.find(p.native()); it != text_.end()) return it->second.get();
  }
  std::string bytes;
  std::unique_ptr<std::string> found;
  if (read_whole_file(p, bytes)) found = std::make_unique<std::string>(std::move(bytes));
  std::lock_guard lock(mu_);
  return text_.try_emplace(p.native(), std::move(found)).first->second.get();
}

std::optional<fs::path> PathCache::nearest_file(const fs::path& dir,
                                                const std::vector<std::string>& names) {
  std::string key;
  for (const std::string& name : names) key += name + '\n';
  key += dir.native();
  {
    std::lock_guard lock(mu_);
    if (auto it = nearest_.find(key); it != nearest_.end()) return it->second;
  }
  std::optional<fs::path> found;
  for (const std::string& name : names) {
    if (is_regular_file(dir / name)) {
      found = dir / name;
      break;
    }
  }
  const fs::path parent = dir.parent_path();
  if (!found && parent != dir) found = nearest_file(parent, names);
  std::lock_guard lock(mu_);
  return nearest_.try_emplace(std::move(key), std::move(found)).first->second;
}

const std::vector<PathCache::Folder>& PathCache::walk_up(const fs::path& dir,
                                                         const std::string& stop,
                                                         const std::string& file) {
  std::string key = stop + '\n' + file + '\n' + dir.native();
  {
    std::lock_guard lock(mu_);
    if (auto it = walks_.find(key); it != walks_.end()) return *it->second;
  }
  auto walk = std::make_unique<std::vector<Folder>>();
  walk->push_back({dir, text(dir / file)});
  const fs::path parent = dir.parent_path();
  if (!exists(dir / stop) && parent != dir) {
    const std::vector<Folder>& above = walk_up(parent, stop, file);
    walk->insert(walk->end(), above.begin(), above.end());
  }
  std::lock_guard lock(mu_);
  return *walks_.try_emplace(std::move(key), std::move(walk)).first->second;
}

}  // namespace skillkit
