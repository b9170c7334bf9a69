// `skillkit rules` and `skillkit explain ID`: every rule documents itself from its Rule fields.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "rules/registry.h"

namespace skillkit::cli {
namespace {

std::string indent(std::string_view text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

int list_rules() {
  for (const Rule* r : all_rules())
    std::cout << fmt::format("{}  {:<28} {:<13} {:<8} {}\n", r->id, r->name, to_string(r->layer),
                             to_string(r->severity), r->summary);
  return kExitOk;
}

int explain(const std::string& id) {
  const Rule* r = find_rule(id);
  if (!r) {
    std::cerr << fmt::format("skillkit: unknown rule `{}` (see `skillkit rules`)\n", id);
    return kExitUsage;
  }
  std::cout << fmt::format("{} {}\n\n{}\n\n", r->id, r->name, r->summary);
  std::cout << fmt::format("Layer: {}    Default severity: {}    Reads: {}    Fixable: {}\n\n",
                           to_string(r->layer), to_string(r->severity), to_string(r->input),
                           to_string(r->fixable));
  std::cout << "Why\n" << indent(r->rationale) << "\n\n";
  std::cout << "Bad\n" << indent(r->bad) << "\n\n";
  std::cout << "Good\n" << indent(r->good) << "\n";
  if (!r->options.empty()) {
    std::cout << "\nOptions (in .skillkit.yaml: `rules: {" << r->id << ": {option: value}}`)\n";
    for (const OptionSpec& o : r->options)
      std::cout << fmt::format("    {} ({}, default {}): {}\n", o.name, o.type, o.default_value,
                               o.doc);
  }
  return kExitOk;
}

}  // namespace

void add_rules(CLI::App& app, int& exit_code) {
  CLI::App* list =
      app.add_subcommand("rules", "List every rule: id, name, layer, default severity");
  list->callback([&exit_code] { exit_code = list_rules(); });

  auto id = std::make_shared<std::string>();
  CLI::App* ex = app.add_subcommand("explain", "Print a rule's documentation with examples");
  ex->add_option("rule", *id, "Rule id or name (e.g. SK101 or name-format)")->required();
  ex->callback([id, &exit_code] { exit_code = explain(*id); });
}

}  // namespace skillkit::cli
