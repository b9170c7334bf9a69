// What a migration reads from Markdown: where each link is written (to rewrite exactly its
// destination, or the whole link), and the first heading and paragraph (for name and
// description).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace skillkit::migrate {

struct ScannedLink {
  bool image = false;
  std::string url;   // as cmark-gfm reads it (the same view `skillkit lint` has)
  int line = 0;      // 1-based line of the link in the text
  size_t begin = 0;  // the whole link `[text](dest)` or `[text][ref]`: bytes [begin, end)
  size_t end = 0;
  size_t dest_begin = 0;  // where the destination is written: in the link itself, or in the
  size_t dest_end = 0;    // reference definition it uses; empty when it could not be found
  std::string text;       // the link text (alt text for an image) as written
};

struct ScannedLinks {
  std::vector<ScannedLink> links;  // links and images outside code, in document order
};

/// Finds every link and image of Markdown `text`, with cmark-gfm (autolinks included).
ScannedLinks scan_links(std::string_view text);

struct Outline {
  std::string first_heading;  // plain text of the first heading; empty when none
  int first_heading_line = 0;
  std::string first_paragraph;  // plain text of the first top-level paragraph; empty when none
  int first_paragraph_line = 0;
};

/// The first heading and the first top-level paragraph of Markdown `text`, as plain text
/// (markup dropped, link and image text kept, line breaks as spaces).
Outline outline(std::string_view text);

/// Replace bytes [begin, end) with `text`.
struct TextEdit {
  size_t begin = 0;
  size_t end = 0;
  std::string text;
};

/// Applies `edits` to `text`. Duplicate edits count once; an edit that overlaps one before it
/// (a link inside a link that became text) is dropped.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace skillkit::migrate
