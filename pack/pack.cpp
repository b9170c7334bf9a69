#include "pack/pack.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

#include "pack/guard.h"

namespace skillkit::pack {
namespace fs = std::filesystem;

namespace {

// Whether `p` is `root` or lies below it (both canonical).
bool inside(const std::string& p, const std::string& root) {
  return p == root || (p.size() > root.size() && p.compare(0, root.size(), root) == 0 &&
                       (root.back() == '/' || p[root.size()] == '/'));
}

std::string real_path(const fs::path& p) {
  char buf[PATH_MAX];
  return ::realpath(p.c_str(), buf) ? std::string(buf) : std::string();
}

// A file's bytes, read without first zero-filling the buffer.
struct Bytes {
  std::unique_ptr<char[]> data;
  size_t size = 0;
  std::string_view view() const { return {data.get(), size}; }
};

// Reads one packable file, checking again what the inventory saw: a regular file, reached
// without leaving the skill folder, not executable, no shebang. Returns false with `why`
// (an I/O error) or with `refusal` set (a finding).
bool read_entry(const Skill& skill, const std::string& root, const FileEntry& e,
                std::uint64_t budget, Bytes& data, std::optional<Diagnostic>& refusal,
                std::string& why) {
  const fs::path file = skill.dir / e.path;
  const std::string shown = skill.display_path(e.path);
  std::string target = file.string();
  if (e.is_symlink) {
    target = real_path(file);
    if (target.empty() || !inside(target, root)) {
      refusal = finding(kSymlinkEscape, shown,
                        "symlink leaves the skill folder (or does not resolve); never packed",
                        "copy the file into the skill, or exclude it in .skillignore");
      return false;
    }
  }
  const int fd = ::open(target.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) {
      refusal = finding(kSymlinkEscape, shown, "became a symlink while packing; never packed");
      return false;
    }
    why = "cannot read " + shown + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (ok && !S_ISREG(st.st_mode)) {
    ::close(fd);
    why = "cannot read " + shown + ": not a regular file";
    return false;
  }
  if (ok && (st.st_mode & 0111) != 0) {
    ::close(fd);
    refusal = finding(kExecutableFile, shown,
                      "executable file (an execute bit is set); DevOps Agent skills hold "
                      "documents only",
                      "chmod -x the file, or exclude it in .skillignore");
    return false;
  }
  if (ok && static_cast<std::uint64_t>(st.st_size) > budget) {
    ::close(fd);
    why = shown + ": the skill's files exceed " + std::to_string(budget) +
          " bytes, far over what a 6 MiB zip can hold";
    return false;
  }
  if (ok) {
    const auto size = static_cast<size_t>(st.st_size);
    data.data.reset(new char[size ? size : 1]);
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::read(fd, data.data.get() + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok = n == 0;  // the file shrank: keep what is there
        break;
      }
      done += static_cast<size_t>(n);
    }
    data.size = done;
  }
  const int saved = errno;
  ::close(fd);
  if (!ok) {
    why = "cannot read " + shown + ": " + std::strerror(saved);
    return false;
  }
  if (data.view().starts_with("#!")) {
    refusal = finding(kExecutableFile, shown,
                      "file starts with `#!` (a script); DevOps Agent skills hold documents only",
                      "remove the file, or exclude it in .skillignore");
    return false;
  }
  return true;
}

std::string too_large_hint(const std::vector<PackedFile>& files) {
  std::vector<const PackedFile*> order;
  for (const PackedFile& f : files) order.push_back(&f);
  std::stable_sort(order.begin(), order.end(), [](const PackedFile* a, const PackedFile* b) {
    return a->compressed > b->compressed;
  });
  std::string hint = "largest in the zip:";
  for (size_t i = 0; i < order.size() && i < 5; ++i)
    hint += (i ? ", " : " ") + order[i]->path + " " + std::to_string(order[i]->compressed);
  return hint + " (compressed bytes); shrink or exclude files in .skillignore";
}

}  // namespace

Skill load_skill_files(const fs::path& dir, std::string display_dir) {
  Skill skill;
  skill.dir = dir;
  skill.display_dir = std::move(display_dir);
  std::error_code ec;
  fs::path named = dir.filename().empty() ? dir.parent_path() : dir;
  if (named.filename() == "." || named.filename() == ".." || named.empty())
    named = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  skill.dir_name = named.filename().string();
  skill.files = list_files(dir, IgnoreRules::for_skill(dir));
  skill.skill_md_name = "SKILL.md";
  if (!skill.files.find("SKILL.md")) {  // another case of the name, as load_skill finds it
    for (const FileEntry& e : skill.files.entries) {
      std::string lower = e.path;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "skill.md") {
        skill.skill_md_name = e.path;
        break;
      }
    }
  }
  return skill;
}

bool normalize_prefix(std::string& prefix, std::string& error) {
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  if (prefix.empty()) return true;
  const bool bad_char = prefix.find('\\') != std::string::npos ||
                        prefix.find('\0') != std::string::npos || prefix.front() == '/';
  bool bad_part = false;
  for (size_t b = 0; b <= prefix.size();) {
    size_t e = prefix.find('/', b);
    if (e == std::string::npos) e = prefix.size();
    const std::string_view part(prefix.data() + b, e - b);
    bad_part |= part.empty() || part == "." || part == "..";
    b = e + 1;
  }
  if (bad_char || bad_part) {
    error = "--prefix `" + prefix +
            "`: must be a relative folder path without `.`, `..`, `\\` or empty parts";
    return false;
  }
  prefix += '/';
  return true;
}

PackResult pack_skill(const Skill& skill, const PackOptions& options) {
  PackResult r;
  const Inventory& inv = skill.files;
  for (const FileEntry& e : inv.entries)
    if (e.excluded) r.excluded.push_back({e.path + (e.is_dir ? "/" : ""), e.excluded_by});
  if (inv.truncated) {
    r.error = skill.display_dir + ": more than " + std::to_string(Inventory::kMaxEntries) +
              " files; not packed";
    return r;
  }
  for (const FileEntry& e : inv.entries) {
    if (e.unreadable && !e.excluded) {
      r.error = "cannot read " + skill.display_path(e.path);
      return r;
    }
  }
  const std::vector<const FileEntry*> packable = inv.packable();
  for (const FileEntry* e : packable)
    r.files.push_back({e->path, options.prefix + e->path, e->size, 0, false});
  std::sort(r.files.begin(), r.files.end(),
            [](const PackedFile& a, const PackedFile& b) { return a.name < b.name; });

  r.findings = guard_files(skill);
  if (!r.findings.empty()) {
    r.status = PackStatus::Refused;
    return r;
  }

  // Read every file (checking each again as it is opened), then build the zip in memory.
  const std::string root = real_path(skill.dir);
  if (root.empty()) {
    r.error = "cannot read " + skill.display_dir + ": " + std::strerror(errno);
    return r;
  }
  std::vector<Bytes> data(r.files.size());
  std::uint64_t budget = options.max_input_bytes;
  for (size_t i = 0; i < r.files.size(); ++i) {
    const FileEntry* e = inv.find(r.files[i].path);
    std::optional<Diagnostic> refusal;
    if (!read_entry(skill, root, *e, budget, data[i], refusal, r.error)) {
      if (refusal) r.findings.push_back(std::move(*refusal));
      if (!r.error.empty()) return r;
      continue;
    }
    r.files[i].size = data[i].size;
    budget -= data[i].size;
  }
  if (!r.findings.empty()) {
    r.status = PackStatus::Refused;
    return r;
  }
  std::vector<ZipInput> inputs;
  inputs.reserve(r.files.size());
  for (size_t i = 0; i < r.files.size(); ++i) inputs.push_back({r.files[i].name, data[i].view()});
  ZipOutput out;
  if (!build_zip(inputs, options.zip, out, r.error)) {
    r.error = skill.display_dir + ": cannot build the zip: " + r.error;
    return r;
  }
  for (size_t i = 0; i < r.files.size(); ++i) {
    r.files[i].compressed = out.compressed[i];
    r.files[i].stored = out.stored[i];
  }
  r.zip = std::move(out.bytes);
  if (r.zip.size() > options.max_zip_bytes) {
    r.status = PackStatus::TooLarge;
    r.findings.push_back(finding(kZipSize, skill.skill_md_path(),
                                 "the zip would be " + std::to_string(r.zip.size()) + " bytes, " +
                                     std::to_string(r.zip.size() - options.max_zip_bytes) +
                                     " over the limit of " + std::to_string(options.max_zip_bytes) +
                                     "; not packed",
                                 too_large_hint(r.files)));
    return r;
  }
  r.status = PackStatus::Packed;
  return r;
}

}  // namespace skillkit::pack
