// A text file in memory with a line table, to turn byte offsets into line:column positions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "skillkit/diagnostic.h"

namespace skillkit {

class SourceText {
 public:
  SourceText() = default;
  /// Takes the file's raw bytes. A leading UTF-8 BOM is kept in bytes() but not counted in
  /// columns.
  explicit SourceText(std::string bytes);

  const std::string& bytes() const { return bytes_; }
  bool has_bom() const { return bom_; }
  /// Byte offset where the content starts (3 after a BOM, else 0).
  size_t content_begin() const { return bom_ ? 3 : 0; }

  /// Number of lines; a final line ending does not start a new line.
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  /// Line n (1-based) without its line ending (LF, CRLF or CR).
  std::string_view line(int n) const;
  /// Byte offset of the start of line n (1-based).
  size_t line_offset(int n) const;
  /// The position of a byte offset; columns count characters from 1.
  Position position(size_t offset) const;

 private:
  std::string bytes_;
  bool bom_ = false;
  std::vector<size_t> line_starts_;
};

}  // namespace skillkit
