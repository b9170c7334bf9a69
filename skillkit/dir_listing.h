// Folder listings straight from getdents64: std::filesystem makes a path object per entry and
// opendir/readdir an allocation and two fcntl calls per folder, which cost more than the listing
// itself when linting thousands of small skills.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace skillkit {

struct Listed {
  std::string name;
  unsigned char type = 0;  // DT_* of <dirent.h>; DT_UNKNOWN where the file system gives none
};

/// Appends every entry of the open folder `fd` but "." and ".." to `out`. False on an error
/// (what was read before it is kept).
bool read_entries(int fd, std::vector<Listed>& out);

/// Lists the folder at `dir`; on an error `out` holds what was read and the error is returned.
std::error_code list_dir(const std::filesystem::path& dir, std::vector<Listed>& out);

/// Whether an entry's name is `SKILL.md` in any case.
bool is_skill_md_name(std::string_view name);

}  // namespace skillkit
