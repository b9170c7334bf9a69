// Huge files: a 100 MB SKILL.md, runbook and zip (holes, so they cost no disk). Each is refused
// by its size before it is read, with one clear line, quickly and in little memory.
#include <gtest/gtest.h>

#include <string>

#include "tests/hostile/measure.h"

namespace skillkit {
namespace {
using testing::make_sparse_file;
using testing::Measured;
using testing::run_measured;
using testing::TempDir;
using testing::write_file;

constexpr off_t k100MB = 100L << 20;

void expect_bounded(const Measured& m) {
  EXPECT_EQ(m.signal, 0) << "killed by signal " << m.signal;
  // Far less than the file: it was never read.
  EXPECT_LT(m.peak_kb, testing::kPeakLimitKb);
  EXPECT_LT(m.seconds, testing::kSlow * 10.0);
}

TEST(HostileSize, HugeSkillMdIsReadError) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "huge");
  make_sparse_file(tmp / "huge/SKILL.md", k100MB);
  const Measured m = run_measured({"lint", "huge"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 2) << m.err;
  EXPECT_EQ(m.err, "");
  EXPECT_EQ(m.out,
            "huge/SKILL.md: error [SK000 read-error] SKILL.md is 104857600 bytes; skillkit reads "
            "at most 16777216\n1 error, 0 warnings in 1 skill checked\n");
}

TEST(HostileSize, HugeSkillMdIsNotPacked) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "huge");
  make_sparse_file(tmp / "huge/SKILL.md", k100MB);
  const Measured m = run_measured({"pack", "huge"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 2);
  EXPECT_EQ(m.out + m.err,
            "huge/SKILL.md: error [SK000 read-error] SKILL.md is 104857600 bytes; skillkit reads "
            "at most 16777216\nhuge: not packed\n");
  EXPECT_FALSE(std::filesystem::exists(tmp / "huge.zip"));
}

TEST(HostileSize, HugeRunbookIsNotMigrated) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "in");
  make_sparse_file(tmp / "in/huge.md", k100MB);
  const Measured m = run_measured({"migrate", "in/huge.md", "--out", "out"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 1);
  EXPECT_EQ(
      m.out + m.err,
      "in/huge.md -> (no name) (failed)\n  error: it is 104857600 bytes, larger than a runbook can "
      "be (16777216 bytes)\n1 runbook: 0 written, 1 failed; 0 warnings to look at\n");
}

TEST(HostileSize, HugeZipIsNotOpened) {
  TempDir tmp;
  make_sparse_file(tmp / "huge.zip", k100MB);
  const Measured m = run_measured({"inspect", "huge.zip"}, tmp.path());
  expect_bounded(m);
  EXPECT_EQ(m.status, 1);
  EXPECT_EQ(m.out + m.err,
            "huge.zip: error [SK325 zip-size] the zip is 104857600 bytes, 98566144 over the limit "
            "of 6291456; too large to open\n  hint: repack with `skillkit pack`, excluding large "
            "files in .skillignore\n1 error, 0 warnings in 1 skill checked\n");
}

}  // namespace
}  // namespace skillkit
