#include "upload/unzip.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <atomic>
#include <memory>
#include <random>

namespace skillkit::upload {
namespace fs = std::filesystem;

std::string unsafe_entry_name(std::string_view name) {
  if (name.empty()) return "empty name";
  if (name.find('\0') != std::string_view::npos) return "NUL in name";
  if (name.find('\\') != std::string_view::npos) return "backslash in name";
  if (name.front() == '/') return "absolute path";
  if (name.size() >= 2 && name[1] == ':') return "drive-letter path";
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    if (part == "..") return "`..` in path";
    if (part == ".") return "`.` in path";
    if (part.empty() && end != name.size()) return "empty path segment";
    start = end + 1;
  }
  return "";
}

namespace {

struct ArchiveCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

std::vector<ZipEntry> read_zip(std::string_view bytes, const UnzipLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw UnzipError("cannot read the zip");
  std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(src, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(src);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw UnzipError("not a zip: " + message);
  }
  zip_error_fini(&error);
  const zip_int64_t n = zip_get_num_entries(archive.get(), 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > limits.max_entries)
    throw UnzipError("too many entries (" + std::to_string(n) + ")");
  std::uint64_t declared = 0;
  std::vector<ZipEntry> out;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive.get(), i, ZIP_FL_ENC_RAW, &st) != 0 || !st.name)
      throw UnzipError("unreadable entry #" + std::to_string(i));
    std::string name = st.name;
    bool is_dir = !name.empty() && name.back() == '/';
    std::string check = is_dir ? name.substr(0, name.size() - 1) : name;
    if (std::string why = unsafe_entry_name(check); !why.empty())
      throw UnzipError("entry `" + name + "`: " + why);
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(archive.get(), i, 0, &opsys, &attributes) == 0 &&
        opsys == ZIP_OPSYS_UNIX) {
      const mode_t mode = (attributes >> 16) & S_IFMT;
      if (mode == S_IFLNK) throw UnzipError("entry `" + name + "`: symbolic link");
      if (mode != 0 && mode != S_IFREG && mode != S_IFDIR)
        throw UnzipError("entry `" + name + "`: not a regular file");
    }
    declared += st.size;
    if (declared > limits.max_total)
      throw UnzipError("uncompressed size over " + std::to_string(limits.max_total) + " bytes");
    if (st.size >= limits.ratio_min_size && st.comp_size > 0 &&
        st.size / st.comp_size > limits.max_ratio)
      throw UnzipError("entry `" + name + "`: compression ratio too high (zip bomb?)");
    ZipEntry entry{name, {}, is_dir};
    if (!is_dir) {
      std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen_index(archive.get(), i, 0));
      if (!f) throw UnzipError("entry `" + name + "`: cannot open");
      char buf[65536];
      for (;;) {
        const zip_int64_t got = zip_fread(f.get(), buf, sizeof buf);
        if (got < 0) throw UnzipError("entry `" + name + "`: corrupt data");
        if (got == 0) break;
        entry.data.append(buf, static_cast<size_t>(got));
        if (entry.data.size() > st.size)  // more than declared: refuse, never trust
          throw UnzipError("entry `" + name + "`: larger than declared");
      }
    }
    out.push_back(std::move(entry));
  }
  return out;
}

size_t extract_zip(std::string_view zip, const fs::path& dest, bool overwrite,
                   const UnzipLimits& limits) {
  std::error_code ec;
  if (fs::symlink_status(dest, ec).type() != fs::file_type::not_found && !overwrite)
    throw UnzipError(dest.string() + ": already exists (use --force to replace it)");
  const std::vector<ZipEntry> entries = read_zip(zip, limits);
  const fs::path abs = fs::absolute(dest);
  const fs::path parent = abs.parent_path();
  fs::create_directories(parent, ec);
  if (ec) throw UnzipError(parent.string() + ": " + ec.message());
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  const fs::path tmp =
      parent / ("." + abs.filename().string() + ".skillkit-tmp-" + std::to_string(::getpid()) +
                "-" + std::to_string(rd()) + "-" + std::to_string(counter++));
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      if (!path.empty()) {
        std::error_code e;
        fs::remove_all(path, e);
      }
    }
  } cleanup{tmp};
  if (!fs::create_directory(tmp, ec) || ec)
    throw UnzipError(tmp.string() + ": cannot create: " + ec.message());
  size_t files = 0;
  for (const ZipEntry& e : entries) {
    std::string rel = e.name;
    if (e.is_dir) rel.pop_back();
    const fs::path target = tmp / fs::path(rel);
    if (e.is_dir) {
      fs::create_directories(target, ec);
      if (ec) throw UnzipError(target.string() + ": " + ec.message());
      continue;
    }
    fs::create_directories(target.parent_path(), ec);
    if (ec) throw UnzipError(target.parent_path().string() + ": " + ec.message());
    const int fd =
        ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) throw UnzipError("entry `" + e.name + "`: cannot create (duplicate entry?)");
    size_t written = 0;
    while (written < e.data.size()) {
      const ssize_t w = ::write(fd, e.data.data() + written, e.data.size() - written);
      if (w <= 0) {
        ::close(fd);
        throw UnzipError(target.string() + ": write failed");
      }
      written += static_cast<size_t>(w);
    }
    if (::close(fd) != 0) throw UnzipError(target.string() + ": write failed");
    ++files;
  }
  if (overwrite && fs::symlink_status(abs, ec).type() != fs::file_type::not_found) {
    const fs::path old = tmp.string() + ".old";
    fs::rename(abs, old, ec);
    if (ec) throw UnzipError(abs.string() + ": cannot replace: " + ec.message());
    fs::rename(tmp, abs, ec);
    if (ec) {
      std::error_code back;
      fs::rename(old, abs, back);
      throw UnzipError(abs.string() + ": cannot replace: " + ec.message());
    }
    fs::remove_all(old, ec);
  } else {
    fs::rename(tmp, abs, ec);
    if (ec) throw UnzipError(abs.string() + ": " + ec.message());
  }
  cleanup.path.clear();
  return files;
}

}  // namespace skillkit::upload
