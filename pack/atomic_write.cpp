#include "pack/atomic_write.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

namespace skillkit::pack {
namespace fs = std::filesystem;

namespace {

constexpr size_t kChunk = 1 << 20;

std::string temp_name(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  return (path.parent_path() / ("." + path.filename().string() + ".skillkit-" +
                                std::to_string(::getpid()) + "-" + std::to_string(counter++)))
      .string();
}

bool write_all(int fd, std::string_view bytes, const std::function<void(size_t)>& after_chunk,
               std::string& why) {
  size_t done = 0;
  while (done < bytes.size()) {
    const size_t n = std::min(kChunk, bytes.size() - done);
    const ssize_t w = ::write(fd, bytes.data() + done, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      why = std::strerror(errno);
      return false;
    }
    done += static_cast<size_t>(w);
    if (after_chunk) after_chunk(done);
  }
  return true;
}

std::string folder_of(const fs::path& path) {
  const fs::path dir = path.parent_path();
  return dir.empty() ? "." : dir.string();
}

}  // namespace

bool write_atomically(const fs::path& path, std::string_view bytes, std::string& error,
                      const std::function<void(size_t)>& after_chunk) {
  const std::string shown = path.string();
  std::string tmp = temp_name(path);
  std::string why;
  bool have_tmp = false;
  // Preferred: an unnamed file, linked in only when complete.
  int fd = ::open(folder_of(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
    error = "cannot write " + shown + ": " + std::strerror(errno);
    return false;
  }
  if (fd >= 0) {
    if (!write_all(fd, bytes, after_chunk, why)) {
      ::close(fd);
      error = "cannot write " + shown + ": " + why;
      return false;
    }
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    have_tmp = ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0;
    ::close(fd);
  }
  if (!have_tmp) {  // no O_TMPFILE or no /proc: a named temporary file, removed on failure
    fd = ::open(tmp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
      error = "cannot write " + shown + ": " + std::strerror(errno);
      return false;
    }
    bool ok = write_all(fd, bytes, after_chunk, why);
    if (::close(fd) != 0 && ok) {
      ok = false;
      why = std::strerror(errno);
    }
    if (!ok) {
      ::unlink(tmp.c_str());
      error = "cannot write " + shown + ": " + why;
      return false;
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    why = std::strerror(errno);
    ::unlink(tmp.c_str());
    error = "cannot write " + shown + ": " + why;
    return false;
  }
  return true;
}

}  // namespace skillkit::pack
