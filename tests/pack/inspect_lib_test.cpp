// inspect: every refusal, on zips built here (adversarial ones with a raw writer).
#include <gtest/gtest.h>

#include "lint/config.h"
#include "pack/inspect.h"
#include "pack/pack.h"
#include "skillkit/skill.h"
#include "tests/pack/zip_fixtures.h"

// Raw entries are written with designated initializers naming only the fields a case changes.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using namespace skillkit::testing;

pack::InspectSettings settings() {
  static const Config kDefaults;
  pack::InspectSettings s;
  s.rules = resolve_rules(kDefaults, "x.zip");
  return s;
}

// "SKnnn file" of each finding.
std::vector<std::string> ids(const pack::InspectResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(d.rule_id + " " + d.file);
  return out;
}

std::string message_of(const pack::InspectResult& r, std::string_view id) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule_id == id) return d.message;
  return "(no " + std::string(id) + ")";
}

RawEntry md(std::string name = "SKILL.md", std::string skill = "s") {
  return RawEntry{.name = std::move(name), .data = skill_md(skill)};
}

pack::InspectResult inspect(const std::string& zip, const std::string& display = "s.zip") {
  return pack::inspect_zip_bytes(zip, display, settings());
}

TEST(Inspect, PackedFixtureIsClean) {
  const fs::path fixture = fs::path(SKILLKIT_TESTDATA_DIR) / "pack" / "rds-triage";
  const auto packed = pack::pack_skill(load_skill(fixture, "rds-triage"), {});
  ASSERT_EQ(packed.status, pack::PackStatus::Packed);
  const auto r = inspect(packed.zip, "dist/rds-triage.zip");
  EXPECT_EQ(ids(r), std::vector<std::string>{});
  EXPECT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(r.zip_bytes, packed.zip.size());
}

TEST(Inspect, RawWriterMakesACleanZip) {
  EXPECT_EQ(ids(inspect(raw_zip({md(), {.name = "references/a.md", .data = "a\n"}}))),
            std::vector<std::string>{});
}

struct Case {
  std::string name;
  std::vector<RawEntry> entries;
  std::vector<std::string> expected;
};

TEST(Inspect, ReportsEachRefusal) {
  const std::vector<Case> cases = {
      {"no SKILL.md", {{.name = "references/a.md", .data = "a\n"}}, {"SK401 s.zip"}},
      {"SKILL.md under a folder",
       {md("s/SKILL.md"), {.name = "s/references/a.md", .data = "a\n"}},
       {"SK401 s.zip/s/SKILL.md"}},
      {"frontmatter rules run on the SKILL.md inside",
       {md("SKILL.md", "other-name")},
       {"SK103 s.zip/SKILL.md"}},
      {"dot-dot",
       {md(), {.name = "references/../../evil.md", .data = "x"}},
       {"SK402 s.zip/references/../../evil.md"}},
      {"absolute", {md(), {.name = "/etc/evil.md", .data = "x"}}, {"SK402 s.zip//etc/evil.md"}},
      {"backslash",
       {md(), {.name = "references\\a.md", .data = "x"}},
       {"SK402 s.zip/references\\a.md"}},
      {"drive letter", {md(), {.name = "C:/a.md", .data = "x"}}, {"SK402 s.zip/C:/a.md"}},
      {"not utf-8", {md(), {.name = "caf\xe9.md", .data = "x"}}, {"SK403 s.zip/caf\\xe9.md"}},
      {"duplicate", {md(), md()}, {"SK404 s.zip/SKILL.md"}},
      {"encrypted",
       {md(), {.name = "a.md", .data = "xxxxxxxxxxxxxxxx", .flags = 1}},
       {"SK405 s.zip/a.md"}},
      {"symlink",
       {md(), {.name = "a.md", .data = "/etc/passwd", .external = 0120777u << 16}},
       {"SK406 s.zip/a.md"}},
      {"bzip2", {md(), {.name = "a.md", .data = "BZh9", .method = 12}}, {"SK408 s.zip/a.md"}},
      {"bad crc", {md(), {.name = "a.md", .data = "hello", .crc = 1234}}, {"SK400 s.zip/a.md"}},
      {"local header disagrees",
       {md(), {.name = "a.md", .data = "hello", .local_name = "b.md"}},
       {"SK400 s.zip"}},
      {"executable",
       {md(), {.name = "a.md", .data = "x", .external = 0100755u << 16}},
       {"SK322 s.zip/a.md"}},
      {"shebang", {md(), {.name = "a.md", .data = "#!/bin/sh\n"}}, {"SK322 s.zip/a.md"}},
      {"script",
       {md(), {.name = "scripts/run.sh", .data = "echo\n"}},
       {"SK320 s.zip/scripts", "SK321 s.zip/scripts/run.sh"}},
      {"file type", {md(), {.name = "tool.exe", .data = "MZ"}}, {"SK321 s.zip/tool.exe"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ids(inspect(raw_zip(c.entries))), c.expected);
  }
}

TEST(Inspect, MessagesSayWhat) {
  EXPECT_EQ(
      message_of(inspect(raw_zip({md(), {.name = "a.md", .data = "hello", .crc = 1}})), "SK400"),
      "CRC mismatch: the entry's data is corrupt");
  EXPECT_EQ(message_of(inspect(raw_zip({md(), {.name = "../a.md", .data = "x"}})), "SK402"),
            "entry name climbs out with `..`");
  EXPECT_EQ(message_of(inspect(raw_zip({md("s/SKILL.md")})), "SK401"),
            "SKILL.md is under `s/`, not at the zip's root");
  EXPECT_EQ(message_of(inspect("this is not a zip"), "SK400"),
            "not a readable zip archive: Not a zip archive");
}

TEST(Inspect, NeverLooksAtTheWorkingFolder) {
  // A link to a file the zip lacks is broken, even when the working folder has that file.
  TempDir tmp;
  write_file(tmp / "references" / "a.md", "on disk, not in the zip\n");
  const fs::path cwd = fs::current_path();
  fs::current_path(tmp.path());
  const std::string body = skill_md("s") + "See [a](references/a.md).\n";
  const auto r = inspect(raw_zip({{.name = "SKILL.md", .data = body}}));
  fs::current_path(cwd);
  EXPECT_EQ(ids(r), std::vector<std::string>{"SK201 s.zip/SKILL.md"});
}

TEST(Inspect, NotAZipTruncatedOrEmpty) {
  const std::string good = raw_zip({md()});
  for (const std::string& bad :
       {std::string("not a zip at all"), good.substr(0, good.size() - 10), std::string()}) {
    const auto r = inspect(bad);
    EXPECT_EQ(ids(r), std::vector<std::string>{"SK400 s.zip"});
  }
}

TEST(Inspect, MoreThanAHundredEntries) {
  std::vector<RawEntry> entries = {md()};
  for (int i = 0; i < 100; ++i)
    entries.push_back({.name = "references/r" + std::to_string(i) + ".md", .data = "x"});
  EXPECT_EQ(ids(inspect(raw_zip(entries))), std::vector<std::string>{"SK323 s.zip/SKILL.md"});
  entries.pop_back();
  EXPECT_EQ(ids(inspect(raw_zip(entries))), std::vector<std::string>{});
}

TEST(Inspect, SizeLimitIsExactToTheByte) {
  // Local header 30 + name, central record 46 + name, end record 22: all stored.
  const std::string skill = skill_md("s");
  const size_t fixed = 2 * (30 + 46) + 2 * 8 + 2 * 5 + 22 + skill.size();
  const std::string fits = raw_zip({md(), {.name = "a.png", .data = noise(6291456 - fixed)}});
  ASSERT_EQ(fits.size(), 6291456u);
  EXPECT_EQ(ids(inspect(fits)), std::vector<std::string>{});
  const std::string over = raw_zip({md(), {.name = "a.png", .data = noise(6291457 - fixed)}});
  ASSERT_EQ(over.size(), 6291457u);
  const auto r = inspect(over);
  EXPECT_EQ(ids(r), std::vector<std::string>{"SK325 s.zip"});
  EXPECT_EQ(message_of(r, "SK325"), "the zip is 6291457 bytes, 1 over the limit of 6291456");
}

TEST(Inspect, FarTooLargeIsNotOpened) {
  pack::InspectSettings s = settings();
  s.max_open_bytes = 7000000;
  const std::string big = raw_zip({md(), {.name = "a.png", .data = noise(7000000)}});
  const auto r = pack::inspect_zip_bytes(big, "s.zip", s);
  EXPECT_EQ(ids(r), std::vector<std::string>{"SK325 s.zip"});
  EXPECT_EQ(r.entries.size(), 0u);
  EXPECT_EQ(message_of(r, "SK325"), "the zip is " + std::to_string(big.size()) + " bytes, " +
                                        std::to_string(big.size() - 6291456) +
                                        " over the limit of 6291456; too large to open");
}

TEST(Inspect, ZipBombByRatioIsNotRead) {
  pack::ZipOutput out;
  std::string error;
  const std::string zeros(20u << 20, '\0');
  const std::string skill = skill_md("s");
  ASSERT_TRUE(pack::build_zip({{"SKILL.md", skill}, {"assets/zeros.txt", zeros}}, {}, out, error));
  const auto r = inspect(out.bytes);
  EXPECT_EQ(ids(r), std::vector<std::string>{"SK407 s.zip/assets/zeros.txt"});
  EXPECT_EQ(message_of(r, "SK407").substr(0, 14), "entry inflates");
}

TEST(Inspect, ZipBombByDeclaredTotalIsNotRead) {
  // Declared sizes are checked before anything is read or allocated.
  std::vector<RawEntry> entries = {md()};
  for (int i = 0; i < 3; ++i)
    entries.push_back({.name = "a" + std::to_string(i) + ".md", .data = "x", .size = 0xfffffff0});
  const auto r = inspect(raw_zip(entries));
  EXPECT_EQ(ids(r), std::vector<std::string>{"SK407 s.zip"});
  const std::uint64_t total = 3 * std::uint64_t{0xfffffff0} + skill_md("s").size();
  EXPECT_EQ(message_of(r, "SK407"), "entries declare " + std::to_string(total) +
                                        " bytes uncompressed in total, over the limit of "
                                        "268435456; nothing was read");
}

TEST(Inspect, LyingSizeIsCorrupt) {
  const auto r = inspect(raw_zip({md(), {.name = "a.md", .data = "hello", .size = 3}}));
  EXPECT_EQ(ids(r), (std::vector<std::string>{"SK400 s.zip/a.md"}));
  EXPECT_EQ(message_of(r, "SK400"), "entry inflates to more than its declared 3 bytes");
}

TEST(Inspect, FileOnDisk) {
  TempDir tmp;
  write_file(tmp / "s.zip", raw_zip({md()}));
  const auto r = pack::inspect_zip_file((tmp / "s.zip").string(), settings());
  EXPECT_EQ(r.io_error, "");
  EXPECT_EQ(ids(r), std::vector<std::string>{});
  const auto missing = pack::inspect_zip_file((tmp / "none.zip").string(), settings());
  EXPECT_EQ(missing.io_error, (tmp / "none.zip").string() + ": No such file or directory");
}

}  // namespace
}  // namespace skillkit
