// A reader for the plain YAML nearly every SKILL.md frontmatter is written in, ~40x faster than
// yaml-cpp (whose scanner costs ~600,000 instructions for a 900-byte frontmatter: a third of a
// whole lint run). It accepts a strict subset and gives up on anything else, and parse_yaml
// then asks yaml-cpp, which stays the reference: tests/core/yaml_simple_test.cpp and the
// yaml_simple_fuzz target check that whenever this reader accepts a text, its tree (values,
// tags, positions) is exactly the one built from yaml-cpp's events.
//
// The subset: block mappings of `key: value` lines indented with spaces, keys of letters,
// digits, `_` and `-`; values that are one-line double- or single-quoted strings without escapes,
// plain scalars (one or several lines, no blank line inside), `>`/`>-`/`|`/`|-` block scalars
// without blank or more-indented lines (more-indented is fine for `|`), nested mappings, empty
// values; blank lines and `#` comment lines between entries. Anything else (sequences, flow
// collections, anchors, tags, escapes, tabs, CR, comments after a value...) is left to yaml-cpp.
#include "skillkit/yaml_simple.h"

#include <cstring>

#include "skillkit/source.h"

namespace skillkit {
namespace {

struct Line {
  size_t begin = 0;  // first byte
  size_t end = 0;    // the '\n' ending it
  size_t indent = 0;
  bool blank = false;    // spaces only
  bool comment = false;  // first non-space character is '#'
};

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// A plain scalar may start with this character here (no indicator: `-?:,[]{}#&*!|>'"%@`).
bool plain_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80 ||
         std::strchr("._/()$+=^~<;", c) != nullptr;
}

bool null_word(std::string_view v) {
  return v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// One line of a plain scalar: no `: ` or ` #` inside and no `:` at its end, which would make
// it a key or start a comment.
bool plain_text_ok(std::string_view s) {
  if (s.empty() || s.back() == ':') return false;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == ':' && s[i + 1] == ' ') return false;
    if (s[i] == ' ' && s[i + 1] == '#') return false;
  }
  return true;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

class Reader {
 public:
  Reader(std::string_view text, size_t base, const SourceText& source)
      : text_(text), base_(base), source_(source) {}

  std::optional<YamlNode> read() {
    if (!split_lines()) return std::nullopt;
    skip_blank_and_comments();
    if (at_ >= lines_.size() || lines_[at_].indent != 0) return std::nullopt;
    YamlNode root = node(YamlNode::Kind::Mapping, lines_[at_].begin, "?");
    if (!mapping(0, root)) return std::nullopt;
    skip_blank_and_comments();
    if (at_ != lines_.size()) return std::nullopt;
    return root;
  }

 private:
  bool split_lines() {
    if (text_.empty() || text_.back() != '\n') return false;
    for (size_t i = 0; i < text_.size(); ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x20 && c != '\n') return false;  // tabs, CR, other controls
      if (c == 0x7f) return false;
      // Line breaks and BOM in YAML 1.1's eyes: NEL, LS, PS, ZWNBSP.
      if (c == 0xc2 && i + 1 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0x85)
        return false;
      if (c == 0xe2 && i + 2 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(text_[i + 2]) & 0xfe) == 0xa8)
        return false;
      if (c == 0xef && i + 2 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0xbb &&
          static_cast<unsigned char>(text_[i + 2]) == 0xbf)
        return false;
    }
    for (size_t begin = 0; begin < text_.size();) {
      Line l;
      l.begin = begin;
      l.end = text_.find('\n', begin);
      while (begin + l.indent < l.end && text_[begin + l.indent] == ' ') ++l.indent;
      l.blank = begin + l.indent == l.end;
      l.comment = !l.blank && text_[begin + l.indent] == '#';
      lines_.push_back(l);
      begin = l.end + 1;
    }
    return true;
  }

  void skip_blank_and_comments() {
    while (at_ < lines_.size() && (lines_[at_].blank || lines_[at_].comment)) ++at_;
  }

  YamlNode node(YamlNode::Kind kind, size_t at, std::string tag) const {
    YamlNode n;
    n.kind = kind;
    n.tag = std::move(tag);
    n.offset = base_ + at;
    n.pos = source_.position(n.offset);
    return n;
  }

  std::string_view rest(const Line& l, size_t from) const {
    return text_.substr(from, l.end - from);
  }

  // The entries of a block mapping whose keys sit at column `indent`, from line at_.
  bool mapping(size_t indent, YamlNode& map) {
    while (true) {
      skip_blank_and_comments();
      if (at_ >= lines_.size() || lines_[at_].indent < indent) return true;
      const Line& line = lines_[at_];
      if (line.indent > indent) return false;
      size_t p = line.begin + line.indent;
      const size_t key_begin = p;
      if (!key_char(text_[p]) || text_[p] == '-') return false;
      while (p < line.end && key_char(text_[p])) ++p;
      if (p >= line.end || text_[p] != ':') return false;
      const std::string_view key = text_.substr(key_begin, p - key_begin);
      YamlEntry entry;
      entry.first = null_word(key) ? node(YamlNode::Kind::Null, key_begin, "?")
                                   : node(YamlNode::Kind::Scalar, key_begin, "?");
      if (entry.first.is_scalar()) entry.first.value = key;
      const size_t colon = p++;
      if (p < line.end && text_[p] != ' ') return false;
      while (p < line.end && text_[p] == ' ') ++p;
      if (!value(indent, line, colon, p, entry.second)) return false;
      map.entries.push_back(std::move(entry));
    }
  }

  // The value of the key on `line` whose colon is at `colon`; its text starts at `p`.
  bool value(size_t indent, const Line& line, size_t colon, size_t p, YamlNode& out) {
    if (p == line.end) {  // empty: a nested mapping, or null
      ++at_;
      skip_blank_and_comments();
      if (at_ < lines_.size() && lines_[at_].indent > indent) {
        out = node(YamlNode::Kind::Mapping, lines_[at_].begin + lines_[at_].indent, "?");
        return mapping(lines_[at_].indent, out);
      }
      out = node(YamlNode::Kind::Null, colon + 1, "?");
      return true;
    }
    const char c = text_[p];
    if (c == '"' || c == '\'') return quoted(line, p, out);
    if (c == '>' || c == '|') return block(indent, line, p, out);
    if (!plain_start(c)) return false;
    return plain(indent, line, p, out);
  }

  bool quoted(const Line& line, size_t p, YamlNode& out) {
    const char q = text_[p];
    const size_t close = text_.find(q, p + 1);
    if (close == std::string_view::npos || close >= line.end) return false;  // multi-line
    const std::string_view inside = text_.substr(p + 1, close - p - 1);
    if (q == '"' && inside.find('\\') != std::string_view::npos) return false;        // escapes
    if (q == '\'' && close + 1 < line.end && text_[close + 1] == '\'') return false;  // ''
    if (!trim_right(rest(line, close + 1)).empty()) return false;  // a comment, or junk
    out = node(YamlNode::Kind::Scalar, p, "!");
    out.value = inside;
    ++at_;
    return true;
  }

  bool plain(size_t indent, const Line& line, size_t p, YamlNode& out) {
    std::string_view first = trim_right(rest(line, p));
    if (!plain_text_ok(first)) return false;
    std::string value(first);
    ++at_;
    // Continuation lines: indented deeper than the key, joined with one space.
    while (at_ < lines_.size() && !lines_[at_].blank && !lines_[at_].comment &&
           lines_[at_].indent > indent) {
      const Line& more = lines_[at_];
      const std::string_view text = trim_right(rest(more, more.begin + more.indent));
      if (!plain_start(text[0]) || !plain_text_ok(text)) return false;
      value += ' ';
      value += text;
      ++at_;
    }
    if (!continues_after_gap(indent)) return false;
    if (value.size() == first.size() && null_word(value)) {
      out = node(YamlNode::Kind::Null, p, "?");
      return true;
    }
    out = node(YamlNode::Kind::Scalar, p, "?");
    out.value = std::move(value);
    return true;
  }

  // After blank or comment lines, a line deeper than `indent` would continue the value with a
  // line break folded in: not in the subset.
  bool continues_after_gap(size_t indent) {
    size_t next = at_;
    while (next < lines_.size() && (lines_[next].blank || lines_[next].comment)) ++next;
    return !(next > at_ && next < lines_.size() && lines_[next].indent > indent);
  }

  bool block(size_t indent, const Line& line, size_t p, YamlNode& out) {
    const bool folded = text_[p] == '>';
    const std::string_view header = trim_right(rest(line, p));
    if (header.size() > 2 || (header.size() == 2 && header[1] != '-')) return false;
    const bool strip = header.size() == 2;
    ++at_;
    if (at_ >= lines_.size() || lines_[at_].blank || lines_[at_].indent <= indent) return false;
    const size_t content = lines_[at_].indent;
    std::string value;
    bool first = true;
    while (at_ < lines_.size() && !lines_[at_].blank && lines_[at_].indent >= content) {
      const Line& l = lines_[at_];
      if (folded && l.indent != content) return false;  // more-indented lines keep their breaks
      if (!first) value += folded ? ' ' : '\n';
      value += rest(l, l.begin + content);
      first = false;
      ++at_;
    }
    // Trailing blank lines are dropped by the clip and strip chompings, unless content follows.
    size_t next = at_;
    while (next < lines_.size() && lines_[next].blank) ++next;
    if (next > at_ && next < lines_.size() && lines_[next].indent >= content) return false;
    if (!strip) value += '\n';
    out = node(YamlNode::Kind::Scalar, p, "!");
    out.value = std::move(value);
    return true;
  }

  std::string_view text_;
  size_t base_;
  const SourceText& source_;
  std::vector<Line> lines_;
  size_t at_ = 0;
};

}  // namespace

std::optional<YamlNode> parse_simple_yaml(std::string_view text, size_t base_offset,
                                          const SourceText& source) {
  return Reader(text, base_offset, source).read();
}

}  // namespace skillkit
