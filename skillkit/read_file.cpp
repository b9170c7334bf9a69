#include "skillkit/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace skillkit {

bool read_whole_file(const std::filesystem::path& path, std::string& out, std::uint64_t max_bytes) {
  out.clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode);
  if (ok && static_cast<std::uint64_t>(st.st_size) > max_bytes) ok = false;
  if (ok) {
    // The size is a hint: a file may change while we read it, and /proc files report 0.
    out.resize(static_cast<size_t>(st.st_size) + 1);
    size_t used = 0;
    while (true) {
      if (used == out.size()) out.resize(out.size() * 2 + 4096);
      const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        ok = false;
        break;
      }
      if (n == 0) break;
      used += static_cast<size_t>(n);
      if (used > max_bytes) {
        ok = false;
        break;
      }
    }
    out.resize(ok ? used : 0);
  }
  ::close(fd);
  if (!ok) out.clear();
  return ok;
}

}  // namespace skillkit
