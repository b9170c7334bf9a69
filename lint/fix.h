// Applies the mechanical edits carried by findings (`--fix`), atomically per file.
#pragma once

#include <string>
#include <vector>

#include "skillkit/diagnostic.h"

namespace skillkit {

struct FixResult {
  size_t files_changed = 0;
  size_t edits_applied = 0;
  std::vector<std::string> errors;  // "file: message"
};

/// Applies every finding's edit. Overlapping edits in one file keep the first and skip the
/// rest (the next run fixes them). Each file is written to a temporary file and renamed.
FixResult apply_fixes(const std::vector<Diagnostic>& diagnostics);

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, keeping
/// the file's permissions: readers see the old or the new file, never a half-written one.
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& error);

}  // namespace skillkit
