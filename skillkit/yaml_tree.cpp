#include "skillkit/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <initializer_list>
#include <sstream>

#include "skillkit/source.h"
#include "skillkit/yaml_simple.h"

namespace skillkit {

namespace {

// Hand-written equivalents of the YAML core-schema regexes (whole-value matches). std::regex
// cost ~3% of a lint run; these are exact translations, alternative by alternative.
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool one_of(std::string_view v, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (v == w) return true;
  return false;
}

// ~|null|Null|NULL
bool is_null_word(std::string_view v) {
  return one_of(v, {"~", "null", "Null", "NULL"});
}

// true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N
bool is_bool_word(std::string_view v) {
  return one_of(
      v, {"true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No",
          "NO",   "on",   "On",   "ON",    "off",   "Off",   "OFF", "y",   "Y",   "n",  "N"});
}

// [-+]?(0|[1-9][0-9_]*)|0o[0-7]+|0x[0-9a-fA-F]+
bool is_int(std::string_view v) {
  if (v.size() > 2 && v[0] == '0' && v[1] == 'o')
    return std::all_of(v.begin() + 2, v.end(), [](char c) { return c >= '0' && c <= '7'; });
  if (v.size() > 2 && v[0] == '0' && v[1] == 'x')
    return std::all_of(v.begin() + 2, v.end(), is_hex);
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  if (v == "0") return true;
  if (v.empty() || v[0] < '1' || v[0] > '9') return false;
  return std::all_of(v.begin() + 1, v.end(), [](char c) { return is_digit(c) || c == '_'; });
}

// [-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)
bool is_float(std::string_view v) {
  if (one_of(v, {".nan", ".NaN", ".NAN"})) return true;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  if (one_of(v, {".inf", ".Inf", ".INF"})) return true;
  size_t i = 0;
  if (i < v.size() && v[i] == '.') {
    ++i;
    const size_t digits = i;
    while (i < v.size() && is_digit(v[i])) ++i;
    if (i == digits) return false;
  } else if (i < v.size() && is_digit(v[i])) {
    ++i;
    while (i < v.size() && (is_digit(v[i]) || v[i] == '_')) ++i;
    if (i < v.size() && v[i] == '.') {
      ++i;
      while (i < v.size() && (is_digit(v[i]) || v[i] == '_')) ++i;
    }
  } else {
    return false;
  }
  if (i == v.size()) return true;
  if (v[i] != 'e' && v[i] != 'E') return false;
  ++i;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  const size_t exponent = i;
  while (i < v.size() && is_digit(v[i])) ++i;
  return i > exponent && i == v.size();
}

// [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9:.+\-Z ]*)?
bool is_timestamp(std::string_view v) {
  size_t i = 0;
  auto digits = [&](size_t min, size_t max) {
    const size_t start = i;
    while (i < v.size() && i - start < max && is_digit(v[i])) ++i;
    return i - start >= min;
  };
  if (!digits(4, 4) || i >= v.size() || v[i++] != '-') return false;
  if (!digits(1, 2) || i >= v.size() || v[i++] != '-') return false;
  if (!digits(1, 2)) return false;
  if (i == v.size()) return true;
  if (v[i] != 'T' && v[i] != 't' && v[i] != ' ') return false;
  for (++i; i < v.size(); ++i)
    if (!is_digit(v[i]) && std::string_view(":.+-Z ").find(v[i]) == std::string_view::npos)
      return false;
  return true;
}

}  // namespace

const YamlEntry* YamlNode::find_entry(std::string_view key) const {
  for (const auto& entry : entries)
    if (entry.first.is_scalar() && entry.first.value == key) return &entry;
  return nullptr;
}

const YamlNode* YamlNode::find(std::string_view key) const {
  const auto* entry = find_entry(key);
  return entry ? &entry->second : nullptr;
}

std::string_view YamlNode::resolved_type() const {
  switch (kind) {
    case Kind::Null:
      return "null";
    case Kind::Sequence:
      return "sequence";
    case Kind::Mapping:
      return "mapping";
    case Kind::Alias:
      return "alias";
    case Kind::Scalar:
      break;
  }
  if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "!!str") return "string";
  if (tag != "?") return "string";         // an explicit tag other than !!str: the reader decides
  if (value.size() > 64) return "string";  // no number or keyword is that long
  if (is_null_word(value)) return "null";
  if (is_bool_word(value)) return "bool";
  if (is_int(value)) return "int";
  if (is_float(value)) return "float";
  if (is_timestamp(value)) return "timestamp";
  return "string";
}

namespace {

// Builds YamlNode trees from yaml-cpp's event stream. Aliases become Alias nodes and are never
// resolved, so an alias bomb costs nothing.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(size_t base, const SourceText& source) : base_(base), source_(source) {}

  std::optional<YamlNode> root;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(make(YamlNode::Kind::Null, mark, "?", anchor));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    add(make(YamlNode::Kind::Alias, mark, "?", 0));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node = make(YamlNode::Kind::Scalar, mark, tag, anchor);
    node.value = value;
    add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(make(YamlNode::Kind::Sequence, mark, tag, anchor), style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(make(YamlNode::Kind::Mapping, mark, tag, anchor), style);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    std::optional<YamlNode> pending_key;
  };

  YamlNode make(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor) const {
    YamlNode node;
    node.kind = kind;
    node.tag = tag.empty() ? "?" : tag;
    node.anchored = anchor != 0;
    node.offset = base_ + static_cast<size_t>(mark.pos);
    node.pos = source_.position(node.offset);
    return node;
  }
  void open(YamlNode node, YAML::EmitterStyle::value style) {
    node.flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back({std::move(node), std::nullopt});
  }
  void close() {
    YamlNode done = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(done));
  }
  void add(YamlNode node) {
    if (stack_.empty()) {
      if (documents == 1 && !root) root = std::move(node);
      return;
    }
    Open& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::Sequence) {
      top.node.items.push_back(std::move(node));
    } else if (!top.pending_key) {
      top.pending_key = std::move(node);
    } else {
      // yaml-cpp marks an empty value (`key:`) at the next token, often on a later line; put
      // it just after the key's colon, where the reader sees it.
      if (node.kind == YamlNode::Kind::Null && node.pos.line > top.pending_key->pos.line) {
        const std::string& bytes = source_.bytes();
        const size_t colon =
            bytes.find(':', top.pending_key->offset + top.pending_key->value.size());
        const size_t eol = bytes.find('\n', top.pending_key->offset);
        if (colon != std::string::npos && colon < eol) {
          node.offset = colon + 1;
          node.pos = source_.position(node.offset);
        }
      }
      top.node.entries.push_back({std::move(*top.pending_key), std::move(node)});
      top.pending_key.reset();
    }
  }

  size_t base_;
  const SourceText& source_;
  std::vector<Open> stack_;
};

}  // namespace

YamlParse parse_yaml(std::string_view text, size_t base_offset, const SourceText& source) {
  YamlParse result;
  if (std::optional<YamlNode> simple = parse_simple_yaml(text, base_offset, source)) {
    result.root = std::move(simple);
    return result;
  }
  return parse_yaml_with_yaml_cpp(text, base_offset, source);
}

YamlParse parse_yaml_with_yaml_cpp(std::string_view text, size_t base_offset,
                                   const SourceText& source) {
  YamlParse result;
  std::istringstream in{std::string(text)};
  TreeBuilder builder(base_offset, source);
  try {
    YAML::Parser parser(in);
    // yaml-cpp 0.7 never consumes a `,` outside a flow collection and returns empty documents
    // forever (found by fuzzing): read a bounded number of documents and call the rest an error.
    constexpr int kMaxDocuments = 8;
    int calls = 0;
    while (parser.HandleNextDocument(builder)) {
      if (++calls < kMaxDocuments) continue;
      result.ok = false;
      result.error = "unexpected `,` outside a `[...]` or `{...}` collection";
      size_t at = 0;
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',' &&
            (i == 0 || text.find_last_not_of(" \t", i - 1) == std::string_view::npos ||
             text[text.find_last_not_of(" \t", i - 1)] == '\n')) {
          at = i;
          break;
        }
      }
      result.error_offset = base_offset + at;
      break;
    }
  } catch (const YAML::Exception& e) {
    result.ok = false;
    result.error = e.msg;
    result.error_offset =
        base_offset + std::min(static_cast<size_t>(std::max(e.mark.pos, 0)), text.size());
  }
  result.root = std::move(builder.root);
  result.extra_documents = builder.documents > 1 ? builder.documents - 1 : 0;
  return result;
}

}  // namespace skillkit
