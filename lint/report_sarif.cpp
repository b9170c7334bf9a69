#include <nlohmann/json.hpp>

#include <map>
#include <ostream>

#include "lint/reporters.h"
#include "rules/registry.h"

namespace skillkit {
namespace {

std::string_view sarif_level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

}  // namespace

void write_sarif(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
  using nlohmann::json;
  // Every rule is listed so code scanning can show its help even for rules that did not fire.
  json rules = json::array();
  std::map<std::string_view, size_t> index;
  for (const Rule* r : all_rules()) {
    index[r->id] = rules.size();
    rules.push_back({
        {"id", r->id},
        {"name", r->name},
        {"shortDescription", {{"text", r->summary}}},
        {"fullDescription", {{"text", r->rationale}}},
        {"help",
         {{"text",
           std::string(r->rationale) + "\n\nRun `skillkit explain " + std::string(r->id) + "`."}}},
        {"defaultConfiguration",
         {{"level", r->severity == Severity::Off ? "none" : sarif_level(r->severity)}}},
        {"properties", {{"layer", to_string(r->layer)}}},
    });
  }
  json results = json::array();
  for (const Diagnostic& d : diagnostics) {
    json location = {{"physicalLocation", {{"artifactLocation", {{"uri", d.file}}}}}};
    if (d.pos.line > 0)
      location["physicalLocation"]["region"] = {{"startLine", d.pos.line},
                                                {"startColumn", d.pos.column}};
    std::string text = d.message;
    if (!d.hint.empty()) text += " (hint: " + d.hint + ")";
    json result = {{"ruleId", d.rule_id},
                   {"level", sarif_level(d.severity)},
                   {"message", {{"text", text}}},
                   {"locations", json::array({location})}};
    if (auto it = index.find(d.rule_id); it != index.end()) result["ruleIndex"] = it->second;
    results.push_back(std::move(result));
  }
  json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool",
                              {{"driver",
                                {{"name", "skillkit"},
                                 {"informationUri", "https://github.com/skillkit/skillkit"},
                                 {"rules", rules}}}}},
                             {"results", results}}})},
  };
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace skillkit
