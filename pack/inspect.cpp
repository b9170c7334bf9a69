#include "pack/inspect.h"

#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "lint/engine.h"
#include "lint/suppress.h"
#include "pack/guard.h"
#include "skillkit/skill_memory.h"
#include "skillkit/utf8.h"

namespace skillkit::pack {
namespace {

using Opener = std::function<zip_source_t*(zip_error_t*)>;

constexpr size_t kReadChunk = 64 * 1024;

// A name as shown to people: bytes that are not UTF-8, and control characters, as \xNN.
std::string printable(std::string_view raw) {
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    const auto bad = utf8::first_invalid(raw.substr(i));
    const size_t good_end = bad ? i + *bad : raw.size();
    for (; i < good_end; ++i) {
      const auto c = static_cast<unsigned char>(raw[i]);
      if (c < 0x20 || c == 0x7f) {
        static const char* hex = "0123456789abcdef";
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out += raw[i];
      }
    }
    if (i < raw.size()) {
      static const char* hex = "0123456789abcdef";
      const auto c = static_cast<unsigned char>(raw[i++]);
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Why an entry name is unsafe to extract, or "" when it is safe.
std::string unsafe_reason(std::string_view name) {
  if (name.empty()) return "empty entry name";
  if (name.find('\\') != std::string_view::npos) return "entry name holds a backslash";
  if (name.front() == '/') return "absolute entry name";
  if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0])))
    return "entry name starts with a drive letter";
  if (name.find('\0') != std::string_view::npos) return "entry name holds a NUL byte";
  for (size_t b = 0; b <= name.size();) {
    size_t e = name.find('/', b);
    if (e == std::string_view::npos) e = name.size();
    const std::string_view part = name.substr(b, e - b);
    if (part == "..") return "entry name climbs out with `..`";
    if (part == "." || (part.empty() && e != name.size()))
      return "entry name has an empty or `.` part";
    b = e + 1;
  }
  return {};
}

struct Entry {
  zip_uint64_t index = 0;
  std::string raw;    // the name's bytes
  std::string shown;  // printable(raw)
  zip_uint64_t size = 0, compressed = 0;
  bool is_dir = false, symlink = false, executable = false, encrypted = false;
  bool listed = true;    // a file of the skill: a sound, unique name, not a link
  bool readable = true;  // its data can be read (listed, not encrypted, a known method...)
  bool shebang = false;
  std::string data;  // kept for SKILL.md candidates only
};

class Inspector {
 public:
  Inspector(const std::string& display, const InspectSettings& settings, InspectResult& result)
      : display_(display), settings_(settings), result_(result) {}

  void run(const Opener& open, std::uint64_t zip_bytes);

 private:
  std::string where(const std::string& shown) const { return display_ + "/" + shown; }
  void add(const FindingId& id, std::string file, std::string message, std::string hint = {}) {
    result_.diagnostics.push_back(
        finding(id, std::move(file), std::move(message), std::move(hint)));
  }
  bool list_entries(zip_t* za);
  void read_entries(zip_t* za);
  void read_one(zip_t* za, Entry& e, bool keep);
  void check_consistency(const Opener& open);
  void lint_skill();

  const std::string& display_;
  const InspectSettings& settings_;
  InspectResult& result_;
  std::vector<Entry> entries_;
  std::uint64_t inflated_ = 0;  // bytes actually inflated so far
  bool bomb_ = false;
  bool unread_ = false;  // nothing was read (a bomb by its declared sizes)
};

void Inspector::run(const Opener& open, std::uint64_t zip_bytes) {
  result_.zip_bytes = zip_bytes;
  if (zip_bytes > settings_.max_zip_bytes)
    add(kZipSize, display_,
        "the zip is " + std::to_string(zip_bytes) + " bytes, " +
            std::to_string(zip_bytes - settings_.max_zip_bytes) + " over the limit of " +
            std::to_string(settings_.max_zip_bytes) +
            (zip_bytes > settings_.max_open_bytes ? "; too large to open" : ""),
        "repack with `skillkit pack`, excluding large files in .skillignore");
  if (zip_bytes > settings_.max_open_bytes) return;  // far over the limit: SK325 says it all
  if (zip_bytes == 0) {
    add(kZipCorrupt, display_, "not a readable zip archive: the file is empty");
    return;
  }
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = open(&zerr);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : nullptr;
  if (!za) {
    if (src) zip_source_free(src);
    add(kZipCorrupt, display_,
        std::string("not a readable zip archive: ") + zip_error_strerror(&zerr));
    zip_error_fini(&zerr);
    return;
  }
  zip_error_fini(&zerr);
  if (list_entries(za)) read_entries(za);
  zip_discard(za);
  check_consistency(open);
  lint_skill();
}

bool Inspector::list_entries(zip_t* za) {
  const zip_int64_t n = zip_get_num_entries(za, 0);
  std::map<std::string, int> seen;
  std::uint64_t declared = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    Entry e;
    e.index = static_cast<zip_uint64_t>(i);
    const char* name = zip_get_name(za, e.index, ZIP_FL_ENC_RAW);
    zip_stat_t st;
    if (!name || zip_stat_index(za, e.index, ZIP_FL_ENC_RAW, &st) < 0) {
      add(kZipCorrupt, display_,
          "entry " + std::to_string(i) + " cannot be read: " + zip_strerror(za));
      continue;
    }
    e.raw = name;
    e.shown = printable(e.raw);
    e.size = st.size;
    e.compressed = st.comp_size;
    e.is_dir = !e.raw.empty() && e.raw.back() == '/';
    zip_uint8_t opsys = 0;
    zip_uint32_t attr = 0;
    if (zip_file_get_external_attributes(za, e.index, 0, &opsys, &attr) == 0 &&
        opsys == ZIP_OPSYS_UNIX) {
      const zip_uint32_t mode = attr >> 16;
      e.symlink = (mode & S_IFMT) == S_IFLNK;
      e.is_dir |= (mode & S_IFMT) == S_IFDIR;
      e.executable = !e.is_dir && (mode & 0111) != 0;
    }
    e.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
    result_.entries.push_back({e.shown, e.size, e.compressed, e.is_dir});
    declared = declared + e.size < declared ? UINT64_MAX : declared + e.size;

    const std::string file = where(e.shown);
    if (utf8::first_invalid(e.raw)) {
      add(kZipNameEncoding, file, "entry name is not valid UTF-8",
          "repack with `skillkit pack`, which writes UTF-8 names");
      e.listed = false;
    } else if (const std::string why = unsafe_reason(e.raw); !why.empty()) {
      add(kZipUnsafePath, file, why, "entry names must be relative '/'-separated paths");
      e.listed = false;
    }
    if (++seen[e.raw] == 2)
      add(kZipDuplicateEntry, file, "more than one entry has this name",
          "repack with `skillkit pack`");
    if (seen[e.raw] > 1) e.listed = false;
    if (e.encrypted) {
      add(kZipEncrypted, file, "entry is encrypted; the service cannot read it",
          "repack without a password");
      e.readable = false;
    }
    if (e.symlink) {
      add(kZipSymlinkEntry, file, "entry is a symbolic link",
          "pack the file itself (`skillkit pack` never stores links)");
      e.listed = false;
    }
    e.readable = e.readable && e.listed;
    const bool method_ok = !(st.valid & ZIP_STAT_COMP_METHOD) || st.comp_method == ZIP_CM_STORE ||
                           st.comp_method == ZIP_CM_DEFLATE;
    if (!method_ok) {
      add(kZipCompression, file,
          "entry uses compression method " + std::to_string(st.comp_method) +
              "; only stored (0) and deflated (8) are accepted",
          "repack with `skillkit pack`");
      e.readable = false;
    }
    if (e.readable && !e.is_dir && e.size >= settings_.ratio_min_size &&
        e.size / std::max<zip_uint64_t>(e.compressed, 1) > settings_.max_ratio) {
      add(kZipBomb, file,
          "entry inflates " + std::to_string(e.compressed) + " bytes to " + std::to_string(e.size) +
              " (over " + std::to_string(settings_.max_ratio) + ":1); not read",
          "a zip bomb, or data that does not belong in a skill");
      e.readable = false;
      bomb_ = true;
    }
    entries_.push_back(std::move(e));
  }
  if (declared > settings_.max_total_uncompressed) {
    // One finding for the archive; the entries' own ratios are part of it.
    std::erase_if(result_.diagnostics,
                  [](const Diagnostic& d) { return d.rule_id == kZipBomb.id; });
    add(kZipBomb, display_,
        "entries declare " +
            (declared == UINT64_MAX ? std::string("more than 2^64") : std::to_string(declared)) +
            " bytes uncompressed in total, over the limit of " +
            std::to_string(settings_.max_total_uncompressed) + "; nothing was read",
        "a zip bomb, or far more data than a skill can hold");
    bomb_ = true;
    unread_ = true;
    return false;
  }
  return true;
}

void Inspector::read_entries(zip_t* za) {
  for (Entry& e : entries_) {
    if (bomb_ && inflated_ > settings_.max_total_uncompressed) break;
    if (!e.readable || e.is_dir) continue;
    // SKILL.md candidates are kept: at the root, or one folder down.
    const size_t slash = e.raw.find('/');
    std::string base = slash == std::string::npos ? e.raw : e.raw.substr(slash + 1);
    std::transform(base.begin(), base.end(), base.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    read_one(za, e, base == "skill.md");
  }
}

void Inspector::read_one(zip_t* za, Entry& e, bool keep) {
  const std::string file = where(e.shown);
  zip_file_t* zf = zip_fopen_index(za, e.index, 0);
  if (!zf) {
    add(kZipCorrupt, file, std::string("entry cannot be read: ") + zip_strerror(za));
    e.readable = false;
    return;
  }
  char buf[kReadChunk];
  std::uint64_t got = 0;
  for (;;) {
    const zip_int64_t n = zip_fread(zf, buf, sizeof buf);
    if (n < 0) {
      const zip_error_t* err = zip_file_get_error(zf);
      if (zip_error_code_zip(err) == ZIP_ER_CRC)
        add(kZipCorrupt, file, "CRC mismatch: the entry's data is corrupt");
      else
        add(kZipCorrupt, file, std::string("entry cannot be read: ") + zip_file_strerror(zf));
      e.readable = false;
      break;
    }
    if (n == 0) break;
    const auto un = static_cast<std::uint64_t>(n);
    if (got == 0) e.shebang = un >= 2 && buf[0] == '#' && buf[1] == '!';
    got += un;
    inflated_ += un;
    if (got > e.size) {
      add(kZipCorrupt, file,
          "entry inflates to more than its declared " + std::to_string(e.size) + " bytes");
      e.readable = false;
      break;
    }
    if (inflated_ > settings_.max_total_uncompressed) {
      add(kZipBomb, display_,
          "entries inflate to more than " + std::to_string(settings_.max_total_uncompressed) +
              " bytes; reading stopped");
      e.readable = false;
      bomb_ = true;
      break;
    }
    if (keep && e.data.size() < kMaxSkillMdBytes) e.data.append(buf, static_cast<size_t>(n));
  }
  zip_fclose(zf);
  if (e.readable && got != e.size) {
    add(kZipCorrupt, file,
        "entry holds " + std::to_string(got) + " bytes, not the declared " +
            std::to_string(e.size));
    e.readable = false;
  }
  if (!e.readable) e.data.clear();
}

void Inspector::check_consistency(const Opener& open) {
  // libzip compares every local header with the central directory when asked to.
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = open(&zerr);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : nullptr;
  if (za) {
    zip_discard(za);
  } else {
    if (src) zip_source_free(src);
    const bool reported = std::any_of(
        result_.diagnostics.begin(), result_.diagnostics.end(), [](const Diagnostic& d) {
          return d.rule_id == kZipCorrupt.id || d.rule_id == kZipDuplicateEntry.id;
        });
    if (!reported && zip_error_code_zip(&zerr) != ZIP_ER_EXISTS)
      add(kZipCorrupt, display_, std::string("inconsistent archive: ") + zip_error_strerror(&zerr),
          "the local headers and the central directory disagree; repack with `skillkit pack`");
  }
  zip_error_fini(&zerr);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The SKILL.md entry under `prefix` ("" or "folder/"): the exact name, else another case of it.
const Entry* find_skill_md(const std::vector<Entry>& entries, const std::string& prefix) {
  const Entry* other = nullptr;
  for (const Entry& e : entries) {
    if (e.is_dir || !e.listed || !e.raw.starts_with(prefix)) continue;
    const std::string rest = e.raw.substr(prefix.size());
    if (rest == "SKILL.md") return &e;
    if (lower(rest) == "skill.md" && (!other || e.raw < other->raw)) other = &e;
  }
  return other;
}

void Inspector::lint_skill() {
  // Where the skill is: SKILL.md at the root, or else in the one top folder everything is in.
  std::string root;
  const Entry* md = find_skill_md(entries_, "");
  if (!md) {
    std::set<std::string> tops;
    bool loose = false;
    for (const Entry& e : entries_) {
      const size_t slash = e.raw.find('/');
      if (slash == std::string::npos)
        loose = true;
      else
        tops.insert(e.raw.substr(0, slash + 1));
    }
    if (!loose && tops.size() == 1 && unsafe_reason(*tops.begin() + "x").empty()) {
      md = find_skill_md(entries_, *tops.begin());
      if (md) root = *tops.begin();
    }
    if (md)
      add(kZipSkillMdMissing, where(md->shown),
          "SKILL.md is under `" + printable(root) + "`, not at the zip's root",
          "pack with the files at the root (`skillkit pack` without --prefix)");
    else
      add(kZipSkillMdMissing, display_, "no SKILL.md at the zip's root",
          "the service reads SKILL.md from the root of the zip");
  }

  Inventory inv;
  std::set<std::string> paths;
  for (const Entry& e : entries_) {
    if (!e.listed || !e.raw.starts_with(root)) continue;
    std::string path = e.raw.substr(root.size());
    if (!path.empty() && path.back() == '/') path.pop_back();
    if (path.empty()) continue;
    // Parent folders, whether or not the zip lists them.
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      if (paths.insert(path.substr(0, slash)).second) {
        FileEntry dir;
        dir.path = path.substr(0, slash);
        dir.is_dir = true;
        inv.entries.push_back(std::move(dir));
      }
    }
    if (!paths.insert(path).second) continue;
    FileEntry f;
    f.path = path;
    f.is_dir = e.is_dir;
    f.size = e.size;
    f.executable = e.executable;
    f.shebang = e.shebang;
    const size_t name_at = path.rfind('/') + 1;  // npos + 1 == 0
    const size_t dot = path.rfind('.');
    if (!e.is_dir && dot != std::string::npos && dot > name_at)
      f.extension = lower(path.substr(dot + 1));
    inv.entries.push_back(std::move(f));
  }
  std::sort(inv.entries.begin(), inv.entries.end(),
            [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });

  std::string dir_name = root.empty() ? std::string() : root.substr(0, root.size() - 1);
  if (dir_name.empty()) {
    const size_t slash = display_.rfind('/');
    dir_name = display_.substr(slash == std::string::npos ? 0 : slash + 1);
    if (lower(dir_name).ends_with(".zip")) dir_name.resize(dir_name.size() - 4);
  }
  std::string io_error;
  std::string bytes;
  std::string md_name = "SKILL.md";
  if (md) {
    md_name = md->raw.substr(root.size());
    if (!md->readable)
      io_error = "cannot read " + md_name + " from the zip";
    else if (md->size > kMaxSkillMdBytes)
      io_error = md_name + " is " + std::to_string(md->size) + " bytes; skillkit reads at most " +
                 std::to_string(kMaxSkillMdBytes);
    else
      bytes = md->data;
  }
  const std::string shown_dir = root.empty() ? display_ : display_ + "/" + dir_name;
  const Skill skill = make_skill_from_memory(dir_name, shown_dir, md_name, std::move(bytes),
                                             std::move(inv), io_error);
  std::vector<Diagnostic> found;
  if (md && !unread_) {
    found = run_rules(skill, settings_.rules);
    const Suppressions suppressed = read_suppressions(skill);
    std::erase_if(found, [&](const Diagnostic& d) { return suppressed.covers(d.rule_id); });
  }
  std::vector<Diagnostic> guard = guard_files(skill);
  drop_duplicates(found, guard);
  for (Diagnostic& d : found) result_.diagnostics.push_back(std::move(d));
  for (Diagnostic& d : guard) result_.diagnostics.push_back(std::move(d));
}

InspectResult finish(InspectResult r) {
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), diagnostic_less);
  return r;
}

}  // namespace

InspectResult inspect_zip_file(const std::string& path, const InspectSettings& settings) {
  InspectResult r;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    r.io_error = path + ": " + std::strerror(errno);
    return r;
  }
  if (!S_ISREG(st.st_mode)) {
    r.io_error = path + ": not a file";
    return r;
  }
  Inspector(path, settings, r)
      .run([&](zip_error_t* err) { return zip_source_file_create(path.c_str(), 0, -1, err); },
           static_cast<std::uint64_t>(st.st_size));
  return finish(std::move(r));
}

InspectResult inspect_zip_bytes(std::string_view bytes, const std::string& display,
                                const InspectSettings& settings) {
  InspectResult r;
  Inspector(display, settings, r)
      .run(
          [&](zip_error_t* err) {
            return zip_source_buffer_create(bytes.data(), bytes.size(), 0, err);
          },
          bytes.size());
  return finish(std::move(r));
}

}  // namespace skillkit::pack
