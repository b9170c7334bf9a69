// Each subcommand lives in its own file and adds itself to the CLI11 app here. A command's
// callback stores its exit status in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace skillkit::cli {

/// Exit statuses, documented in `skillkit --help` and README.md.
inline constexpr int kExitOk = 0;  // no errors (warnings allowed)
inline constexpr int kExitFindings =
    1;                                // errors found (or warnings with --strict), or a failed item
inline constexpr int kExitUsage = 2;  // bad usage, unreadable path, bad config, I/O problem

void add_lint(CLI::App& app, int& exit_code);
void add_rules(CLI::App& app, int& exit_code);
void add_migrate(CLI::App& app, int& exit_code);
void add_new(CLI::App& app, int& exit_code);
void add_pack(CLI::App& app, int& exit_code);
void add_inspect(CLI::App& app, int& exit_code);
void add_upload(CLI::App& app, int& exit_code);
void add_skills(CLI::App& app, int& exit_code);
/// Hidden `__generate`: man page, completions and docs/commands/ from the CLI definition.
void add_docs(CLI::App& app, int& exit_code);

/// Whether the `skillkit` binary runs the command in argv itself (lint, rules, explain, new,
/// --version); every other command runs in skillkit-full (see front.cpp).
bool runs_in_front(int argc, char** argv);
/// Replaces this process with skillkit-full, same arguments. Returns kExitUsage, having said
/// why, only when it cannot.
int run_full(char** argv);

/// Whether stdout is a terminal that wants colour (NO_COLOR unset).
bool stdout_wants_color();

}  // namespace skillkit::cli
