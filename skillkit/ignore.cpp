#include "skillkit/ignore.h"

#include <deque>
#include <fstream>
#include <sstream>

#include "skillkit/path_cache.h"

namespace skillkit {
namespace fs = std::filesystem;

namespace {

// Files that are part of the author's repository, not of the skill (skill-format.md: layout).
constexpr std::string_view kDefaults =
    "/README.md\n"
    "/readme.md\n"
    "CHANGELOG.md\n"
    "/evals/\n"
    ".skilleval.yaml\n"
    ".skillignore\n"
    ".git/\n.hg/\n.svn/\n"
    ".gitignore\n.gitattributes\n"
    ".DS_Store\nThumbs.db\n"
    "*~\n*.swp\n*.swo\n.#*\n#*#\n*.bak\n*.orig\n";

bool class_match(std::string_view pat, size_t& i, char c) {
  // pat[i] == '['; on return i is just past ']'.
  size_t j = i + 1;
  bool negate = j < pat.size() && (pat[j] == '!' || pat[j] == '^');
  if (negate) ++j;
  bool matched = false;
  bool first = true;
  while (j < pat.size() && (pat[j] != ']' || first)) {
    first = false;
    if (j + 2 < pat.size() && pat[j + 1] == '-' && pat[j + 2] != ']') {
      matched |= pat[j] <= c && c <= pat[j + 2];
      j += 3;
    } else {
      matched |= pat[j] == c;
      ++j;
    }
  }
  i = j < pat.size() ? j + 1 : j;
  return matched != negate;
}

bool match_from(std::string_view p, size_t pi, std::string_view s, size_t si) {
  while (pi < p.size()) {
    const char c = p[pi];
    if (c == '*') {
      const bool double_star = pi + 1 < p.size() && p[pi + 1] == '*';
      if (double_star) {
        size_t next = pi + 2;
        // "**/" matches zero or more whole folders.
        if (next < p.size() && p[next] == '/') {
          for (size_t k = si; k <= s.size(); ++k)
            if ((k == si || s[k - 1] == '/') && match_from(p, next + 1, s, k)) return true;
          return false;
        }
        for (size_t k = si; k <= s.size(); ++k)
          if (match_from(p, next, s, k)) return true;
        return false;
      }
      for (size_t k = si; k <= s.size(); ++k) {
        if (match_from(p, pi + 1, s, k)) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (c == '?') {
      if (s[si] == '/') return false;
      ++pi, ++si;
    } else if (c == '[') {
      if (s[si] == '/' || !class_match(p, pi, s[si])) return false;
      ++si;
    } else {
      if (c == '\\' && pi + 1 < p.size()) ++pi;
      if (p[pi] != s[si]) return false;
      ++pi, ++si;
    }
  }
  return si == s.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_from(pattern, 0, path, 0);
}

IgnoreRules IgnoreRules::defaults() {
  // Parsed once: every skill starts from these.
  static const IgnoreRules parsed = [] {
    IgnoreRules rules;
    rules.add(kDefaults, "default");
    return rules;
  }();
  return parsed;
}

namespace {

// The defaults, then every `.skillignore` from the repository root down to `skill_dir`;
// `fs_ops` answers absolute() and walk_up() (the folders from the skill's up to the one holding
// .git, with their .skillignore text).
template <typename Ops>
IgnoreRules rules_for(const fs::path& skill_dir, Ops& fs_ops) {
  IgnoreRules rules = IgnoreRules::defaults();
  fs::path dir = fs_ops.absolute(skill_dir).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  const std::vector<PathCache::Folder>& dirs = fs_ops.walk_up(dir);
  for (size_t i = dirs.size(); i-- > 0;) {
    if (!dirs[i].text) continue;
    std::string name;
    for (size_t k = 0; k < i; ++k) name += "../";
    std::string prefix = dir.lexically_relative(dirs[i].dir).generic_string();
    if (prefix == ".") prefix.clear();
    if (!prefix.empty()) prefix += '/';
    rules.add(*dirs[i].text, name + ".skillignore", prefix);
  }
  return rules;
}

// Straight to the file system.
struct DirectOps {
  std::deque<std::string> texts;  // owned here (a deque: `walk` points into it)
  std::vector<PathCache::Folder> walk;

  fs::path absolute(const fs::path& p) {
    std::error_code ec;
    return fs::absolute(p, ec);
  }
  const std::vector<PathCache::Folder>& walk_up(const fs::path& dir) {
    for (fs::path d = dir;; d = d.parent_path()) {
      const std::string* text = nullptr;
      std::ifstream in(d / ".skillignore");
      if (in) {
        std::stringstream bytes;
        bytes << in.rdbuf();
        texts.push_back(bytes.str());
        text = &texts.back();
      }
      walk.push_back({d, text});
      std::error_code ec;
      if (fs::exists(d / ".git", ec) || d == d.parent_path()) break;
    }
    return walk;
  }
};

// Through a PathCache.
struct CachedOps {
  PathCache& cache;
  fs::path absolute(const fs::path& p) { return cache.absolute(p); }
  const std::vector<PathCache::Folder>& walk_up(const fs::path& dir) {
    return cache.walk_up(dir, ".git", ".skillignore");
  }
};

}  // namespace

IgnoreRules IgnoreRules::for_skill(const fs::path& skill_dir) {
  DirectOps ops;
  return rules_for(skill_dir, ops);
}

IgnoreRules IgnoreRules::for_skill(const fs::path& skill_dir, PathCache& cache) {
  CachedOps ops{cache};
  return rules_for(skill_dir, ops);
}

void IgnoreRules::add(std::string_view text, std::string_view source_name,
                      std::string_view skill_prefix) {
  int line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string line(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    while (!line.empty() && line.back() == ' ' &&
           (line.size() < 2 || line[line.size() - 2] != '\\'))
      line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Pattern p;
    p.origin = source_name == "default"
                   ? "default: " + line
                   : std::string(source_name) + ":" + std::to_string(line_no) + ": " + line;
    p.skill_prefix = skill_prefix;
    if (line[0] == '!') {
      p.negate = true;
      line.erase(0, 1);
    } else if (line[0] == '\\') {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      line.pop_back();
    }
    p.anchored = line.find('/') != std::string::npos;
    if (!line.empty() && line[0] == '/') line.erase(0, 1);
    if (line.empty()) continue;
    p.glob = line;
    patterns_.push_back(std::move(p));
  }
}

bool IgnoreRules::excluded(std::string_view path, bool is_dir, std::string* why) const {
  // A path is excluded when it, or one of its parent folders, is excluded (as in git, a file
  // inside an excluded folder cannot be re-included).
  size_t slash = 0;
  while (true) {
    slash = path.find('/', slash);
    const bool last = slash == std::string_view::npos;
    const std::string_view prefix = last ? path : path.substr(0, slash);
    const bool prefix_is_dir = last ? is_dir : true;
    bool result = false;
    const Pattern* decided = nullptr;
    for (const Pattern& p : patterns_) {
      if (p.dir_only && !prefix_is_dir) continue;
      // An anchored pattern is relative to the folder of the file that holds it.
      bool m;
      if (p.anchored) {
        m = glob_match(p.glob, p.skill_prefix + std::string(prefix));
      } else {
        const size_t base = prefix.rfind('/');
        const std::string_view name =
            base == std::string_view::npos ? prefix : prefix.substr(base + 1);
        m = glob_match(p.glob, name);
      }
      if (m) {
        result = !p.negate;
        decided = &p;
      }
    }
    if (result) {
      if (why && decided) *why = decided->origin;
      return true;
    }
    if (last) return false;
    ++slash;
  }
}

}  // namespace skillkit
