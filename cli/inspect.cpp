// `skillkit inspect ZIP...`: check zips as DevOps Agent would read them, without extracting.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "lint/engine.h"
#include "lint/reporters.h"
#include "pack/inspect.h"

namespace skillkit::cli {
namespace {

struct InspectArgs {
  std::vector<std::string> zips;
  std::string format = "text";
  std::string config;
  bool list = false;
  unsigned jobs = 0;
};

int run(const InspectArgs& args) {
  const auto format = parse_report_format(args.format);
  if (!format) {
    std::cerr << fmt::format("skillkit: unknown format `{}` (text, json, sarif, github)\n",
                             args.format);
    return kExitUsage;
  }
  // One config for every zip: the built-in defaults (every rule, as the service sees it) or
  // --config. A zip's location says nothing about which project it came from.
  Config config;
  if (!args.config.empty()) {
    std::string error;
    auto loaded = load_config(args.config, error);
    if (!loaded) {
      std::cerr << "skillkit: " << error << '\n';
      return kExitUsage;
    }
    config = std::move(*loaded);
  }
  std::vector<pack::InspectResult> results(args.zips.size());
  parallel_for(args.zips.size(), args.jobs, [&](size_t i) {
    pack::InspectSettings settings;
    settings.rules = resolve_rules(config, args.zips[i]);
    results[i] = pack::inspect_zip_file(args.zips[i], settings);
  });

  bool io_error = false;
  std::vector<Diagnostic> all;
  for (size_t i = 0; i < results.size(); ++i) {
    const pack::InspectResult& r = results[i];
    if (!r.io_error.empty()) {
      std::cerr << "skillkit: " << r.io_error << '\n';
      io_error = true;
      continue;
    }
    for (const Diagnostic& d : r.diagnostics) all.push_back(d);
  }
  if (args.list && *format == ReportFormat::Text) {
    for (size_t i = 0; i < results.size(); ++i) {
      if (!results[i].io_error.empty()) continue;
      std::cout << fmt::format("{} ({} bytes, {} entr{})\n", args.zips[i], results[i].zip_bytes,
                               results[i].entries.size(),
                               results[i].entries.size() == 1 ? "y" : "ies");
      for (const pack::InspectedEntry& e : results[i].entries)
        std::cout << fmt::format("  {:>10}  {:>10}  {}\n", e.size, e.compressed, e.name);
    }
  }
  std::stable_sort(all.begin(), all.end(), diagnostic_less);
  const size_t zips = args.zips.size();
  switch (*format) {
    case ReportFormat::Text:
      write_text(std::cout, all, zips, TextStyle{.color = false, .source = false});
      break;
    case ReportFormat::Json:
      write_json(std::cout, all, zips);
      break;
    case ReportFormat::Sarif:
      write_sarif(std::cout, all);
      break;
    case ReportFormat::Github:
      write_github(std::cout, all);
      break;
  }
  std::cout.flush();
  if (io_error) return kExitUsage;
  return summarize(all, zips).errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void add_inspect(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<InspectArgs>();
  CLI::App* cmd =
      app.add_subcommand("inspect", "Check zips as DevOps Agent reads them (nothing extracted)");
  cmd->add_option("zips", args->zips, "Zip files")->required();
  cmd->add_option("-f,--format", args->format, "Output: text, json, sarif or github")
      ->capture_default_str();
  cmd->add_option("-c,--config", args->config,
                  "Lint config for the skill inside (default: every rule at its default)");
  cmd->add_flag("-l,--list", args->list, "List each zip's entries (text format)");
  cmd->add_option("-j,--jobs", args->jobs, "Threads (default: all cores)");
  cmd->footer(
      "Zip-level findings (SK400-SK408) are described in docs/inspect.md. Exit status: 0 no\n"
      "errors, 1 errors found, 2 usage or a zip that cannot be opened.");
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace skillkit::cli
