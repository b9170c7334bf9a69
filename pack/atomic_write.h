// Writing a finished zip so that no reader, and no interrupted run, ever sees half of it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace skillkit::pack {

/// Writes `bytes` to `path` through an unnamed temporary file in the same folder (O_TMPFILE),
/// given a temporary name only once complete and then renamed over `path`: a run killed while
/// writing leaves nothing behind. Where O_TMPFILE is not supported, a named temporary file is
/// removed on any failure. New files get mode 0666 minus the umask. `after_chunk` (for tests)
/// is called with the bytes written so far after each chunk.
bool write_atomically(const std::filesystem::path& path, std::string_view bytes, std::string& error,
                      const std::function<void(size_t)>& after_chunk = nullptr);

}  // namespace skillkit::pack
