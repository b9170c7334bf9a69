#include "migrate/md_scan.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace skillkit::migrate {
namespace {

std::string normalize_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (char c : label) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// Index of the `]` that closes the `[` at `open`, skipping escapes and code spans.
std::optional<size_t> closing_bracket(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      ++i;
    } else if (c == '`') {
      size_t run = 1;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      const size_t close = s.find(std::string(run, '`'), i + run);
      if (close != std::string_view::npos)
        i = close + run - 1;
      else
        i += run - 1;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && --depth == 0) {
      return i;
    }
  }
  return std::nullopt;
}

// The destination of an inline link `(dest "title")` whose `(` is at `paren`: [begin, end).
std::optional<std::pair<size_t, size_t>> inline_destination(std::string_view s, size_t paren) {
  size_t i = paren + 1;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
  if (i < s.size() && s[i] == '<') {
    const size_t close = s.find('>', i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    return std::make_pair(i + 1, close);
  }
  const size_t begin = i;
  int depth = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\')
      ++i;
    else if (c == ' ' || c == '\t' || c == '\n')
      break;
    else if (c == '(')
      ++depth;
    else if (c == ')' && depth-- == 0)
      break;
  }
  return std::make_pair(begin, std::min(i, s.size()));
}

struct Definition {
  size_t dest_begin = 0, dest_end = 0;
};

// Link reference definitions `[label]: dest` on lines outside code and HTML blocks.
std::map<std::string, Definition> find_definitions(std::string_view text,
                                                   const std::vector<size_t>& line_starts,
                                                   const std::set<int>& skip_lines) {
  std::map<std::string, Definition> defs;
  for (size_t n = 0; n < line_starts.size(); ++n) {
    if (skip_lines.count(static_cast<int>(n) + 1)) continue;
    const size_t start = line_starts[n];
    const size_t end = n + 1 < line_starts.size() ? line_starts[n + 1] : text.size();
    const std::string_view line = text.substr(start, end - start);
    size_t i = 0;
    while (i < 3 && i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size() || line[i] != '[') continue;
    const auto close = closing_bracket(line, i);
    if (!close || *close + 1 >= line.size() || line[*close + 1] != ':') continue;
    size_t d = *close + 2;
    while (d < line.size() && (line[d] == ' ' || line[d] == '\t')) ++d;
    if (d >= line.size() || line[d] == '\n' || line[d] == '\r') continue;  // dest on next line
    size_t dend = d;
    if (line[d] == '<') {
      dend = line.find('>', d + 1);
      if (dend == std::string_view::npos) continue;
      ++d;
    } else {
      while (dend < line.size() && line[dend] != ' ' && line[dend] != '\t' && line[dend] != '\n' &&
             line[dend] != '\r')
        ++dend;
    }
    const std::string label = normalize_label(line.substr(i + 1, *close - i - 1));
    defs.emplace(label, Definition{start + d, start + dend});  // the first definition wins
  }
  return defs;
}

using Document = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

// Parses with the same extensions as `skillkit lint`, so both see the same links.
Document parse_gfm(std::string_view text) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
      cmark_parser_new(CMARK_OPT_SOURCEPOS), &cmark_parser_free);
  for (const char* name : {"table", "autolink", "strikethrough", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  // cmark-gfm reads a NUL byte as U+FFFD (3 bytes), which shifts every column after it: the
  // link edits then hit the wrong bytes (found by fuzzing). Another 1-byte character in its
  // place keeps cmark's positions equal to ours.
  if (text.find('\0') != std::string_view::npos) {
    std::string copy(text);
    std::replace(copy.begin(), copy.end(), '\0', '\x1a');
    cmark_parser_feed(parser.get(), copy.data(), copy.size());
  } else {
    cmark_parser_feed(parser.get(), text.data(), text.size());
  }
  return Document(cmark_parser_finish(parser.get()), &cmark_node_free);
}

std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* s = cmark_node_get_literal(n)) out += s;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  cmark_iter_free(it);
  return out;
}

}  // namespace

Outline outline(std::string_view text) {
  const Document doc = parse_gfm(text);
  Outline result;
  for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) {
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING && result.first_heading_line == 0) {
      result.first_heading = plain_text(n);
      result.first_heading_line = cmark_node_get_start_line(n);
    } else if (type == CMARK_NODE_PARAGRAPH && result.first_paragraph_line == 0) {
      result.first_paragraph = plain_text(n);
      result.first_paragraph_line = cmark_node_get_start_line(n);
    }
  }
  return result;
}

ScannedLinks scan_links(std::string_view text) {
  const Document doc = parse_gfm(text);

  std::vector<size_t> line_starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' && i + 1 < text.size()) line_starts.push_back(i + 1);
  auto offset = [&](int line, int column) {
    const size_t start = line_starts[std::clamp<size_t>(line, 1, line_starts.size()) - 1];
    return std::min(start + static_cast<size_t>(std::max(column, 1) - 1), text.size());
  };

  struct Found {
    bool image;
    std::string url;
    int line;
    size_t begin, end;
  };
  std::vector<Found> found;
  std::set<int> skip_lines;
  cmark_iter* it = cmark_iter_new(doc.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(node);
    const int line = cmark_node_get_start_line(node);
    if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK) {
      for (int n = line; n <= cmark_node_get_end_line(node); ++n) skip_lines.insert(n);
    } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(node);
      found.push_back({type == CMARK_NODE_IMAGE, url ? url : "", line,
                       offset(line, cmark_node_get_start_column(node)),
                       offset(cmark_node_get_end_line(node), cmark_node_get_end_column(node) + 1)});
    }
  }
  cmark_iter_free(it);

  const auto defs = find_definitions(text, line_starts, skip_lines);
  ScannedLinks result;
  for (const Found& f : found) {
    ScannedLink link{f.image, f.url, f.line, f.begin, f.end, 0, 0, ""};
    const std::string_view span = text.substr(f.begin, f.end - f.begin);
    const size_t open = f.image ? 1 : 0;
    const auto close = span.size() > open && span[open] == '[' ? closing_bracket(span, open)
                                                               : std::optional<size_t>();
    if (close) {
      link.text = std::string(span.substr(open + 1, *close - open - 1));
      const std::string_view rest = span.substr(*close + 1);
      if (rest.starts_with('(')) {
        if (auto dest = inline_destination(span, *close + 1)) {
          link.dest_begin = f.begin + dest->first;
          link.dest_end = f.begin + dest->second;
        }
      } else {
        std::string label = link.text;
        if (rest.starts_with('[') && rest.size() > 2) label = rest.substr(1, rest.size() - 2);
        if (auto d = defs.find(normalize_label(label)); d != defs.end()) {
          link.dest_begin = d->second.dest_begin;
          link.dest_end = d->second.dest_end;
        }
      }
    }
    result.links.push_back(std::move(link));
  }
  return result;
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  size_t at = 0;
  for (const TextEdit& e : edits) {
    if (e.begin < at) continue;  // a duplicate, or inside an edit already made
    out.append(text.substr(at, e.begin - at));
    out += e.text;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace skillkit::migrate
