#include "skillkit/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <regex>
#include <sstream>

#include "skillkit/source.h"

namespace skillkit {

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
  if (tag != "?") return "string";  // an explicit tag other than !!str: the reader decides
  static const std::regex null_re("~|null|Null|NULL");
  static const std::regex bool_re(
      "true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N");
  static const std::regex int_re("[-+]?(0|[1-9][0-9_]*)|0o[0-7]+|0x[0-9a-fA-F]+");
  static const std::regex float_re(
      "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|"
      "NaN|NAN)");
  static const std::regex time_re("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9:.+\\-Z ]*)?");
  if (value.size() > 64) return "string";  // no number or keyword is that long
  if (std::regex_match(value, null_re)) return "null";
  if (std::regex_match(value, bool_re)) return "bool";
  if (std::regex_match(value, int_re)) return "int";
  if (std::regex_match(value, float_re)) return "float";
  if (std::regex_match(value, time_re)) return "timestamp";
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
        const size_t colon = bytes.find(':', top.pending_key->offset + top.pending_key->value.size());
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
        if (text[i] == ',' && (i == 0 || text.find_last_not_of(" \t", i - 1) == std::string_view::npos ||
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
