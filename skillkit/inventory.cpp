#include "skillkit/inventory.h"

#include <algorithm>
#include <fstream>

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
  std::ifstream in(file, std::ios::binary);
  char buf[2] = {};
  return in.read(buf, 2) && buf[0] == '#' && buf[1] == '!';
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
  const fs::path root = fs::weakly_canonical(fs::absolute(skill_dir, ec), ec);
  fs::recursive_directory_iterator it(skill_dir, fs::directory_options::none, ec);
  if (ec) return inv;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      ec.clear();
      continue;
    }
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
      it.disable_recursion_pending();
      continue;
    }
    e.excluded = ignore.excluded(e.path, e.is_dir, &e.excluded_by);
    if (e.is_dir && e.excluded) it.disable_recursion_pending();

    fs::path content = de.path();
    if (e.is_symlink) {
      e.link_target = fs::read_symlink(de.path(), ec).string();
      const fs::path resolved = fs::weakly_canonical(de.path(), ec);
      e.link_escapes = ec || !fs::exists(resolved) || !inside(resolved, root);
      ec.clear();
      content = resolved;
      if (!e.link_escapes && fs::is_directory(resolved, ec)) e.is_dir = true;
    }
    if (!e.is_dir && !(e.is_symlink && e.link_escapes)) {
      const fs::file_status cst = fs::status(content, ec);
      if (!ec && fs::is_regular_file(cst)) {
        e.size = fs::file_size(content, ec);
        using P = fs::perms;
        e.executable =
            (cst.permissions() & (P::owner_exec | P::group_exec | P::others_exec)) != P::none;
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
  std::sort(inv.entries.begin(), inv.entries.end(),
            [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
  std::sort(inv.nested_skills.begin(), inv.nested_skills.end());
  return inv;
}

}  // namespace skillkit
