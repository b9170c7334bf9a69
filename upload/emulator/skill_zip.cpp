#include "upload/emulator/skill_zip.h"

#include <zip.h>
#include <zlib.h>

#include <cstdint>
#include <memory>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

namespace skillkit::upload::emulator {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

// Opens read-only over caller-owned bytes; libzip never copies or frees them.
Archive open_archive(std::string_view bytes, std::string& error) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!src) {
    error = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return nullptr;
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  if (!z) {
    error = zip_error_strerror(&ze);
    zip_source_free(src);
  }
  zip_error_fini(&ze);
  return Archive(z);
}

using File = std::unique_ptr<zip_file_t, int (*)(zip_file_t*)>;

// A raw-deflate stream per thread, reset for each entry instead of allocated (about 7 KB).
struct Inflater {
  z_stream stream{};
  bool ready = inflateInit2(&stream, -MAX_WBITS) == Z_OK;
  ~Inflater() {
    if (ready) inflateEnd(&stream);
  }
};

// A deflated entry, inflated in one call into a buffer of its declared size: zlib then needs no
// 32 KB window, which zip_fread allocates for every entry. The result is zip_fread's of `size`
// bytes: the same prefix of the same stream (libzip reads no further either, so a longer stream
// is cut at `size`). nullopt when this cannot tell (the caller then asks libzip).
std::optional<std::string> inflate_entry(zip_t* z, zip_uint64_t index, const zip_stat_t& st) {
  const zip_uint64_t needed =
      ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
  if ((st.valid & needed) != needed || st.comp_method != ZIP_CM_DEFLATE ||
      st.encryption_method != ZIP_EM_NONE || st.comp_size > UINT32_MAX || st.size > UINT32_MAX) {
    return std::nullopt;
  }
  thread_local Inflater inflater;
  if (!inflater.ready || inflateReset(&inflater.stream) != Z_OK) return std::nullopt;
  File f(zip_fopen_index(z, index, ZIP_FL_COMPRESSED), zip_fclose);
  if (!f) return std::nullopt;
  std::string raw(st.comp_size, '\0');
  zip_int64_t n = zip_fread(f.get(), raw.data(), st.comp_size);
  if (n < 0 || zip_uint64_t(n) != st.comp_size) return std::nullopt;
  std::string data(st.size, '\0');
  z_stream& zs = inflater.stream;
  zs.next_in = reinterpret_cast<Bytef*>(raw.data());
  zs.avail_in = uInt(raw.size());
  zs.next_out = reinterpret_cast<Bytef*>(data.data());
  zs.avail_out = uInt(data.size());
  const int rc = inflate(&zs, Z_FINISH);
  if ((rc != Z_STREAM_END && rc != Z_BUF_ERROR && rc != Z_OK) || zs.total_out != st.size) {
    return std::nullopt;
  }
  return data;
}

std::optional<std::string> read_entry(zip_t* z, zip_uint64_t index) {
  zip_stat_t st;
  if (zip_stat_index(z, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
  if (auto data = inflate_entry(z, index, st)) return data;
  File f(zip_fopen_index(z, index, 0), zip_fclose);
  if (!f) return std::nullopt;
  std::string data(st.size, '\0');
  zip_int64_t n = zip_fread(f.get(), data.data(), st.size);
  if (n < 0 || zip_uint64_t(n) != st.size) return std::nullopt;
  return data;
}

}  // namespace

std::optional<SkillZip> read_skill_zip(std::string_view bytes, std::string& error) {
  Archive z = open_archive(bytes, error);
  if (!z) return std::nullopt;
  SkillZip out;
  zip_int64_t count = zip_get_num_entries(z.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(z.get(), zip_uint64_t(i), 0);
    if (!name) continue;
    out.entries.emplace_back(name);
    if (out.entries.back() == "SKILL.md") {
      out.skill_md = read_entry(z.get(), zip_uint64_t(i));
      if (!out.skill_md) {
        error = "SKILL.md could not be read";
        return std::nullopt;
      }
    }
  }
  return out;
}

std::optional<std::map<std::string, std::string>> frontmatter(std::string_view md) {
  if (md.starts_with("\xEF\xBB\xBF")) md.remove_prefix(3);
  if (!md.starts_with("---\n") && !md.starts_with("---\r\n")) return std::nullopt;
  size_t start = md.find('\n') + 1;
  size_t end = start;
  while (true) {
    size_t eol = md.find('\n', end);
    std::string_view line = md.substr(end, eol == std::string_view::npos ? eol : eol - end);
    if (line == "---" || line == "---\r") break;
    if (eol == std::string_view::npos) return std::nullopt;
    end = eol + 1;
  }
  try {
    YAML::Node doc = YAML::Load(std::string(md.substr(start, end - start)));
    if (!doc.IsMap()) return std::nullopt;
    std::map<std::string, std::string> out;
    for (const auto& kv : doc) {
      if (kv.second.IsScalar()) out[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
    return out;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
  zip_error_fini(&ze);
  if (!buffer) throw std::runtime_error("libzip: cannot create a buffer");
  zip_source_keep(buffer);  // read the bytes back after zip_close
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr);
  if (!z) {
    zip_source_free(buffer);
    throw std::runtime_error("libzip: cannot open a buffer");
  }
  for (const auto& [name, content] : files) {
    // libzip copies nothing: the data must live until zip_close, which it does here.
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_int64_t index = src ? zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      zip_source_free(src);
      zip_discard(z);
      zip_source_free(buffer);
      throw std::runtime_error("libzip: cannot add " + name);
    }
    // Stored, not deflated: these zips are small test fixtures and one-file skills, and
    // storing keeps large fixtures cheap to build.
    zip_set_file_compression(z, zip_uint64_t(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    zip_source_free(buffer);
    throw std::runtime_error("libzip: cannot write the archive");
  }
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    out.resize(st.size);
    zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
    out.resize(n < 0 ? 0 : size_t(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

std::vector<std::pair<std::string, std::string>> unzip(std::string_view bytes) {
  std::string error;
  Archive z = open_archive(bytes, error);
  std::vector<std::pair<std::string, std::string>> out;
  if (!z) return out;
  zip_int64_t count = zip_get_num_entries(z.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(z.get(), zip_uint64_t(i), 0);
    auto data = read_entry(z.get(), zip_uint64_t(i));
    if (name && data) out.emplace_back(name, std::move(*data));
  }
  return out;
}

}  // namespace skillkit::upload::emulator
