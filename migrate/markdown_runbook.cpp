#include "migrate/markdown_runbook.h"

#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <set>

#include "migrate/description.h"
#include "migrate/links.h"
#include "migrate/md_scan.h"
#include "migrate/names.h"
#include "skillkit/skill_md.h"

namespace skillkit::migrate {
namespace fs = std::filesystem;
namespace {

// Top-level keys of the open format that stay where they are (name and description are
// rebuilt; metadata is merged).
const std::set<std::string> kKeptFields = {"license", "compatibility", "allowed-tools"};

// A frontmatter value as a metadata string: a scalar as written, a list of scalars joined
// with ", "; nullopt for anything else (mappings, nested lists, aliases, null).
std::optional<std::string> as_string(const YamlNode& node) {
  if (node.is_scalar()) return node.value;
  if (!node.is_sequence()) return std::nullopt;
  std::string out;
  for (const YamlNode& item : node.items) {
    if (!item.is_scalar()) return std::nullopt;
    out += (out.empty() ? "" : ", ") + item.value;
  }
  return out;
}

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "empty";
    case YamlNode::Kind::Mapping:
      return "a mapping";
    case YamlNode::Kind::Sequence:
      return "a list that is not all plain values";
    case YamlNode::Kind::Alias:
      return "an alias";
    case YamlNode::Kind::Scalar:
      return "a value";
  }
  return "a value";
}

// Normalizes line ends to LF: a skill is read the same way on every platform.
std::string to_lf(std::string_view text, bool& changed) {
  std::string out;
  out.reserve(text.size());
  changed = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
      continue;
    }
    changed = true;
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

struct Frontmatter {
  std::optional<std::string> name, title, description, summary;
};

// Reads the runbook's frontmatter into the draft: skill fields kept, other fields moved into
// metadata as strings, the rest reported. Returns the name and description candidates.
Frontmatter read_frontmatter(const YamlNode& root, SkillDraft& draft) {
  Frontmatter fm;
  std::set<std::string> seen_keys, meta_keys;
  auto add_meta = [&](const std::string& key, const YamlNode& value, std::string_view what) {
    const std::optional<std::string> text = as_string(value);
    if (!text) {
      draft.warn(fmt::format("frontmatter `{}` is {}; not moved into metadata (edit it by hand)",
                             what, describe(value)));
    } else if (!meta_keys.insert(key).second) {
      draft.warn(fmt::format("frontmatter `{}`: metadata.{} is already set; this one is dropped",
                             what, key));
    } else {
      draft.metadata.emplace_back(key, *text);
      if (what != fmt::format("metadata.{}", key))
        draft.info(fmt::format("frontmatter `{}` moved into metadata.{}", what, key));
    }
  };
  // metadata first: its own keys win over top-level fields of the same name.
  if (const YamlNode* meta = root.find("metadata")) {
    if (!meta->is_mapping()) {
      draft.warn(
          fmt::format("frontmatter `metadata` is {}, not a mapping; dropped", describe(*meta)));
    } else {
      for (const auto& [key, value] : meta->entries)
        if (key.is_scalar()) add_meta(key.value, value, "metadata." + key.value);
    }
  }
  for (const auto& [key_node, value] : root.entries) {
    if (!key_node.is_scalar()) continue;
    const std::string& key = key_node.value;
    if (!seen_keys.insert(key).second) {
      draft.warn(fmt::format("frontmatter `{}` appears twice; the first is used", key));
      continue;
    }
    if (key == "metadata") continue;
    const std::optional<std::string> text =
        value.is_scalar() ? std::optional<std::string>(value.value) : std::nullopt;
    if (key == "name" || key == "description") {
      if (!text || text->empty()) {
        draft.warn(fmt::format("frontmatter `{}` is {}; ignored", key, describe(value)));
        continue;
      }
      (key == "name" ? fm.name : fm.description) = *text;
      continue;
    }
    if (key == "title" && text && !text->empty()) fm.title = *text;
    if (key == "summary" && text && !text->empty()) fm.summary = *text;
    if (kKeptFields.count(key)) {
      if (const std::optional<std::string> s = as_string(value)) {
        draft.fields.emplace_back(key, *s);
        continue;
      }
    }
    add_meta(key, value, key);
  }
  return fm;
}

std::string first_words(std::string_view text) {
  const std::string s = collapse_whitespace(text);
  return s.size() <= 60 ? s : s.substr(0, s.rfind(' ', 57)) + "...";
}

}  // namespace

bool read_runbook_file(const fs::path& path, std::string& bytes, std::string& error) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    error = "cannot read it: " + ec.message();
    return false;
  }
  if (size > kMaxRunbookBytes) {
    error = fmt::format("it is {} bytes, larger than a runbook can be ({} bytes)", size,
                        kMaxRunbookBytes);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open it";
    return false;
  }
  bytes.assign(std::istreambuf_iterator<char>(in), {});
  return true;
}

void choose_name(const std::vector<std::pair<std::string, std::string>>& candidates,
                 SkillDraft& draft) {
  for (const auto& [origin, text] : candidates) {
    bool truncated = false;
    std::string name = to_skill_name(text, &truncated);
    if (name.empty()) {
      draft.info(fmt::format("name: {} \"{}\" has no ASCII letter or digit; not used", origin,
                             first_words(text)));
      continue;
    }
    if (name == text)
      draft.info(fmt::format("name: {} (from {})", name, origin));
    else
      draft.info(fmt::format("name: {} (from {} \"{}\")", name, origin, first_words(text)));
    if (truncated)
      draft.warn(
          fmt::format("name: cut to {} characters (the limit); check it still says what "
                      "the skill is",
                      name.size()));
    draft.name = std::move(name);
    return;
  }
  draft.fail("no name could be derived; add `name:` to the frontmatter");
}

SkillDraft plan_markdown_runbook(const RunbookInput& input) {
  SkillDraft draft;
  draft.source = input.display;
  draft.kind = "markdown";
  std::string bytes, error;
  if (!read_runbook_file(input.path, bytes, error)) {
    draft.fail(error);
    return draft;
  }
  const SkillMd md = parse_skill_md(std::move(bytes));
  Frontmatter fm;
  SkillDraft fields;  // what the frontmatter keeps and moves, noted after name and description
  switch (md.status) {
    case FrontmatterStatus::NotUtf8:
      draft.fail(fmt::format("not UTF-8 text (invalid byte at offset {})", md.invalid_utf8_offset));
      return draft;
    case FrontmatterStatus::Unclosed:
      draft.fail("the frontmatter opened on line 1 is never closed with a `---` line");
      return draft;
    case FrontmatterStatus::YamlError:
      draft.fail(fmt::format("{}: the frontmatter is not valid YAML: {}",
                             md.source.position(md.yaml_error_offset).line, md.yaml_error));
      return draft;
    case FrontmatterStatus::NotMapping:
      draft.fail("the frontmatter is not a YAML mapping (`key: value` lines)");
      return draft;
    case FrontmatterStatus::Missing:
      draft.info("no frontmatter: name and description come from the text");
      break;
    case FrontmatterStatus::Empty:
      break;
    case FrontmatterStatus::Ok:
      fm = read_frontmatter(*md.frontmatter, fields);
      break;
  }

  bool crlf = false;
  std::string body = to_lf(md.body(), crlf);
  if (crlf) draft.info("line ends converted to LF");
  int first_line = md.body_line;
  size_t skip = 0;  // blank lines before the text
  for (size_t nl; (nl = body.find('\n', skip)) != std::string::npos; skip = nl + 1, ++first_line)
    if (body.find_first_not_of(" \t", skip) != nl) break;
  body.erase(0, skip);
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ' || body.back() == '\t'))
    body.pop_back();
  if (body.empty()) {
    draft.notes.insert(draft.notes.end(), fields.notes.begin(), fields.notes.end());
    draft.fail("the runbook has no text after its frontmatter: there is no procedure to keep");
    return draft;
  }
  body += '\n';

  const Outline out = outline(body);
  std::vector<std::pair<std::string, std::string>> names;
  if (fm.name) names.emplace_back("the frontmatter `name`", *fm.name);
  if (fm.title) names.emplace_back("the frontmatter `title`", *fm.title);
  if (!out.first_heading.empty())
    names.emplace_back(
        fmt::format("the first heading (line {})", out.first_heading_line + first_line - 1),
        out.first_heading);
  names.emplace_back("the file name", input.path.stem().string());
  choose_name(names, draft);

  if (fm.description)
    set_description(*fm.description, "the frontmatter `description`", draft);
  else if (fm.summary)
    set_description(*fm.summary, "the frontmatter `summary`", draft);
  else if (!out.first_paragraph.empty())
    set_description(
        out.first_paragraph,
        fmt::format("the first paragraph (line {})", out.first_paragraph_line + first_line - 1),
        draft);
  else
    draft.fail(
        "no description: add `description:` to the frontmatter (say when to use the "
        "skill), or a first paragraph");

  draft.fields = std::move(fields.fields);
  draft.metadata = std::move(fields.metadata);
  draft.notes.insert(draft.notes.end(), fields.notes.begin(), fields.notes.end());
  draft.body = migrate_links(body, first_line, input, draft);
  return draft;
}

}  // namespace skillkit::migrate
