// Test helpers: a temporary folder removed at the end of the test, and small file writers.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace skillkit::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "skillkit-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view rel) const { return path_ / rel; }

 private:
  std::filesystem::path path_;
};

/// Writes `content` to `path`, creating parent folders.
inline void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Materializes a rule example (SKILL.md text, or "=== path\n" sections) as a skill folder.
inline void write_example(const std::filesystem::path& dir, std::string_view text) {
  if (text.substr(0, 4) != "=== ") {
    write_file(dir / "SKILL.md", text);
    return;
  }
  while (text.substr(0, 4) == "=== ") {
    const size_t nl = text.find('\n');
    const std::string name(text.substr(4, nl - 4));
    text.remove_prefix(nl + 1);
    const size_t next = text.find("\n=== ");
    const std::string_view body = next == std::string_view::npos ? text : text.substr(0, next + 1);
    write_file(dir / name, body);
    text.remove_prefix(body.size());
  }
}

}  // namespace skillkit::testing
