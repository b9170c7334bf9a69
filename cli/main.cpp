// skillkit: lint, pack, migrate and upload skills for AWS DevOps Agent and Agent Skills.
// Built twice: skillkit-full (SKILLKIT_ALL_COMMANDS) has every command; skillkit has the ones
// that need only the core libraries and hands the rest to skillkit-full (front.cpp says why).
#include <fmt/format.h>
#include <malloc.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

#ifndef SKILLKIT_VERSION
#define SKILLKIT_VERSION "0.0.0"
#endif
#ifndef SKILLKIT_GIT_REV
#define SKILLKIT_GIT_REV "unknown"
#endif

// Worker threads build and free zlib states and zip buffers (~64 KiB blocks) for every skill.
// glibc's defaults hand each freed block back to the kernel at once (madvise, and in a VM a TLB
// shootdown across cores), then fault the pages back in for the next skill: that cost 4x the
// packing itself. Keep freed memory in the process for reuse; peak memory is unchanged.
static void keep_freed_memory() {
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
}

int main(int argc, char** argv) {
#ifndef SKILLKIT_ALL_COMMANDS
  if (!skillkit::cli::runs_in_front(argc, argv)) return skillkit::cli::run_full(argv);
#endif
  keep_freed_memory();
  CLI::App app{"skillkit: lint, pack, migrate and upload skills (SKILL.md folders)\n", "skillkit"};
  app.set_version_flag("--version",
                       fmt::format("skillkit {} ({})", SKILLKIT_VERSION, SKILLKIT_GIT_REV));
  app.require_subcommand(1);
  app.footer(
      "Exit status:\n"
      "  0  no errors (warnings allowed)\n"
      "  1  errors found (or warnings with --strict); for bulk commands, an item failed\n"
      "  2  usage error, unreadable path, invalid config, or another I/O problem\n");
  int exit_code = skillkit::cli::kExitOk;
  skillkit::cli::add_lint(app, exit_code);
  skillkit::cli::add_rules(app, exit_code);
#ifdef SKILLKIT_ALL_COMMANDS
  skillkit::cli::add_migrate(app, exit_code);
#endif
  skillkit::cli::add_new(app, exit_code);
#ifdef SKILLKIT_ALL_COMMANDS
  skillkit::cli::add_pack(app, exit_code);
  skillkit::cli::add_inspect(app, exit_code);
  skillkit::cli::add_upload(app, exit_code);
  skillkit::cli::add_skills(app, exit_code);
  skillkit::cli::add_docs(app, exit_code);  // last: it documents the commands above
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : skillkit::cli::kExitUsage;
  }
  return exit_code;
}
