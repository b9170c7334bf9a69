// Reading a whole file with a few system calls: std::ifstream + rdbuf costs more than the
// rest of a small rule, and lint reads every file of every skill.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace skillkit {

/// Reads the file at `path` into `out` (open, fstat, read, close). Returns false, with `out`
/// empty, when it cannot be opened or read or holds more than `max_bytes`.
bool read_whole_file(const std::filesystem::path& path, std::string& out,
                     std::uint64_t max_bytes = UINT64_MAX);

}  // namespace skillkit
