// Hostile folder trees: 100,000 files, symlink loops, unreadable files and folders, and paths
// longer than PATH_MAX. lint and pack must finish, report each with a clear finding or one
// error line, and stay within bounded time and memory.
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>

#include "tests/hostile/measure.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::Measured;
using testing::run_measured;
using testing::TempDir;
using testing::write_file;

const char kSkillMd[] =
    "---\nname: hostile\ndescription: Use this skill when checking that hostile input (bombs, deep "
    "nesting, "
    "huge trees) is refused cleanly by skillkit.\n---\n# Steps\n\nCheck the input.\n";

void expect_bounded(const Measured& m, double seconds = 20.0,
                    long peak_limit_kb = testing::kPeakLimitKb) {
  EXPECT_EQ(m.signal, 0) << "killed by signal " << m.signal;
  EXPECT_LT(m.peak_kb, peak_limit_kb);
  EXPECT_LT(m.seconds, testing::kSlow * seconds);
}

TEST(HostileTree, HundredThousandFiles) {
  TempDir tmp;
  write_file(tmp / "hostile/SKILL.md", kSkillMd);
  fs::create_directories(tmp / "hostile/references");
  const int dir = ::open((tmp / "hostile/references").c_str(), O_DIRECTORY | O_RDONLY);
  ASSERT_GE(dir, 0);
  for (int i = 0; i < 100000; ++i) {
    const std::string name = "f" + std::to_string(i) + ".md";
    const int fd = ::openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0) << name;
    ::close(fd);
  }
  ::close(dir);

  // Every file is listed and kept in memory (about 6 KB each under ASan): twice the usual bound.
  const Measured lint = run_measured({"lint", "hostile"}, tmp.path());
  expect_bounded(lint, 30, 2 * testing::kPeakLimitKb);
  EXPECT_EQ(lint.status, 1) << lint.err;
  EXPECT_EQ(lint.err, "");
  EXPECT_EQ(lint.out,
            "hostile/SKILL.md: error [SK323 too-many-files] the pack would hold 100001 files; "
            "DevOps Agent accepts at most 100\n  hint: merge small reference files, or leave files "
            "out of the pack with .skillignore\nhostile/SKILL.md: error [SK325 zip-size] the zip "
            "would take at least ~11577911 bytes, over the 6291456-byte limit (0 bytes are images "
            "and PDFs, which do not compress); largest: `references/f10000.md` (0 bytes), "
            "`references/f10001.md` (0 bytes), `references/f10002.md` (0 bytes)\n  hint: shrink or "
            "remove large images and PDFs, or leave files out of the pack with .skillignore; "
            "`skillkit pack` reports the exact size\n2 errors, 0 warnings in 1 skill checked\n");

  const Measured pack = run_measured({"pack", "hostile"}, tmp.path());
  expect_bounded(pack, 30, 2 * testing::kPeakLimitKb);
  EXPECT_EQ(pack.status, 1) << pack.err;
  EXPECT_EQ(
      pack.out + pack.err,
      "hostile/SKILL.md: error [SK323 too-many-files] the pack would hold 100001 files; DevOps "
      "Agent accepts at most 100\n  hint: merge small reference files, or leave files out of the "
      "pack with .skillignore\nhostile/SKILL.md: error [SK325 zip-size] the zip would take at "
      "least ~11577911 bytes, over the 6291456-byte limit (0 bytes are images and PDFs, which do "
      "not compress); largest: `references/f10000.md` (0 bytes), `references/f10001.md` (0 bytes), "
      "`references/f10002.md` (0 bytes)\n  hint: shrink or remove large images and PDFs, or leave "
      "files out of the pack with .skillignore; `skillkit pack` reports the exact size\nhostile: "
      "not packed: blocked by SK323 too-many-files, SK325 zip-size\n");
  EXPECT_FALSE(fs::exists(tmp / "hostile.zip"));
}

TEST(HostileTree, SymlinkLoops) {
  TempDir tmp;
  write_file(tmp / "hostile/SKILL.md", kSkillMd);
  fs::create_directories(tmp / "hostile/references");
  fs::create_directory_symlink("..", tmp / "hostile/references/up");      // to its parent
  fs::create_directory_symlink(".", tmp / "hostile/references/self");     // to itself
  fs::create_directory_symlink("../..", tmp / "hostile/references/out");  // out of the skill
  fs::create_symlink("b.md", tmp / "hostile/references/a.md");            // a.md -> b.md -> a.md
  fs::create_symlink("a.md", tmp / "hostile/references/b.md");

  // From the parent folder too: discovery walks the tree and must not follow the links.
  const Measured lint = run_measured({"lint", "."}, tmp.path());
  expect_bounded(lint);
  EXPECT_EQ(lint.status, 1) << lint.err;
  EXPECT_EQ(lint.err, "");
  EXPECT_EQ(
      lint.out,
      "hostile/references/a.md: error [SK211 symlink-escape] `references/a.md` is a symlink to "
      "`b.md`, which does not exist; it is not packed\n  hint: remove the link, or point it at a "
      "file inside the skill folder\nhostile/references/b.md: error [SK211 symlink-escape] "
      "`references/b.md` is a symlink to `a.md`, which does not exist; it is not packed\n  hint: "
      "remove the link, or point it at a file inside the skill folder\nhostile/references/out: "
      "error [SK211 symlink-escape] `references/out` is a symlink to `../..`, outside the skill "
      "folder; it is not followed or packed\n  hint: copy the file into the skill folder in place "
      "of the link\n3 errors, 0 warnings in 1 skill checked\n");

  const Measured pack = run_measured({"pack", "hostile"}, tmp.path());
  expect_bounded(pack);
  EXPECT_EQ(pack.status, 1) << pack.err;
  EXPECT_EQ(
      pack.out + pack.err,
      "hostile/references/a.md: error [SK211 symlink-escape] `references/a.md` is a symlink to "
      "`b.md`, which does not exist; it is not packed\n  hint: remove the link, or point it at a "
      "file inside the skill folder\nhostile/references/b.md: error [SK211 symlink-escape] "
      "`references/b.md` is a symlink to `a.md`, which does not exist; it is not packed\n  hint: "
      "remove the link, or point it at a file inside the skill folder\nhostile/references/out: "
      "error [SK211 symlink-escape] `references/out` is a symlink to `../..`, outside the skill "
      "folder; it is not followed or packed\n  hint: copy the file into the skill folder in place "
      "of the link\nhostile: not packed: blocked by SK211 symlink-escape\n");
  EXPECT_FALSE(fs::exists(tmp / "hostile.zip"));
}

// chmod 000 stops everyone but root; as root, skillkit runs as `nobody` (measure.h).
void make_readable_by_nobody(const fs::path& dir) {
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                           fs::perms::others_read | fs::perms::others_exec);
}

bool nobody_can_run_skillkit() {
  if (::geteuid() != 0) return true;
  for (fs::path p = SKILLKIT_BINARY; p.has_relative_path(); p = p.parent_path()) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0 || (st.st_mode & S_IXOTH) == 0) return false;
  }
  return true;
}

#define SKIP_UNLESS_NOBODY_CAN_RUN_SKILLKIT()                                  \
  if (!nobody_can_run_skillkit())                                              \
  GTEST_SKIP() << "running as root and `nobody` cannot reach " SKILLKIT_BINARY \
                  ": chmod 000 does not stop root's reads"

TEST(HostileTree, UnreadableSkillMd) {
  SKIP_UNLESS_NOBODY_CAN_RUN_SKILLKIT();
  TempDir tmp;
  make_readable_by_nobody(tmp.path());
  write_file(tmp / "hostile/SKILL.md", kSkillMd);
  make_readable_by_nobody(tmp / "hostile");
  fs::permissions(tmp / "hostile/SKILL.md", fs::perms::none);
  const Measured lint = run_measured({"lint", "hostile"}, tmp.path(), 20, true);
  expect_bounded(lint);
  EXPECT_EQ(lint.status, 2) << lint.err;
  EXPECT_EQ(lint.out + lint.err,
            "hostile/SKILL.md: error [SK000 read-error] cannot read SKILL.md\n1 error, 0 warnings "
            "in 1 skill checked\n");
  const Measured pack = run_measured({"pack", "--dry-run", "hostile"}, tmp.path(), 20, true);
  expect_bounded(pack);
  EXPECT_EQ(pack.status, 2) << pack.err;
  EXPECT_EQ(
      pack.out + pack.err,
      "hostile/SKILL.md: error [SK000 read-error] cannot read SKILL.md\nhostile: not packed\n");
}

TEST(HostileTree, UnreadableFolderAndFile) {
  SKIP_UNLESS_NOBODY_CAN_RUN_SKILLKIT();
  TempDir tmp;
  make_readable_by_nobody(tmp.path());
  write_file(tmp / "hostile/SKILL.md", kSkillMd);
  write_file(tmp / "hostile/references/locked/a.md", "a\n");
  write_file(tmp / "hostile/assets/secret.txt", "b\n");
  for (const char* d : {"hostile", "hostile/references", "hostile/assets"})
    make_readable_by_nobody(tmp / d);
  fs::permissions(tmp / "hostile/SKILL.md", fs::perms::owner_read | fs::perms::others_read);
  fs::permissions(tmp / "hostile/references/locked", fs::perms::none);
  fs::permissions(tmp / "hostile/assets/secret.txt", fs::perms::none);
  // Both are I/O problems of the skill: SK000 at each path, exit 2, in lint as in pack.
  const std::string findings =
      "hostile/assets/secret.txt: error [SK000 read-error] cannot read `assets/secret.txt`: "
      "Permission denied\n  hint: give the user running skillkit read access, or list the path "
      "in .skillignore\nhostile/references/locked: error [SK000 read-error] cannot list folder "
      "`references/locked`: Permission denied\n  hint: give the user running skillkit read "
      "access, or list the path in .skillignore\n";
  const Measured lint = run_measured({"lint", "hostile"}, tmp.path(), 20, true);
  expect_bounded(lint);
  EXPECT_EQ(lint.status, 2) << lint.err;
  EXPECT_EQ(lint.out + lint.err, findings + "2 errors, 0 warnings in 1 skill checked\n");
  const Measured pack = run_measured({"pack", "--dry-run", "hostile"}, tmp.path(), 20, true);
  expect_bounded(pack);
  EXPECT_EQ(pack.status, 2) << pack.err;
  EXPECT_EQ(pack.out + pack.err, findings + "hostile: not packed\n");

  // Left out of the pack by .skillignore, neither is read, and neither is a problem.
  fs::permissions(tmp / "hostile", fs::perms::owner_write, fs::perm_options::add);
  write_file(tmp / "hostile/.skillignore", "references/locked/\nassets/secret.txt\n");
  fs::permissions(tmp / "hostile/.skillignore", fs::perms::others_read, fs::perm_options::add);
  const Measured ignored = run_measured({"lint", "hostile"}, tmp.path(), 20, true);
  EXPECT_EQ(ignored.status, 0) << ignored.err;
  EXPECT_EQ(ignored.out + ignored.err, "1 skill checked, no problems\n");
}

// A folder that cannot be listed while searching for skills may hold skills: an error (exit 2)
// that names it, never a silent skip (`upload --prune` would take its skills for deleted).
TEST(HostileTree, UnlistableFolderWhileSearching) {
  SKIP_UNLESS_NOBODY_CAN_RUN_SKILLKIT();
  TempDir tmp;
  make_readable_by_nobody(tmp.path());
  write_file(tmp / "skills/hostile/SKILL.md", kSkillMd);
  fs::create_directories(tmp / "skills/locked/inner");
  for (const char* d : {"skills", "skills/hostile"}) make_readable_by_nobody(tmp / d);
  fs::permissions(tmp / "skills/hostile/SKILL.md", fs::perms::others_read, fs::perm_options::add);
  fs::permissions(tmp / "skills/locked", fs::perms::none);
  for (const char* command : {"lint", "pack"}) {
    const Measured m = run_measured({command, "skills"}, tmp.path(), 20, true);
    expect_bounded(m);
    EXPECT_EQ(m.status, 2) << command;
    EXPECT_EQ(m.out + m.err, "skillkit: skills/locked: cannot list folder: Permission denied\n")
        << command;
  }
  EXPECT_FALSE(fs::exists(tmp / "hostile.zip"));
  const Measured one = run_measured({"lint", "skills/hostile"}, tmp.path(), 20, true);
  EXPECT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(one.out + one.err, "1 skill checked, no problems\n");
}

// A chain of folders under `base` whose full path passes PATH_MAX, made one level at a time
// with mkdirat/openat (no call ever sees the whole path); a file at the bottom.
void make_deep_tree(const fs::path& base, int levels, const std::string& part) {
  int fd = ::open(base.c_str(), O_DIRECTORY | O_RDONLY);
  ASSERT_GE(fd, 0);
  for (int i = 0; i < levels; ++i) {
    ASSERT_EQ(::mkdirat(fd, part.c_str(), 0755), 0) << i;
    const int next = ::openat(fd, part.c_str(), O_DIRECTORY | O_RDONLY);
    ::close(fd);
    ASSERT_GE(next, 0);
    fd = next;
  }
  const int file = ::openat(fd, "deep.md", O_WRONLY | O_CREAT, 0644);
  ASSERT_GE(file, 0);
  ASSERT_EQ(::write(file, "deep\n", 5), 5);
  ::close(file);
  ::close(fd);
}

// rm -rf at the end, which copes with paths longer than PATH_MAX (TempDir's remove_all does not).
struct DeepTempDir : TempDir {
  ~DeepTempDir() { testing::remove_deep_tree(path()); }
};

TEST(HostileTree, PathLongerThanPathMax) {
  DeepTempDir tmp;
  write_file(tmp / "hostile/SKILL.md", kSkillMd);
  fs::create_directories(tmp / "hostile/references");
  // 30 levels of 200 characters: about 6,000 bytes below references/.
  make_deep_tree(tmp / "hostile/references", 30, std::string(200, 'd'));
  // The first folder whose path, as skillkit would open it, passes PATH_MAX cannot be read by
  // whole path (pack, other tools): lint reports it (SK000, exit 2) and pack refuses the skill.
  std::string deep = "references";
  while (std::string("hostile/").size() + deep.size() < PATH_MAX)
    deep += '/' + std::string(200, 'd');
  const std::string finding = "hostile/" + deep +
                              ": error [SK000 read-error] cannot list folder `" + deep +
                              "`: its path is longer than the system allows (PATH_MAX)\n  hint: "
                              "give the user running skillkit read access, or list the path in "
                              ".skillignore\n";
  const Measured lint = run_measured({"lint", "hostile"}, tmp.path(), 30);
  expect_bounded(lint);
  EXPECT_EQ(lint.status, 2) << lint.err;
  EXPECT_EQ(lint.out + lint.err, finding + "1 error, 0 warnings in 1 skill checked\n");
  const Measured pack = run_measured({"pack", "--dry-run", "hostile"}, tmp.path(), 30);
  expect_bounded(pack);
  EXPECT_EQ(pack.status, 2) << pack.err;
  EXPECT_EQ(pack.out + pack.err, finding + "hostile: not packed\n");
}

}  // namespace
}  // namespace skillkit
