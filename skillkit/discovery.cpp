#include "skillkit/discovery.h"

#include <algorithm>
#include <set>

namespace skillkit {
namespace fs = std::filesystem;

namespace {

bool is_skill_md_name(const fs::path& p) {
  std::string name = p.filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name == "skill.md";
}

bool skip_folder(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == ".git" || name == ".hg" || name == ".svn" || name == "node_modules";
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
  auto add = [&](const fs::path& dir, const fs::path& shown) {
    std::error_code ec;
    const std::string key = fs::weakly_canonical(fs::absolute(dir, ec), ec).string();
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
      if (!is_skill_md_name(path)) {
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
    const size_t before = out.skills.size();
    auto visit = [&](const fs::path& dir) {
      for (const auto& e : fs::directory_iterator(dir, ec))
        if (is_skill_md_name(e.path()) && e.is_regular_file(ec)) {
          add(dir, dir);
          return;
        }
    };
    visit(path);
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_symlink(ec)) continue;
      if (!it->is_directory(ec)) continue;
      if (skip_folder(it->path())) {
        it.disable_recursion_pending();
        continue;
      }
      visit(it->path());
    }
    if (ec) out.errors.push_back(arg + ": " + ec.message());
    if (out.skills.size() == before && !ec) out.errors.push_back(arg + ": no SKILL.md found");
  }
  std::sort(out.skills.begin(), out.skills.end(),
            [](const SkillRef& a, const SkillRef& b) { return a.display < b.display; });
  return out;
}

}  // namespace skillkit
