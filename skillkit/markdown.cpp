#include "skillkit/markdown.h"

#include "skillkit/utf8.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>

namespace skillkit {
namespace {

std::string text_of(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
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

MdBody parse_markdown(std::string_view body, int first_line) {
  MdBody result;
  result.first_line = first_line;
  result.line_count = static_cast<int>(std::count(body.begin(), body.end(), '\n'));
  if (!body.empty() && body.back() != '\n') ++result.line_count;

  // Plain CommonMark, no GFM extensions: tables, strikethrough and task lists change no link
  // destination or heading the rules read, and the autolink extension only adds bare
  // http/www/e-mail links, which no rule checks; attaching them made parsing ~40% slower.
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
      cmark_parser_new(CMARK_OPT_SOURCEPOS), &cmark_parser_free);
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()),
                                                              &cmark_node_free);

  // cmark counts columns in bytes; positions in skillkit count characters.
  std::vector<size_t> line_starts{0};
  for (size_t i = body.find('\n'); i != std::string_view::npos; i = body.find('\n', i + 1))
    line_starts.push_back(i + 1);
  auto line_start = [&](int line) {
    return line_starts[std::min(static_cast<size_t>(line - 1), line_starts.size() - 1)];
  };
  auto char_column = [&](int line, int byte_column) {
    const size_t start = line_start(line);
    const size_t len = std::min(static_cast<size_t>(byte_column - 1), body.size() - start);
    return static_cast<int>(utf8::length(body.substr(start, len))) + 1;
  };
  // cmark-gfm 0.29 puts a `<scheme:...>` autolink on the right line but counts its column from
  // the paragraph's first line (a link on line 2 after a 30-byte line 1 is 31 columns off).
  // Such a link is found again on its line: the first `<` + its text after the last one found.
  int last_line = 0, last_column = 0;
  auto autolink_column = [&](cmark_node* node, int line, int column) {
    const size_t start = line_start(line);
    const std::string_view text = body.substr(start, body.find('\n', start) - start);
    const size_t at = static_cast<size_t>(column - 1);
    if (at < text.size() && (text[at] == '[' || text[at] == '<')) return column;
    cmark_node* child = cmark_node_first_child(node);
    const char* literal = child ? cmark_node_get_literal(child) : nullptr;
    const std::string wanted = "<" + std::string(literal ? literal : "");
    const size_t from = line == last_line ? static_cast<size_t>(last_column) : 0;
    const size_t found = text.find(wanted, from);
    if (found == std::string_view::npos) return column;
    last_line = line;
    last_column = static_cast<int>(found) + 1;
    return static_cast<int>(found) + 1;
  };

  cmark_iter* it = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(node);
    const int line = cmark_node_get_start_line(node);
    int column = cmark_node_get_start_column(node);
    if (type == CMARK_NODE_LINK && line > 0 && column > 0)
      column = autolink_column(node, line, column);
    const Position pos = line > 0 && column > 0
                             ? Position{line + first_line - 1, char_column(line, column)}
                             : Position{};
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(node);
      result.links.push_back({type == CMARK_NODE_IMAGE, url ? url : "", pos});
    } else if (type == CMARK_NODE_HEADING) {
      result.headings.push_back({cmark_node_get_heading_level(node), text_of(node), pos.line});
    }
  }
  cmark_iter_free(it);
  return result;
}

}  // namespace skillkit
