#include "skillkit/markdown.h"

#include "skillkit/utf8.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

namespace skillkit {
namespace {

// A bump allocator for one cmark parse, per thread: cmark makes thousands of small nodes and
// string buffers per document and frees them one by one afterwards, which cost as much as the
// parsing itself. Here free() does nothing and the whole document is dropped at once when the
// next parse starts. (cmark-gfm's own arena allocator is one global: not for threads.)
// Sanitizer builds keep the system allocator so that ASan still sees cmark's memory.
#if defined(__SANITIZE_ADDRESS__)  // GCC
constexpr bool kUseArena = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)  // Clang (the fuzz targets)
constexpr bool kUseArena = false;
#else
constexpr bool kUseArena = true;
#endif
#else
constexpr bool kUseArena = true;
#endif

class Arena {
 public:
  void* allocate(size_t size) {
    const size_t need = kHeader + ((size + 15) & ~size_t{15});
    if (need < size) throw std::bad_alloc();  // overflow
    if (blocks_.empty() || used_ + need > capacity_) grow(need);
    char* p = blocks_.back().get() + used_;
    used_ += need;
    std::memcpy(p, &size, sizeof size);
    last_ = p + kHeader;
    return last_;
  }
  void* reallocate(void* old, size_t size) {
    if (old == nullptr) return allocate(size);
    size_t old_size;
    std::memcpy(&old_size, static_cast<char*>(old) - kHeader, sizeof old_size);
    if (size <= old_size) return old;
    // The last allocation grows in place when its block has room (cmark's growing buffers).
    const size_t need = (size + 15) & ~size_t{15};
    char* block = blocks_.back().get();
    if (old == last_ && need >= size && static_cast<size_t>(last_ - block) + need <= capacity_) {
      used_ = static_cast<size_t>(last_ - block) + need;
      std::memcpy(last_ - kHeader, &size, sizeof size);
      return old;
    }
    void* fresh = allocate(size);
    std::memcpy(fresh, old, old_size);
    return fresh;
  }
  /// Drops every allocation; keeps one block for the next document.
  void reset() {
    if (blocks_.size() > 1) {
      std::unique_ptr<char[]> keep = std::move(blocks_.front());
      const size_t keep_capacity = first_capacity_;
      blocks_.clear();
      blocks_.push_back(std::move(keep));
      capacity_ = keep_capacity;
    }
    used_ = 0;
    last_ = nullptr;
  }

 private:
  static constexpr size_t kHeader = 16;  // the size, keeping 16-byte alignment
  static constexpr size_t kBlock = 1u << 20;
  void grow(size_t need) {
    capacity_ = std::max(kBlock, need);
    blocks_.push_back(std::unique_ptr<char[]>(new char[capacity_]));
    if (blocks_.size() == 1) first_capacity_ = capacity_;
    used_ = 0;
  }
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0, capacity_ = 0, first_capacity_ = 0;
  char* last_ = nullptr;
};

thread_local Arena t_arena;

void* arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > static_cast<size_t>(-1) / size) return nullptr;
  void* p = t_arena.allocate(count * size);
  std::memset(p, 0, count * size);
  return p;
}
void* arena_realloc(void* p, size_t size) {
  return t_arena.reallocate(p, size);
}
void arena_free(void*) {}

cmark_mem kArenaMem = {arena_calloc, arena_realloc, arena_free};

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
  if (kUseArena) t_arena.reset();
  cmark_mem* mem = kUseArena ? &kArenaMem : cmark_get_default_mem_allocator();
  // With the arena, freeing the tree and parser only walks them: the next reset drops them.
  auto free_parser = kUseArena ? +[](cmark_parser*) {} : &cmark_parser_free;
  auto free_node = kUseArena ? +[](cmark_node*) {} : &cmark_node_free;
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(
      cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, mem), free_parser);
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(cmark_parser_finish(parser.get()),
                                                         free_node);

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
