// Shared by the migrate fuzz targets: the converters read runbooks from files, so each input is
// written to one file in a private temp folder (made once per process, reused for every input).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "migrate/draft.h"

namespace skillkit::migrate::fuzz {

inline const std::filesystem::path& work_dir() {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "skillkit-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    const std::filesystem::path made = tmpl;
    // Removed at exit; a crash leaves one small folder behind.
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(work_dir(), ec);
    });
    return made;
  }();
  return dir;
}

/// Writes `bytes` as work_dir()/`name` and returns the input that names it.
inline RunbookInput write_input(std::string_view name, std::string_view bytes,
                                RunbookInput::Kind kind) {
  RunbookInput input;
  input.path = work_dir() / std::string(name);
  input.display = std::string(name);
  input.root = work_dir();
  input.kind = kind;
  std::ofstream(input.path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return input;
}

/// The draft must be whole: a name or an error, and a body ending in one newline when it holds
/// one.
inline void check_draft(const SkillDraft& draft) {
  if (draft.name.empty() && !draft.failed()) __builtin_trap();
  if (!draft.body.empty() && draft.body.back() != '\n') __builtin_trap();
}

}  // namespace skillkit::migrate::fuzz
