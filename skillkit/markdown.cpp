#include "skillkit/markdown.h"

#include "skillkit/utf8.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <mutex>

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
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  MdBody result;
  result.first_line = first_line;
  for (char c : body) result.line_count += c == '\n';
  if (!body.empty() && body.back() != '\n') ++result.line_count;

  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
      cmark_parser_new(CMARK_OPT_SOURCEPOS), &cmark_parser_free);
  for (const char* name : {"table", "autolink", "strikethrough", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()),
                                                              &cmark_node_free);

  // cmark counts columns in bytes; positions in skillkit count characters.
  std::vector<size_t> line_starts{0};
  for (size_t i = 0; i < body.size(); ++i)
    if (body[i] == '\n') line_starts.push_back(i + 1);
  auto char_column = [&](int line, int byte_column) {
    const size_t start =
        line_starts[std::min(static_cast<size_t>(line - 1), line_starts.size() - 1)];
    const size_t len = std::min(static_cast<size_t>(byte_column - 1), body.size() - start);
    return static_cast<int>(utf8::length(body.substr(start, len))) + 1;
  };

  cmark_iter* it = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(node);
    const int line = cmark_node_get_start_line(node);
    const int column = cmark_node_get_start_column(node);
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
