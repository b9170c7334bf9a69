// `skillkit migrate` end to end: golden skill trees and reports in testdata/migrate/<case>/,
// exit codes, no partial output, byte-identical reruns, and every skill linted clean.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "../support/temp_dir.h"
#include "lint/engine.h"
#include "skillkit/discovery.h"

namespace skillkit::migrate {
namespace {
namespace fs = std::filesystem;
using skillkit::testing::read_file;
using skillkit::testing::TempDir;
using skillkit::testing::write_file;

const fs::path kCases = fs::path(SKILLKIT_TESTDATA_DIR) / "migrate";

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

// Runs `skillkit migrate ARGS` in `dir`.
CliRun migrate_in(const fs::path& dir, const std::string& args) {
  const std::string cmd =
      "cd '" + dir.string() + "' && '" SKILLKIT_BINARY "' migrate " + args + " >.stdout 2>.stderr";
  const int status = std::system(cmd.c_str());
  CliRun run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir / ".stdout"),
             read_file(dir / ".stderr")};
  fs::remove(dir / ".stdout");
  fs::remove(dir / ".stderr");
  return run;
}

// Every file under `dir`, relative path -> bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
  return files;
}

bool updating() {
  const char* v = std::getenv("SKILLKIT_UPDATE_GOLDEN");
  return v && *v && std::string(v) != "0";
}

void expect_tree(const fs::path& actual, const fs::path& golden) {
  if (updating()) {
    fs::remove_all(golden);
    if (fs::exists(actual)) fs::copy(actual, golden, fs::copy_options::recursive);
    return;
  }
  const auto want = tree(golden), got = tree(actual);
  for (const auto& [path, bytes] : want) {
    auto it = got.find(path);
    ASSERT_NE(it, got.end()) << "missing " << path;
    EXPECT_EQ(it->second, bytes) << "in " << path;
  }
  for (const auto& [path, bytes] : got) EXPECT_TRUE(want.count(path)) << "unexpected " << path;
}

void expect_text(const std::string& actual, const fs::path& golden) {
  if (updating()) {
    write_file(golden, actual);
    return;
  }
  EXPECT_EQ(actual, read_file(golden)) << "golden: " << golden;
}

// Every skill under `dir` passes lint with no error.
void expect_lint_clean(const fs::path& dir) {
  const Discovery found = discover_skills({dir.string()});
  ASSERT_TRUE(found.errors.empty());
  const LintResult result = lint_skills(found.skills, {});
  EXPECT_TRUE(result.errors.empty());
  for (const Diagnostic& d : result.diagnostics)
    EXPECT_NE(d.severity, Severity::Error)
        << d.file << ":" << d.pos.line << ": " << d.rule_id << " " << d.message;
}

bool no_staging_left(const fs::path& dir) {
  if (!fs::exists(dir)) return true;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().starts_with(".skillkit-migrate")) return false;
  return true;
}

// Copies testdata/migrate/<name>/input into a fresh folder.
void copy_input(const std::string& name, const TempDir& tmp) {
  fs::copy(kCases / name / "input", tmp.path(), fs::copy_options::recursive);
}

TEST(MigrateCli, OneRunbookWithLinksAndFrontmatter) {
  TempDir tmp;
  copy_input("single", tmp);
  const CliRun run = migrate_in(tmp.path(), "runbooks/restart-cache.md -o skills");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  expect_text(run.out, kCases / "single" / "report.txt");
  expect_tree(tmp / "skills", kCases / "single" / "expected");
  expect_lint_clean(tmp / "skills");
  EXPECT_TRUE(no_staging_left(tmp / "skills"));
}

TEST(MigrateCli, WholeFolderWithClashesAndSsmDocuments) {
  TempDir tmp;
  copy_input("folder", tmp);
  const CliRun run = migrate_in(tmp.path(), "runbooks -o skills --agent-types INCIDENT_TRIAGE");
  EXPECT_EQ(run.exit_code, 1) << run.err;  // the duplicate titles and the empty runbook
  expect_text(run.out, kCases / "folder" / "report.txt");
  expect_tree(tmp / "skills", kCases / "folder" / "expected");
  expect_lint_clean(tmp / "skills");
  EXPECT_FALSE(fs::exists(tmp / "skills" / "rotate-credentials"));
  EXPECT_TRUE(no_staging_left(tmp / "skills"));
}

TEST(MigrateCli, DryRunJsonWritesNothing) {
  TempDir tmp;
  copy_input("folder", tmp);
  const CliRun run = migrate_in(tmp.path(), "runbooks -o skills --dry-run --format json");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  expect_text(run.out, kCases / "folder" / "dry-run.json");
  EXPECT_FALSE(fs::exists(tmp / "skills"));
}

TEST(MigrateCli, SameInputGivesByteIdenticalOutput) {
  TempDir tmp;
  copy_input("folder", tmp);
  migrate_in(tmp.path(), "runbooks -o a -j 1 --zip");
  migrate_in(tmp.path(), "runbooks -o b -j 4 --zip");
  const auto a = tree(tmp / "a"), b = tree(tmp / "b");
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
}

// Every migrated skill packs (--zip) and the zip passes `skillkit inspect` with no error.
TEST(MigrateCli, EverySkillRoundTripsThroughPackAndInspect) {
  for (const char* name : {"single", "folder"}) {
    TempDir tmp;
    copy_input(name, tmp);
    const CliRun run = migrate_in(tmp.path(), "runbooks -o skills --zip");
    EXPECT_LE(run.exit_code, 1) << run.err;
    size_t zips = 0;
    for (const auto& e : fs::directory_iterator(tmp / "skills")) {
      if (!e.is_directory()) continue;
      const fs::path zip = e.path().string() + ".zip";
      ASSERT_TRUE(fs::exists(zip)) << run.out;
      const std::string cmd = "'" SKILLKIT_BINARY "' inspect '" + zip.string() + "' >/dev/null";
      EXPECT_EQ(std::system(cmd.c_str()), 0) << zip;
      ++zips;
    }
    EXPECT_EQ(zips, std::string(name) == "single" ? 2u : 6u) << run.out;
  }
}

TEST(MigrateCli, NeverOverwritesWithoutForce) {
  TempDir tmp;
  copy_input("single", tmp);
  ASSERT_EQ(migrate_in(tmp.path(), "runbooks/restart-cache.md -o skills").exit_code, 0);
  const fs::path skill = tmp / "skills" / "restart-the-redis-cache-cluster";
  write_file(skill / "NOTES.txt", "kept by hand");

  const CliRun again = migrate_in(tmp.path(), "runbooks/restart-cache.md -o skills");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.out.find("skills/restart-the-redis-cache-cluster already exists; use --force"),
            std::string::npos)
      << again.out;
  EXPECT_EQ(read_file(skill / "NOTES.txt"), "kept by hand");

  const CliRun forced = migrate_in(tmp.path(), "runbooks/restart-cache.md -o skills --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.out;
  EXPECT_FALSE(fs::exists(skill / "NOTES.txt"));
  expect_tree(tmp / "skills", kCases / "single" / "expected");
  EXPECT_TRUE(no_staging_left(tmp / "skills"));
}

TEST(MigrateCli, ExecutableAndSymlinkedFilesAreNotCopied) {
  TempDir tmp;
  write_file(tmp / "rb" / "notes.txt", "#!/bin/sh\necho hi\n");
  write_file(tmp / "rb" / "real.md", "# Real\n");
  fs::create_symlink("real.md", tmp / "rb" / "link.md");
  write_file(tmp / "rb" / "check.md",
             "# Check the disk\n\nUse when the disk fills up on a build host and jobs start "
             "failing with no space left on device.\n\nSee [notes](notes.txt) and [link](link.md)."
             "\n");
  const CliRun run = migrate_in(tmp.path(), "rb/check.md -o out");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("`notes.txt` starts with a shebang line"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("`link.md` is a symlink"), std::string::npos) << run.out;
  EXPECT_EQ(tree(tmp / "out" / "check-the-disk").size(), 1u);  // SKILL.md alone
  expect_lint_clean(tmp / "out");
}

TEST(MigrateCli, UsageErrorsWriteNothing) {
  TempDir tmp;
  copy_input("single", tmp);
  CliRun run = migrate_in(tmp.path(), "runbooks -o skills --agent-types INCIDENT_NAPPING");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("unknown agent type `INCIDENT_NAPPING`"), std::string::npos);
  run = migrate_in(tmp.path(), "runbooks -o skills --agent-types GENERIC,CHAT");
  EXPECT_EQ(run.exit_code, 2);
  run = migrate_in(tmp.path(), "nowhere.md -o skills");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "skillkit: nowhere.md: does not exist\n");
  run = migrate_in(tmp.path(), "runbooks/restart-cache.md");
  EXPECT_EQ(run.exit_code, 2);  // -o is required
  EXPECT_FALSE(fs::exists(tmp / "skills"));
}

// The legacy agent instruction file from ../shared (description-only frontmatter, 800+ lines).
TEST(MigrateCli, SeedInstructionFileLintsClean) {
  const fs::path seed = fs::path(SKILLKIT_SHARED_DIR) / "seeds" / "000_a62fa350f0b58990.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "no " << seed;
  TempDir tmp;
  fs::create_directories(tmp / "agents");
  fs::copy_file(seed, tmp / "agents" / "seed.txt");
  const CliRun run = migrate_in(tmp.path(), "agents/seed.txt -o skills --agent-types CHAT");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const fs::path skill = tmp / "skills" / "aws-integration-agent";
  ASSERT_TRUE(fs::exists(skill / "SKILL.md")) << run.out;
  EXPECT_NE(run.out.find("description: put \"Use when:\" in front"), std::string::npos);
  expect_lint_clean(tmp / "skills");
}

}  // namespace
}  // namespace skillkit::migrate
