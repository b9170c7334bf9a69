#include "migrate/links.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "migrate/md_scan.h"
#include "migrate/names.h"

namespace skillkit::migrate {
namespace fs = std::filesystem;
namespace {

// Where the accepted file types go: documents to references/, images and data to assets/.
std::string folder_for(const std::string& ext) {
  static const std::set<std::string> kReferences = {"md", "markdown", "txt", "pdf", "html", "htm"};
  static const std::set<std::string> kAssets = {"png",  "jpg",  "jpeg", "gif", "svg", "webp",
                                                "json", "yaml", "yml",  "xml", "csv", "tsv"};
  if (kReferences.count(ext)) return "references";
  if (kAssets.count(ext)) return "assets";
  return "";
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool has_scheme(std::string_view url) {
  const size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon < 2) return false;  // "C:" is a drive letter
  for (size_t i = 0; i < colon; ++i) {
    const char c = url[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'))
      return false;
  }
  return std::isalpha(static_cast<unsigned char>(url[0]));
}

bool is_absolute_path(std::string_view url) {
  return url.starts_with('/') || url.starts_with('~') || url.starts_with('\\') ||
         (url.size() >= 2 && std::isalpha(static_cast<unsigned char>(url[0])) && url[1] == ':');
}

bool inside(const fs::path& path, const fs::path& root) {
  const fs::path rel = path.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// What becomes of one link.
struct Outcome {
  enum class Kind { Keep, Rewrite, Unlink } kind = Kind::Keep;
  std::string url;  // the new destination, when Rewrite
};

// A Markdown document of the skill whose links are still to be rewritten.
struct Document {
  fs::path source;       // absolute
  std::string in_skill;  // "SKILL.md" or "references/x.md"
  std::string where;     // how notes name it: "line N" for the runbook, else "x.md:N"
};

class Migrator {
 public:
  Migrator(const RunbookInput& input, SkillDraft& draft) : draft_(draft) {
    root_ = fs::absolute(input.root).lexically_normal();
    runbook_ = fs::absolute(input.path).lexically_normal();
    std::error_code ec;
    real_root_ = fs::canonical(root_, ec);
    if (ec) real_root_ = root_;
    dest_of_[runbook_] = "SKILL.md";
  }

  std::string run(std::string_view body, int first_line) {
    std::string out = rewrite(body, first_line, Document{runbook_, "SKILL.md", ""});
    // Markdown files copied to references/ have links of their own.
    while (!pending_.empty()) {
      const Document doc = pending_.front();
      pending_.pop_front();
      // by index: rewriting may copy more files into draft_.files
      for (size_t i = 0; i < draft_.files.size(); ++i) {
        if (draft_.files[i].path != doc.in_skill) continue;
        const std::string text = draft_.files[i].bytes;
        std::string rewritten = rewrite(text, 1, doc);
        draft_.files[i].bytes = std::move(rewritten);
        break;
      }
    }
    return out;
  }

 private:
  std::string rewrite(std::string_view text, int first_line, const Document& doc) {
    std::vector<TextEdit> edits;
    const ScannedLinks scanned = scan_links(text);
    for (const ScannedLink& link : scanned.links) {
      const int line = link.line + first_line - 1;
      const std::string where = doc.in_skill == "SKILL.md" ? fmt::format("line {}", line)
                                                           : fmt::format("{}:{}", doc.where, line);
      const Outcome outcome = resolve(link.url, doc, where);
      if (outcome.kind == Outcome::Kind::Keep) continue;
      if (outcome.kind == Outcome::Kind::Rewrite && link.dest_begin != link.dest_end) {
        edits.push_back({link.dest_begin, link.dest_end, outcome.url});
      } else if (outcome.kind == Outcome::Kind::Rewrite) {
        draft_.warn(fmt::format("{}: could not find where `{}` is written; the link became text",
                                where, link.url));
        edits.push_back({link.begin, link.end, unlinked(link)});
      } else {
        edits.push_back({link.begin, link.end, unlinked(link)});
      }
    }
    return apply_edits(text, std::move(edits));
  }

  static std::string unlinked(const ScannedLink& link) {
    if (link.text.empty() || link.text == link.url) return code_span(link.url);
    return fmt::format("{} ({})", link.text, code_span(link.url));
  }

  Outcome resolve(const std::string& url, const Document& doc, const std::string& where) {
    if (url.empty() || url.starts_with('#') || url.starts_with("//")) return {};
    if (has_scheme(url) && !lower(url).starts_with("file:")) return {};
    if (has_scheme(url) || is_absolute_path(url)) {
      draft_.warn(fmt::format(
          "{}: `{}` is an absolute path, which breaks once uploaded; not copied, the link became "
          "text",
          where, url));
      return {Outcome::Kind::Unlink, {}};
    }
    const size_t cut = url.find_first_of("?#");
    const std::string fragment = cut == std::string::npos || url[cut] != '#' ? "" : url.substr(cut);
    const std::string decoded = percent_decode(url.substr(0, cut));
    const fs::path target = (doc.source.parent_path() / decoded).lexically_normal();
    auto refuse = [&](std::string_view why) {
      draft_.warn(fmt::format("{}: `{}` {}; not copied, the link became text", where, url, why));
      return Outcome{Outcome::Kind::Unlink, {}};
    };
    if (!inside(target, root_)) return refuse("leaves the source tree");
    if (auto it = dest_of_.find(target); it != dest_of_.end())
      return {Outcome::Kind::Rewrite, relative_link(it->second, doc.in_skill) + fragment};

    std::error_code ec;
    const fs::file_status status = fs::symlink_status(target, ec);
    if (ec || !fs::exists(status)) return refuse("does not exist");
    if (fs::is_symlink(status)) return refuse("is a symlink (never followed)");
    if (fs::is_directory(status)) return refuse("is a folder");
    if (!fs::is_regular_file(status)) return refuse("is not a regular file");
    const fs::path real = fs::canonical(target, ec);
    if (ec || !inside(real, real_root_))
      return refuse("leaves the source tree (through a symlink)");

    const std::string ext =
        lower(target.extension().string().substr(target.extension().empty() ? 0 : 1));
    const std::string folder = folder_for(ext);
    if (folder.empty())
      return refuse(ext.empty() ? "has no file extension DevOps Agent accepts"
                                : fmt::format("is a .{} file, a type DevOps Agent refuses "
                                              "(scripts, binaries and archives are not allowed)",
                                              ext));
    const uintmax_t size = fs::file_size(target, ec);
    if (ec) return refuse("cannot be read");
    if (size > kMaxCopiedFileBytes)
      return refuse(fmt::format("is {} bytes, more than a skill zip may hold", size));
    if ((static_cast<unsigned>(status.permissions()) & 0111) != 0)
      return refuse("is executable (DevOps Agent refuses executable files)");
    std::optional<std::string> bytes = read_all(target);
    if (!bytes) return refuse("cannot be read");
    if (bytes->starts_with("#!")) return refuse("starts with a shebang line (a script)");

    const std::string dest = destination(target, folder, ext);
    dest_of_[target] = dest;
    const std::string from = target.lexically_relative(root_).generic_string();
    draft_.info(fmt::format("{}: copied {} to {}, link rewritten", where, from, dest));
    draft_.files.push_back({dest, std::move(*bytes), from});
    if (ext == "md" || ext == "markdown") pending_.push_back(Document{target, dest, from});
    return {Outcome::Kind::Rewrite, relative_link(dest, doc.in_skill) + fragment};
  }

  // A free path for `target` in `folder`: its own (safe) name, else one made from its path
  // in the source tree, else with a number. A rename is reported.
  std::string destination(const fs::path& target, const std::string& folder,
                          const std::string& ext) {
    std::string name = to_file_name(target.filename().string());
    if (ext == "markdown") name = name.substr(0, name.size() - 8) + "md";  // .md is accepted
    std::string dest = folder + "/" + name;
    if (used_.count(dest)) {
      std::string flat = target.lexically_relative(root_).generic_string();
      std::replace(flat.begin(), flat.end(), '/', '-');
      dest = folder + "/" + to_file_name(flat);
      for (int n = 2; used_.count(dest); ++n) {
        const size_t dot = name.rfind('.');
        dest = fmt::format("{}/{}-{}{}", folder, name.substr(0, dot), n,
                           dot == std::string::npos ? "" : name.substr(dot));
      }
      draft_.warn(fmt::format("{} is named {} because another linked file took {}/{}",
                              target.lexically_relative(root_).generic_string(), dest, folder,
                              name));
    }
    used_.insert(dest);
    return dest;
  }

  // The link from the skill file `from` to the skill file `to` (both skill-relative).
  static std::string relative_link(const std::string& to, const std::string& from) {
    const size_t slash = from.rfind('/');
    if (slash == std::string::npos) return to;
    const std::string from_dir = from.substr(0, slash + 1);
    if (to.starts_with(from_dir)) return to.substr(from_dir.size());
    return "../" + to;  // skill files are at most one folder deep
  }

  SkillDraft& draft_;
  fs::path root_, real_root_, runbook_;
  std::map<fs::path, std::string> dest_of_;  // source file -> its path in the skill
  std::set<std::string> used_;
  std::deque<Document> pending_;
};

}  // namespace

std::string code_span(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string ticks(longest + 1, '`');
  const bool pad = text.starts_with('`') || text.ends_with('`');
  return ticks + (pad ? " " : "") + std::string(text) + (pad ? " " : "") + ticks;
}

std::string migrate_links(std::string_view body, int first_line, const RunbookInput& input,
                          SkillDraft& draft) {
  return Migrator(input, draft).run(body, first_line);
}

}  // namespace skillkit::migrate
