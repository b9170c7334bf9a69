// Hostile folder trees: 100,000 files, symlink loops, unreadable files and folders, and paths
// longer than PATH_MAX. lint and pack must finish, report each with a clear finding or one
// error line, and stay within bounded time and memory.
#include <fcntl.h>
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

TEST(HostileTree, UnreadableSkillMd) {
  if (!nobody_can_run_skillkit())
    GTEST_SKIP() << "running as root and `nobody` cannot reach " SKILLKIT_BINARY
                    ": chmod 000 does not stop root's reads";
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
  if (!nobody_can_run_skillkit())
    GTEST_SKIP() << "running as root and `nobody` cannot reach " SKILLKIT_BINARY
                    ": chmod 000 does not stop root's reads";
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
  const Measured lint = run_measured({"lint", "hostile"}, tmp.path(), 20, true);
  expect_bounded(lint);
  EXPECT_EQ(lint.out + lint.err, "1 skill checked, no problems\n");
  const Measured pack = run_measured({"pack", "--dry-run", "hostile"}, tmp.path(), 20, true);
  expect_bounded(pack);
  EXPECT_EQ(pack.status, 2) << pack.err;
  EXPECT_EQ(pack.out + pack.err,
            "skillkit: cannot read hostile/references/locked\nhostile: not packed\n");
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
  // lint cannot list what lies past PATH_MAX and has no rule for it (yet); pack refuses it.
  const Measured lint = run_measured({"lint", "hostile"}, tmp.path(), 30);
  expect_bounded(lint);
  EXPECT_EQ(lint.status, 0) << lint.err;
  EXPECT_EQ(lint.out + lint.err, "1 skill checked, no problems\n");
  const Measured pack = run_measured({"pack", "--dry-run", "hostile"}, tmp.path(), 30);
  expect_bounded(pack);
  EXPECT_EQ(pack.status, 2) << pack.err;
  EXPECT_EQ(pack.out + pack.err,
            "skillkit: cannot read "
            "hostile/references/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd/"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
            "dddddddddddddddddddddddddddd\nhostile: not packed\n");
}

}  // namespace
}  // namespace skillkit
