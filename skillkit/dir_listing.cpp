#include "skillkit/dir_listing.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace skillkit {

bool read_entries(int fd, std::vector<Listed>& out) {
  alignas(struct dirent64) char buf[16384];
  while (true) {
    const ssize_t n = ::getdents64(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    for (ssize_t off = 0; off < n;) {
      const auto* d = reinterpret_cast<const struct dirent64*>(buf + off);
      off += d->d_reclen;
      const char* name = d->d_name;
      if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
      out.push_back({name, d->d_type});
    }
  }
}

std::error_code list_dir(const std::filesystem::path& dir, std::vector<Listed>& out) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return {errno, std::generic_category()};
  std::error_code ec;
  if (!read_entries(fd, out)) ec.assign(errno, std::generic_category());
  ::close(fd);
  return ec;
}

bool is_skill_md_name(std::string_view name) {
  if (name.size() != 8) return false;
  static constexpr std::string_view kLower = "skill.md";
  for (size_t i = 0; i < 8; ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kLower[i]) return false;
  }
  return true;
}

}  // namespace skillkit
