// Zip bombs through `skillkit inspect`, end to end: huge declared sizes, a high ratio, sizes
// that lie, many entries, a zip inside the zip. Each gets its finding without inflating more
// than the limits allow, quickly and in bounded memory.
#include <gtest/gtest.h>

#include <string>

#include "pack/zip_writer.h"
#include "tests/hostile/measure.h"
#include "tests/pack/zip_fixtures.h"

// Raw entries are written with designated initializers naming only the fields a case changes.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace skillkit {
namespace {
using testing::Measured;
using testing::raw_zip;
using testing::RawEntry;
using testing::run_measured;
using testing::TempDir;
using testing::write_file;

Measured inspect(const std::string& zip, const std::vector<std::string>& extra = {}) {
  TempDir tmp;
  write_file(tmp / "s.zip", zip);
  std::vector<std::string> args = {"inspect"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("s.zip");
  return run_measured(args, tmp.path());
}

void expect_bounded(const Measured& m) {
  EXPECT_EQ(m.signal, 0) << "killed by signal " << m.signal;
  EXPECT_LT(m.peak_kb, testing::kPeakLimitKb);
  EXPECT_LT(m.seconds, testing::kSlow * 20.0);
}

RawEntry md() {
  return RawEntry{.name = "SKILL.md", .data = testing::skill_md("s")};
}

// The raw deflate data of `data` (what a zip entry stores), from an archive built by pack.
std::string deflated(const std::string& data) {
  pack::ZipOutput out;
  std::string error;
  if (!pack::build_zip({{"x", data}}, {}, out, error)) return {};
  // One entry: local header (30 bytes + the 1-byte name), then the data.
  return out.bytes.substr(31, out.compressed[0]);
}

TEST(HostileZip, HugeDeclaredSizes) {
  std::vector<RawEntry> entries = {md()};
  for (int i = 0; i < 1000; ++i)
    entries.push_back({.name = "a" + std::to_string(i) + ".md", .data = "x", .size = 0xfffffff0});
  const Measured m = inspect(raw_zip(entries));
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(
      m.out + m.err,
      "s.zip: error [SK407 zip-bomb] entries declare 4294967280245 bytes uncompressed in total, "
      "over the limit of 268435456; nothing was read\n  hint: a zip bomb, or far more data than a "
      "skill can hold\ns.zip/SKILL.md: error [SK323 too-many-files] the pack would hold 1001 "
      "files; DevOps Agent accepts at most 100\n  hint: merge small references, or exclude files "
      "in .skillignore\n2 errors, 0 warnings in 1 skill checked\n");
}

TEST(HostileZip, HighRatio) {
  // 200 MiB of zeros deflate to about 200 KiB: 1000:1.
  const std::string data = deflated(std::string(200u << 20, '\0'));
  ASSERT_FALSE(data.empty());
  const Measured m = inspect(
      raw_zip({md(), {.name = "assets/zeros.txt", .data = data, .method = 8, .size = 200u << 20}}));
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(
      m.out + m.err,
      "s.zip/SKILL.md: error [SK325 zip-size] the zip would take at least ~20971766 bytes, over "
      "the 6291456-byte limit (0 bytes are images and PDFs, which do not compress); largest: "
      "`assets/zeros.txt` (209715200 bytes), `SKILL.md` (245 bytes)\n  hint: shrink or remove "
      "large images and PDFs, or leave files out of the pack with .skillignore; `skillkit pack` "
      "reports the exact size\ns.zip/assets/zeros.txt: error [SK407 zip-bomb] entry inflates "
      "203529 bytes to 209715200 (over 200:1); not read\n  hint: a zip bomb, or data that does not "
      "belong in a skill\n2 errors, 0 warnings in 1 skill checked\n");
}

TEST(HostileZip, SizeThatLies) {
  // Declared 1,000 bytes (too small for the ratio check); the data inflates to 200 MiB.
  const std::string zeros(200u << 20, '\0');
  const std::string data = deflated(zeros);
  ASSERT_FALSE(data.empty());
  const Measured m = inspect(raw_zip({md(),
                                      {.name = "assets/zeros.txt",
                                       .data = data,
                                       .method = 8,
                                       .crc = testing::crc32(zeros),
                                       .size = 1000}}));
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.out + m.err,
            "s.zip/assets/zeros.txt: error [SK400 zip-corrupt] entry inflates to more than its "
            "declared 1000 bytes\n1 error, 0 warnings in 1 skill checked\n");
}

TEST(HostileZip, ManyEntriesJustUnderTheRatio) {
  // 255 entries of 1 MiB - 1 of zeros each: each under the ratio check's minimum size, the
  // declared total under the limit; inspect reads them all (255 MiB) in bounded memory.
  const std::string zeros((1u << 20) - 1, '\0');
  const std::string data = deflated(zeros);
  std::vector<RawEntry> entries = {md()};
  for (int i = 0; i < 255; ++i)
    entries.push_back({.name = "assets/z" + std::to_string(i) + ".txt",
                       .data = data,
                       .method = 8,
                       .crc = testing::crc32(zeros),
                       .size = static_cast<std::int64_t>(zeros.size())});
  const Measured m = inspect(raw_zip(entries));
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.out + m.err,
            "s.zip/SKILL.md: error [SK323 too-many-files] the pack would hold 256 files; DevOps "
            "Agent accepts at most 100\n  hint: merge small reference files, or leave files out of "
            "the pack with .skillignore\ns.zip/SKILL.md: error [SK325 zip-size] the zip would take "
            "at least ~26765483 bytes, over the 6291456-byte limit (0 bytes are images and PDFs, "
            "which do not compress); largest: `assets/z100.txt` (1048575 bytes), `assets/z101.txt` "
            "(1048575 bytes), `assets/z102.txt` (1048575 bytes)\n  hint: shrink or remove large "
            "images and PDFs, or leave files out of the pack with .skillignore; `skillkit pack` "
            "reports the exact size\n2 errors, 0 warnings in 1 skill checked\n");
}

TEST(HostileZip, HundredThousandEntries) {
  std::vector<pack::ZipInput> inputs;
  const std::string skill = testing::skill_md("s");
  inputs.push_back({"SKILL.md", skill});
  for (int i = 0; i < 100000; ++i)
    inputs.push_back({"references/r" + std::to_string(i) + ".md", "x"});
  pack::ZipOutput out;
  std::string error;
  ASSERT_TRUE(pack::build_zip(inputs, {.level = 0}, out, error)) << error;
  const Measured m = inspect(out.bytes);
  // Every entry is listed and kept in memory (about 7 KB each under ASan): twice the bound.
  EXPECT_EQ(m.signal, 0) << "killed by signal " << m.signal;
  EXPECT_LT(m.peak_kb, 2 * testing::kPeakLimitKb);
  EXPECT_LT(m.seconds, testing::kSlow * 20.0);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.out + m.err,
            "s.zip: error [SK325 zip-size] the zip is 11678215 bytes, 5386759 over the limit of "
            "6291456\n  hint: repack with `skillkit pack`, excluding large files in "
            ".skillignore\ns.zip/SKILL.md: error [SK323 too-many-files] the pack would hold 100001 "
            "files; DevOps Agent accepts at most 100\n  hint: merge small reference files, or "
            "leave files out of the pack with .skillignore\ns.zip/SKILL.md: error [SK325 zip-size] "
            "the zip would take at least ~11577918 bytes, over the 6291456-byte limit (0 bytes are "
            "images and PDFs, which do not compress); largest: `SKILL.md` (245 bytes), "
            "`references/r10000.md` (1 bytes), `references/r10001.md` (1 bytes)\n  hint: shrink or "
            "remove large images and PDFs, or leave files out of the pack with .skillignore; "
            "`skillkit pack` reports the exact size\n3 errors, 0 warnings in 1 skill checked\n");
}

TEST(HostileZip, NestedZipIsNotOpened) {
  std::vector<RawEntry> inner_entries = {md()};
  for (int i = 0; i < 3; ++i)
    inner_entries.push_back(
        {.name = "a" + std::to_string(i) + ".md", .data = "x", .size = 0xfffffff0});
  const std::string inner = raw_zip(inner_entries);
  const Measured m = inspect(raw_zip({md(), {.name = "assets/inner.zip", .data = inner}}));
  expect_bounded(m);
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(
      m.out + m.err,
      "s.zip/assets/inner.zip: error [SK321 file-type] `assets/inner.zip` is a `.zip` file; DevOps "
      "Agent accepts only documents, images and data files\n  hint: accepted: .md .txt .json .yaml "
      ".yml .xml .csv .tsv .html .htm .png .jpg .jpeg .gif .svg .webp .pdf; leave the file out "
      "with .skillignore, or remove it\n1 error, 0 warnings in 1 skill checked\n");
}

}  // namespace
}  // namespace skillkit
