// Reproducible zip archives, built in memory with libzip: the same entries give the same bytes
// on every run and machine (same libzip and zlib).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skillkit::pack {

struct ZipInput {
  std::string name;       // entry name, '/'-separated, UTF-8
  std::string_view data;  // must stay alive until build_zip returns
};

struct ZipSettings {
  int level = 6;                   // deflate level 1-9; 0 stores everything
  std::int64_t epoch = 315532800;  // every entry's time (UTC): 1980-01-01 00:00:00
};

struct ZipOutput {
  std::string bytes;                      // the archive
  std::vector<std::uint64_t> compressed;  // bytes each entry takes in the archive (data only)
  std::vector<bool> stored;               // entries kept uncompressed
};

/// DOS date and time (UTC) of a Unix time, clamped to 1980-01-01 .. 2107-12-31.
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0;
};
DosTime dos_time(std::int64_t epoch);

/// Builds a zip of `entries`, in the order given: regular files with Unix mode 0100644, the
/// settings' time, no extra fields, comments or folder entries. Each entry is deflated at the
/// settings' level, or stored when deflating does not make it smaller. False and `error` set
/// when libzip fails.
bool build_zip(const std::vector<ZipInput>& entries, const ZipSettings& settings, ZipOutput& out,
               std::string& error);

}  // namespace skillkit::pack
