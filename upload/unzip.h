// Reading skill zips from the service and extracting them safely: no `..`, absolute or
// drive paths, no symlinks, no bombs (declared and actual sizes, entry count, ratio); the
// files land in a temporary sibling folder that is renamed into place only when complete.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace skillkit::upload {

class UnzipError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct UnzipLimits {
  std::uint64_t max_total = std::uint64_t{256} << 20;  ///< uncompressed bytes, all entries
  std::uint64_t max_entries = 10'000;
  std::uint64_t max_ratio = 200;  ///< uncompressed / compressed, for entries of...
  std::uint64_t ratio_min_size = std::uint64_t{1} << 20;  ///< ...at least this size
};

struct ZipEntry {
  std::string name;  ///< as stored, '/'-separated
  std::string data;
  bool is_dir = false;
};

/// Every entry of `zip`, checked; throws UnzipError naming the first problem.
std::vector<ZipEntry> read_zip(std::string_view zip, const UnzipLimits& limits = {});

/// Why `name` is not a safe relative path ("" when it is).
std::string unsafe_entry_name(std::string_view name);

/// Extracts `zip` into `dest`, which must not exist unless `overwrite`. Nothing is left
/// behind on failure. Returns the number of files written.
size_t extract_zip(std::string_view zip, const std::filesystem::path& dest, bool overwrite,
                   const UnzipLimits& limits = {});

}  // namespace skillkit::upload
