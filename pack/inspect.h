// `skillkit inspect`: a zip checked as the service sees it, read in memory (nothing is
// extracted): the archive itself (SK400-SK408), the files it holds (the pack guard's ids) and
// the skill inside (the lint rules, on the SKILL.md bytes in the zip).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/config.h"
#include "pack/ids.h"
#include "skillkit/diagnostic.h"

namespace skillkit::pack {

struct InspectSettings {
  std::vector<ActiveRule> rules;  // lint rules run on the skill inside
  std::uint64_t max_zip_bytes = kMaxZipBytes;
  std::uint64_t max_open_bytes = std::uint64_t{64} << 20;  // larger files are not opened at all
  // Zip bomb limits: checked on the declared sizes before anything is read, and again on the
  // bytes actually inflated.
  std::uint64_t max_total_uncompressed = std::uint64_t{256} << 20;
  std::uint64_t max_ratio = 200;                          // uncompressed / compressed, per entry...
  std::uint64_t ratio_min_size = std::uint64_t{1} << 20;  // ...of entries at least this large
};

struct InspectedEntry {
  std::string name;  // as shown (bytes that are not UTF-8 as \xNN)
  std::uint64_t size = 0, compressed = 0;
  bool is_dir = false;
};

struct InspectResult {
  std::vector<Diagnostic> diagnostics;  // sorted (diagnostic_less)
  std::vector<InspectedEntry> entries;  // in archive order
  std::uint64_t zip_bytes = 0;
  std::string io_error;  // the file could not be read at all: one line (exit 2)
};

/// Inspects the zip file at `path`, shown in findings as `path` (entries as `path/entry`).
InspectResult inspect_zip_file(const std::string& path, const InspectSettings& settings);

/// Inspects a zip held in memory, shown as `display`.
InspectResult inspect_zip_bytes(std::string_view bytes, const std::string& display,
                                const InspectSettings& settings);

}  // namespace skillkit::pack
