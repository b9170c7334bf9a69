// Skill folders on disk for the sync and CLI tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace skillkit::upload::testing_support {

/// A temporary folder removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "skillkit-sync-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

/// A lint-clean skill folder `root/name`, whose body includes `body`.
inline std::filesystem::path write_skill(const std::filesystem::path& root, const std::string& name,
                                         const std::string& body = "Check the thing.",
                                         const std::string& metadata = "") {
  std::filesystem::path dir = root / name;
  write_file(dir / "SKILL.md",
             "---\nname: " + name + "\ndescription: Use this skill when investigating " + name +
                 " problems in production, to find the cause quickly and safely.\n" +
                 (metadata.empty() ? "" : "metadata:\n" + metadata) + "---\n\n# " + name + "\n\n" +
                 body + "\n");
  return dir;
}

}  // namespace skillkit::upload::testing_support
