// The Markdown body as rules need it: links and images with positions, headings, code blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "skillkit/diagnostic.h"

namespace skillkit {

struct MdLink {
  bool image = false;
  std::string url;  // destination as written (not percent-decoded)
  Position pos;     // the `[` or `!` that opens it, in the whole file
};

struct MdHeading {
  int level = 1;
  std::string text;
  int line = 0;  // in the whole file
};

struct MdBody {
  std::vector<MdLink> links;        // links and images outside code, in order
  std::vector<MdHeading> headings;  // in order
  int first_line = 1;               // the body's first line in the file
  int line_count = 0;               // lines in the body
};

/// Parses `body` (which starts at line `first_line` of its file) with cmark-gfm as CommonMark.
/// Code spans and code blocks hold no links; `<scheme:...>` autolinks are links, bare URLs are
/// text (GFM's autolink extension is off: no rule checks them).
MdBody parse_markdown(std::string_view body, int first_line);

}  // namespace skillkit
