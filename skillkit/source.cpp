#include "skillkit/source.h"

#include <algorithm>

#include "skillkit/utf8.h"

namespace skillkit {

SourceText::SourceText(std::string bytes) : bytes_(std::move(bytes)) {
  bom_ = bytes_.size() >= 3 && bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0;
  const size_t begin = content_begin();
  line_starts_.push_back(begin);
  const std::string_view b = bytes_;
  if (b.find('\r', begin) == std::string_view::npos) {  // the usual LF-only file: memchr
    for (size_t i = b.find('\n', begin); i != std::string_view::npos; i = b.find('\n', i + 1))
      if (i + 1 < b.size()) line_starts_.push_back(i + 1);
    return;
  }
  for (size_t i = begin; i < bytes_.size(); ++i) {
    // A line ends at LF, at CRLF, or at a lone CR (which we also report elsewhere).
    if (bytes_[i] == '\n' ||
        (bytes_[i] == '\r' && (i + 1 >= bytes_.size() || bytes_[i + 1] != '\n'))) {
      if (i + 1 < bytes_.size()) line_starts_.push_back(i + 1);
    }
  }
}

size_t SourceText::line_offset(int n) const {
  if (n < 1) return content_begin();
  if (n > line_count()) return bytes_.size();
  return line_starts_[static_cast<size_t>(n - 1)];
}

std::string_view SourceText::line(int n) const {
  if (n < 1 || n > line_count()) return {};
  const size_t begin = line_offset(n);
  size_t end = n < line_count() ? line_offset(n + 1) : bytes_.size();
  while (end > begin && (bytes_[end - 1] == '\n' || bytes_[end - 1] == '\r')) --end;
  return std::string_view(bytes_).substr(begin, end - begin);
}

Position SourceText::position(size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line_index =
      it == line_starts_.begin() ? 0 : static_cast<size_t>(it - line_starts_.begin() - 1);
  const size_t start = line_starts_[line_index];
  const size_t col =
      offset > start ? utf8::length(std::string_view(bytes_).substr(start, offset - start)) : 0;
  return {static_cast<int>(line_index + 1), static_cast<int>(col + 1)};
}

}  // namespace skillkit
