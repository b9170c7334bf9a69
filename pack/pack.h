// Packing one skill folder into the zip DevOps Agent accepts: only the files the skill needs,
// never a script, a refused file type or a file reached through a link out of the folder,
// reproducible to the byte, and never over the size limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pack/ids.h"
#include "pack/zip_writer.h"
#include "skillkit/diagnostic.h"
#include "skillkit/skill.h"

namespace skillkit::pack {

struct PackOptions {
  std::string prefix;  // a folder every entry goes under ("" = files at the zip's root)
  ZipSettings zip;
  std::uint64_t max_zip_bytes = kMaxZipBytes;
  std::uint64_t max_input_bytes = std::uint64_t{512} << 20;  // files read into memory, at most
};

struct PackedFile {
  std::string path;  // relative to the skill folder
  std::string name;  // entry name in the zip (prefix + path)
  std::uint64_t size = 0;
  std::uint64_t compressed = 0;  // 0 until the zip is built
  bool stored = false;
};

struct ExcludedFile {
  std::string path;  // relative to the skill folder; folders end with '/'
  std::string why;   // the pattern that left it out
};

enum class PackStatus {
  Packed,    // `zip` holds the archive
  Refused,   // the guard found files that may never be packed (`findings`)
  TooLarge,  // the finished zip is over the limit (`findings` holds the SK325 finding)
  IoError,   // a file could not be read (`error`)
};

struct PackResult {
  PackStatus status = PackStatus::IoError;
  std::vector<PackedFile> files;  // what goes (or would go) in, in zip order
  std::vector<ExcludedFile> excluded;
  std::vector<Diagnostic> findings;
  std::string error;  // one line, with the file
  std::string zip;    // the archive (Packed; also TooLarge, for its size)
};

/// The skill in `dir` with only what pack needs: its name, its SKILL.md's file name and its
/// files (load_skill without parsing SKILL.md, which lint has done already, or is skipped).
Skill load_skill_files(const std::filesystem::path& dir, std::string display_dir);

/// Packs `skill` (loaded from disk) in memory. Never writes anything.
PackResult pack_skill(const Skill& skill, const PackOptions& options);

/// Checks a --prefix value: empty, or a relative '/'-separated folder path without `.`, `..`,
/// backslashes or empty parts. Returns the prefix with one trailing '/', or sets `error`.
bool normalize_prefix(std::string& prefix, std::string& error);

}  // namespace skillkit::pack
