#include "migrate/ssm_runbook.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "migrate/description.h"
#include "migrate/links.h"
#include "migrate/markdown_runbook.h"
#include "migrate/md_scan.h"
#include "skillkit/utf8.h"

namespace skillkit::migrate {
namespace {

using Json = nlohmann::ordered_json;

// Aliases are expanded while converting; this bounds what a hostile document can make of them.
constexpr size_t kMaxNodes = 200000;
// Json copies and dumps recurse: a 100,000-deep `[[[...` overflowed the stack. No SSM document
// nests anywhere near this deep.
constexpr int kMaxDepth = 100;

bool from_yaml(const YAML::Node& node, Json& out, size_t& budget, int depth = 0) {
  if (budget-- == 0 || depth > kMaxDepth) return false;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      out = node.Scalar();
      return true;
    case YAML::NodeType::Sequence:
      out = Json::array();
      for (const YAML::Node& item : node) {
        Json value;
        if (!from_yaml(item, value, budget, depth + 1)) return false;
        out.push_back(std::move(value));
      }
      return true;
    case YAML::NodeType::Map:
      out = Json::object();
      for (const auto& entry : node) {
        Json value;
        if (!entry.first.IsScalar() || !from_yaml(entry.second, value, budget, depth + 1))
          return false;
        out[entry.first.Scalar()] = std::move(value);
      }
      return true;
    default:
      out = nullptr;
      return true;
  }
}

// Parses the document; an error message instead when it is not valid YAML/JSON.
std::optional<Json> parse_document(std::string_view bytes, bool json, std::string& error) {
  // Strings that are not UTF-8 made Json::dump() throw outside this try (found by fuzzing).
  if (const auto bad = utf8::first_invalid(bytes)) {
    error = fmt::format("not UTF-8 text (invalid byte at offset {})", *bad);
    return std::nullopt;
  }
  try {
    if (json) {
      const Json::parser_callback_t limit = [](int depth, Json::parse_event_t, Json&) {
        if (depth > kMaxDepth)
          throw std::runtime_error(fmt::format("it nests deeper than {} levels", kMaxDepth));
        return true;
      };
      return Json::parse(bytes, limit);
    }
    Json out;
    size_t budget = kMaxNodes;
    if (!from_yaml(YAML::Load(std::string(bytes)), out, budget)) {
      error = fmt::format(
          "the document is too large, nests deeper than {} levels or uses keys that are not "
          "plain values",
          kMaxDepth);
      return std::nullopt;
    }
    return out;
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

std::string scalar_text(const Json& value) {
  // replace: never throw while rendering (the document was checked to be UTF-8 already).
  return value.is_string() ? value.get<std::string>()
                           : value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string fence_for(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

std::string code_block(std::string_view text, std::string_view language) {
  std::string body(text);
  while (!body.empty() && body.back() == '\n') body.pop_back();
  const std::string fence = fence_for(body);
  return fmt::format("{}{}\n{}\n{}\n", fence, language, body, fence);
}

// An inline rendering of a short value, or nullopt when it needs a block.
std::optional<std::string> inline_value(const Json& value) {
  if (value.is_primitive()) {
    const std::string text = scalar_text(value);
    if (text.empty()) return "(empty)";
    if (text.find('\n') == std::string::npos && text.size() <= 120) return code_span(text);
    return std::nullopt;
  }
  if (value.is_array() && value.size() <= 8) {
    std::string out;
    for (const Json& item : value) {
      if (!item.is_primitive()) return std::nullopt;
      const std::string text = scalar_text(item);
      if (text.find('\n') != std::string::npos) return std::nullopt;
      out += (out.empty() ? "" : ", ") + code_span(text);
    }
    if (out.size() <= 160) return out.empty() ? "(none)" : out;
  }
  return std::nullopt;
}

std::string language_of(const std::string& key, const Json& inputs) {
  if (key != "Script" && key != "script") return "";
  const std::string runtime = inputs.contains("Runtime") ? scalar_text(inputs["Runtime"]) : "";
  if (runtime.starts_with("python")) return "python";
  if (runtime.starts_with("PowerShell")) return "powershell";
  return "";
}

std::string on_failure_text(const Json& step, const char* field, const char* what) {
  if (!step.contains(field)) return fmt::format("{} (the default)", what);
  const std::string v = scalar_text(step[field]);
  if (v == "Abort") return what;
  if (v == "Continue") return "continue with the next step";
  if (v.starts_with("step:")) return "go to step " + code_span(v.substr(5));
  return code_span(v);
}

void render_parameters(const Json& params, std::string& out) {
  out += "## Parameters\n\n";
  if (!params.is_object() || params.empty()) {
    out += "The document takes no parameters.\n\n";
    return;
  }
  for (const auto& [name, p] : params.items()) {
    std::string line = "- " + code_span(name);
    std::string attrs = p.contains("type") ? scalar_text(p["type"]) : "String";
    if (p.contains("default")) {
      const auto v = inline_value(p["default"]);
      attrs += ", default " + (v ? *v : std::string("(see the document)"));
    } else {
      attrs += ", required";
    }
    line += " (" + attrs + ")";
    if (p.contains("description"))
      line += ": " + collapse_whitespace(scalar_text(p["description"]));
    if (p.contains("allowedValues")) {
      if (const auto v = inline_value(p["allowedValues"])) line += " Allowed values: " + *v + ".";
    }
    if (p.contains("allowedPattern"))
      line += " Allowed pattern: " + code_span(scalar_text(p["allowedPattern"])) + ".";
    out += line + "\n";
  }
  out += "\n";
}

void render_step(size_t index, const Json& step, std::string& out) {
  const std::string name = step.contains("name") ? scalar_text(step["name"]) : "(unnamed)";
  out += fmt::format("### Step {}: {}\n\n", index, name);
  if (step.contains("description"))
    out += collapse_whitespace(scalar_text(step["description"])) + "\n\n";
  out += fmt::format("- Action: {}\n",
                     step.contains("action") ? code_span(scalar_text(step["action"])) : "(none)");
  out += "- On failure: " + on_failure_text(step, "onFailure", "stop the automation") + "\n";
  if (step.contains("onCancel"))
    out += "- On cancel: " + on_failure_text(step, "onCancel", "stop the automation") + "\n";
  for (const char* field : {"timeoutSeconds", "maxAttempts", "isCritical", "isEnd", "nextStep"})
    if (step.contains(field))
      out += fmt::format("- {}: {}\n", field, code_span(scalar_text(step[field])));
  const Json inputs = step.contains("inputs") ? step["inputs"] : Json::object();
  if (!inputs.is_object() || inputs.empty()) {
    out += "- Inputs: none\n\n";
    return;
  }
  std::string blocks;
  out += "- Inputs:\n";
  for (const auto& [key, value] : inputs.items()) {
    if (const auto v = inline_value(value)) {
      out += fmt::format("  - {}: {}\n", code_span(key), *v);
      continue;
    }
    out += fmt::format("  - {}: shown below\n", code_span(key));
    const bool text = value.is_string();
    blocks +=
        fmt::format("{}:\n\n{}\n", code_span(key),
                    code_block(text ? value.get<std::string>()
                                    : value.dump(2, ' ', false, Json::error_handler_t::replace),
                               text ? language_of(key, inputs) : "json"));
  }
  out += "\n" + blocks;
}

std::string render_body(const std::string& file_name, const std::string& kept, const Json& doc,
                        const std::string& description) {
  std::string out = fmt::format("# {}\n\n", file_name.substr(0, file_name.rfind('.')));
  if (!description.empty()) out += description + "\n\n";
  out += fmt::format(
      "This procedure comes from the AWS Systems Manager document `{}` (schema version {}). The "
      "original document is kept in [{}]({}).\n\n",
      file_name, doc.contains("schemaVersion") ? scalar_text(doc["schemaVersion"]) : "unknown",
      kept, kept);
  render_parameters(doc.contains("parameters") ? doc["parameters"] : Json(), out);
  out += "## Steps\n\n";
  if (doc.contains("assumeRole"))
    out +=
        "The automation runs with the role " + code_span(scalar_text(doc["assumeRole"])) + ".\n\n";
  size_t index = 0;
  for (const Json& step : doc["mainSteps"]) render_step(++index, step, out);
  if (doc.contains("outputs") && doc["outputs"].is_array() && !doc["outputs"].empty()) {
    out += "## Outputs\n\n";
    for (const Json& o : doc["outputs"]) out += "- " + code_span(scalar_text(o)) + "\n";
    out += "\n";
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace

bool is_ssm_document(std::string_view bytes, bool json) {
  std::string error;
  const std::optional<Json> doc = parse_document(bytes, json, error);
  return doc && doc->is_object() && doc->contains("schemaVersion") && doc->contains("mainSteps");
}

SkillDraft plan_ssm_runbook(const RunbookInput& input) {
  SkillDraft draft;
  draft.source = input.display;
  draft.kind = "ssm";
  std::string bytes, error;
  if (!read_runbook_file(input.path, bytes, error)) {
    draft.fail(error);
    return draft;
  }
  const std::string ext = input.path.extension().string();
  const bool json = ext == ".json" || ext == ".JSON";
  const std::optional<Json> doc = parse_document(bytes, json, error);
  if (!doc) {
    draft.fail(fmt::format("not a valid {} document: {}", json ? "JSON" : "YAML", error));
    return draft;
  }
  if (!doc->is_object() || !doc->contains("mainSteps") || !(*doc)["mainSteps"].is_array()) {
    draft.fail("not an SSM document: it has no `mainSteps` list");
    return draft;
  }
  choose_name({{"the file name", input.path.stem().string()}}, draft);
  if (draft.name.empty()) return draft;

  const std::string description =
      doc->contains("description") ? scalar_text((*doc)["description"]) : "";
  const Outline out = outline(description);
  if (!out.first_paragraph.empty())
    set_description(out.first_paragraph, "the first paragraph of the document's `description`",
                    draft);
  else
    draft.fail("the document has no `description` to say what it does; add one");

  const std::string kept = fmt::format("references/{}.{}", draft.name, json ? "json" : "yaml");
  draft.files.push_back({kept, bytes, input.display});
  draft.info(fmt::format("the original document is kept as {}", kept));
  std::string trimmed = description;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' ')) trimmed.pop_back();
  // The description is Markdown and may link to files next to the document.
  if (!trimmed.empty()) {
    trimmed = migrate_links(trimmed + "\n", 1, input, draft);
    trimmed.pop_back();
  }
  draft.body = render_body(input.path.filename().string(), kept, *doc, trimmed) + "\n";
  const size_t params = doc->contains("parameters") && (*doc)["parameters"].is_object()
                            ? (*doc)["parameters"].size()
                            : 0;
  const size_t steps = (*doc)["mainSteps"].size();
  draft.info(fmt::format("body: {} parameter{} and {} step{} rendered as a procedure", params,
                         params == 1 ? "" : "s", steps, steps == 1 ? "" : "s"));
  return draft;
}

}  // namespace skillkit::migrate
