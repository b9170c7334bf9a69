#include "pack/zip_writer.h"

#include <zip.h>

#include <ctime>
#include <memory>
#include <mutex>

namespace skillkit::pack {
namespace {

constexpr std::int64_t kDosFirst = 315532800;  // 1980-01-01 00:00:00 UTC
constexpr std::int64_t kDosLast = 4354819198;  // 2107-12-31 23:59:58 UTC

struct ZipCloser {
  void operator()(zip_t* za) const { zip_discard(za); }
};
struct SourceFreer {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// One pass: every entry deflated, except those in `store`.
bool write_once(const std::vector<ZipInput>& entries, const ZipSettings& settings,
                const std::vector<bool>& store, std::string& bytes, std::string& error) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  std::unique_ptr<zip_source_t, SourceFreer> buffer(zip_source_buffer_create(nullptr, 0, 0, &zerr));
  if (!buffer) {
    error = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return false;
  }
  // libzip 1.7.3 opening empty buffer sources for writing from two threads at once sometimes
  // fails with "Read-only archive" (~2% of packs with -j2, never with -j1): the opens are
  // serialized; adding and compressing the entries still run in parallel.
  static std::mutex open_mutex;
  std::unique_lock open_lock(open_mutex);
  zip_t* raw = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &zerr);
  open_lock.unlock();
  if (!raw) {
    error = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return false;
  }
  zip_error_fini(&zerr);
  zip_source_keep(buffer.get());  // the archive frees its reference; we read the bytes after
  std::unique_ptr<zip_t, ZipCloser> za(raw);
  const DosTime when = dos_time(settings.epoch);
  for (size_t i = 0; i < entries.size(); ++i) {
    const ZipInput& in = entries[i];
    zip_source_t* src = zip_source_buffer(za.get(), in.data.data(), in.data.size(), 0);
    if (!src) {
      error = zip_strerror(za.get());
      return false;
    }
    const zip_int64_t idx = zip_file_add(za.get(), in.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      error = in.name + ": " + zip_strerror(za.get());
      return false;
    }
    const auto u = static_cast<zip_uint64_t>(idx);
    const bool stored = store[i] || settings.level == 0 || in.data.empty();
    if (zip_set_file_compression(za.get(), u, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 stored ? 0 : static_cast<zip_uint32_t>(settings.level)) < 0 ||
        zip_file_set_dostime(za.get(), u, when.time, when.date, 0) < 0 ||
        zip_file_set_external_attributes(za.get(), u, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0) {
      error = in.name + ": " + zip_strerror(za.get());
      return false;
    }
  }
  if (zip_close(za.get()) < 0) {
    error = zip_strerror(za.get());
    return false;
  }
  za.release();  // closed and freed by zip_close
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer.get(), &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
      zip_source_open(buffer.get()) < 0) {
    error = "cannot read back the archive";
    return false;
  }
  bytes.assign(st.size, '\0');
  const zip_int64_t n = zip_source_read(buffer.get(), bytes.data(), st.size);
  zip_source_close(buffer.get());
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    error = "cannot read back the archive";
    return false;
  }
  return true;
}

// The compressed size of each entry, read back from the central directory.
bool entry_sizes(const std::string& bytes, size_t count, std::vector<std::uint64_t>& sizes,
                 std::string& error) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : nullptr;
  if (!za) {
    error = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    if (src) zip_source_free(src);
    return false;
  }
  zip_error_fini(&zerr);
  sizes.assign(count, 0);
  for (size_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, i, 0, &st) < 0) {
      error = zip_strerror(za);
      zip_discard(za);
      return false;
    }
    sizes[i] = st.comp_size;
  }
  zip_discard(za);  // frees the source too
  return true;
}

}  // namespace

DosTime dos_time(std::int64_t epoch) {
  if (epoch < kDosFirst) epoch = kDosFirst;
  if (epoch > kDosLast) epoch = kDosLast;
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  DosTime d;
  d.time = static_cast<std::uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  d.date =
      static_cast<std::uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
  return d;
}

bool build_zip(const std::vector<ZipInput>& entries, const ZipSettings& settings, ZipOutput& out,
               std::string& error) {
  std::vector<bool> store(entries.size(), false);
  if (!write_once(entries, settings, store, out.bytes, error)) return false;
  if (!entry_sizes(out.bytes, entries.size(), out.compressed, error)) return false;
  // Entries that deflate did not shrink are stored instead (a second pass, only when needed).
  bool again = false;
  for (size_t i = 0; i < entries.size(); ++i) {
    const bool stored_first = settings.level == 0 || entries[i].data.empty();
    store[i] = stored_first || out.compressed[i] >= entries[i].data.size();
    again |= store[i] != stored_first;
  }
  if (again) {
    if (!write_once(entries, settings, store, out.bytes, error)) return false;
    if (!entry_sizes(out.bytes, entries.size(), out.compressed, error)) return false;
  }
  out.stored = store;
  return true;
}

}  // namespace skillkit::pack
