// `skillkit pack` and `skillkit inspect` end to end: exact output, exit status, files left.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <memory>

#include "tests/pack/zip_fixtures.h"
#include "tests/support/run.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using namespace skillkit::testing;

const fs::path kData = fs::path(SKILLKIT_TESTDATA_DIR) / "pack";

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename());
  std::sort(out.begin(), out.end());
  return out;
}

std::string shell(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string out;
  char buf[4096];
  for (size_t n; pipe && (n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  return out;
}

// A workspace with skills/rds-triage (clean) and, when asked, skills/bad (a Python file).
void make_skills(const fs::path& root, bool bad) {
  fs::create_directories(root / "skills");
  fs::copy(kData / "rds-triage", root / "skills" / "rds-triage", fs::copy_options::recursive);
  if (bad) {
    write_file(root / "skills" / "bad" / "SKILL.md", skill_md("bad"));
    write_file(root / "skills" / "bad" / "tool.py", "print(1)\n");
  }
}

TEST(PackCli, StdoutIsTheGoldenZip) {
  const auto r = run_skillkit({"pack", "rds-triage", "-o", "-"}, kData);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, read_file(kData / "rds-triage.zip"));
  EXPECT_EQ(r.err, "rds-triage: packed to stdout (3 files, 1003 bytes)\n");
}

TEST(PackCli, PipedToSha256sum) {
  if (std::system("command -v sha256sum >/dev/null") != 0) GTEST_SKIP() << "no sha256sum";
  const std::string cd = "cd '" + kData.string() + "' && ";
  const std::string piped =
      shell(cd + "'" SKILLKIT_BINARY "' pack rds-triage -o - 2>/dev/null | sha256sum");
  const std::string golden = shell(cd + "sha256sum < rds-triage.zip");
  EXPECT_EQ(piped, golden);
  EXPECT_EQ(piped.size(), 64u + 4u);  // "<hex>  -\n"
}

TEST(PackCli, DefaultOutputIsNamedAfterTheFolder) {
  TempDir tmp;
  const auto r = run_skillkit({"pack", (kData / "rds-triage").string()}, tmp.path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            (kData / "rds-triage").string() + ": packed rds-triage.zip (3 files, 1003 bytes)\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(listing(tmp.path()), std::vector<std::string>{"rds-triage.zip"});
  EXPECT_EQ(read_file(tmp / "rds-triage.zip"), read_file(kData / "rds-triage.zip"));
  if (std::system("command -v unzip >/dev/null") == 0) {
    EXPECT_EQ(
        std::system(("unzip -tq '" + (tmp / "rds-triage.zip").string() + "' >/dev/null").c_str()),
        0);
  }
}

TEST(PackCli, ALintErrorStopsThatSkillOnly) {
  TempDir tmp;
  make_skills(tmp.path(), true);
  const auto r = run_skillkit({"pack", "skills", "--out-dir", "dist"}, tmp.path());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "");
  // The finding as lint prints it (the rule's own words), then which rule blocked the skill.
  EXPECT_TRUE(r.out.starts_with("skills/bad/tool.py: error [SK321 file-type] ")) << r.out;
  EXPECT_NE(r.out.find("\nskills/bad: not packed: blocked by SK321 file-type\n"
                       "skills/rds-triage: packed dist/rds-triage.zip (3 files, 1003 bytes)\n"
                       "1 skill packed, 1 not packed\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(listing(tmp / "dist"), std::vector<std::string>{"rds-triage.zip"});
}

TEST(PackCli, TheGuardRunsWithoutLint) {
  TempDir tmp;
  make_skills(tmp.path(), true);
  fs::create_directories(tmp / "skills" / "bad" / "scripts");
  fs::create_symlink("../../../secret.md", tmp / "skills" / "bad" / "leak.md");
  const auto r = run_skillkit({"pack", "--no-lint", "skills/bad", "-o", "bad.zip"}, tmp.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "skills/bad/leak.md: error [SK211 symlink-escape] symlink to `../../../secret.md` "
            "leaves the skill folder (or does not resolve); never packed\n"
            "  hint: copy the file into the skill, or exclude it in .skillignore\n"
            "skills/bad/tool.py: error [SK321 file-type] file type `.py` is refused by DevOps "
            "Agent\n"
            "  hint: allowed: .md .txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg "
            ".jpeg .gif .svg .webp .pdf; exclude other files in .skillignore\n"
            "skills/bad: not packed: blocked by SK211 symlink-escape, SK321 file-type\n");
  EXPECT_EQ(listing(tmp.path()), std::vector<std::string>{"skills"});
}

TEST(PackCli, DryRunListsWhatWouldGoIn) {
  const auto r = run_skillkit({"pack", "--dry-run", "--list", "rds-triage"}, kData);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "rds-triage: would pack rds-triage.zip (3 files, 1003 bytes)\n"
            "        size  compressed  name\n"
            "         670         410  SKILL.md\n"
            "         118         105  assets/flow.svg\n"
            "         180         130  references/connection-limits.md\n"
            "           -           -  .skilleval.yaml  (excluded by default: .skilleval.yaml)\n"
            "           -           -  CHANGELOG.md  (excluded by default: CHANGELOG.md)\n"
            "           -           -  README.md  (excluded by default: /README.md)\n"
            "           -           -  evals/  (excluded by default: /evals/)\n");
  EXPECT_FALSE(fs::exists(kData / "rds-triage.zip.tmp"));
}

TEST(PackCli, TooLargeFailsAndLeavesNothing) {
  TempDir tmp;
  write_file(tmp / "big" / "SKILL.md", skill_md("big"));
  write_file(tmp / "big" / "assets" / "a.png", noise(4 << 20, 1));
  write_file(tmp / "big" / "assets" / "b.png", noise(3 << 20, 2));
  write_file(tmp / "big.zip", "an older pack");
  const auto r = run_skillkit({"pack", "--no-lint", "big"}, tmp.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "big/SKILL.md: error [SK325 zip-size] the zip would be 7340525 bytes, 1049069 over "
            "the limit of 6291456; not packed\n"
            "  hint: largest in the zip: assets/a.png 4194304, assets/b.png 3145728, SKILL.md "
            "179 (compressed bytes); shrink or exclude files in .skillignore\n"
            "big: not packed: blocked by SK325 zip-size\n");
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"big", "big.zip"}));
  EXPECT_EQ(read_file(tmp / "big.zip"), "an older pack");
}

TEST(PackCli, UsageErrorsAreOneLineAndExit2) {
  TempDir tmp;
  make_skills(tmp.path(), false);
  fs::create_directories(tmp / "other");
  fs::copy(kData / "rds-triage", tmp / "other" / "rds-triage", fs::copy_options::recursive);
  struct Case {
    std::vector<std::string> args;
    std::string env, err;
  };
  const std::vector<Case> cases = {
      {{"pack", "skills", "other", "-o", "x.zip"},
       "",
       "skillkit: -o/--output needs exactly one skill; 2 found (use --out-dir)\n"},
      {{"pack", "skills", "other"},
       "",
       "skillkit: other/rds-triage and skills/rds-triage would both be packed to "
       "rds-triage.zip; use -o or another layout\n"},
      {{"pack", "skills", "--out-dir", "skills/rds-triage"},
       "",
       "skillkit: skills/rds-triage: the zip skills/rds-triage/rds-triage.zip would be inside "
       "the skill folder; choose another --out-dir or -o\n"},
      {{"pack", "skills", "--prefix", "../up"},
       "",
       "skillkit: --prefix `../up`: must be a relative folder path without `.`, `..`, `\\` or "
       "empty parts\n"},
      {{"pack", "skills"},
       "SOURCE_DATE_EPOCH=yesterday",
       "skillkit: SOURCE_DATE_EPOCH `yesterday` is not a whole number of seconds\n"},
      {{"pack", "missing"}, "", "skillkit: missing: no such file or directory\n"},
      {{"pack", "skills", "-o", "no/such/dir/x.zip"},
       "",
       "skillkit: cannot write no/such/dir/x.zip: No such file or directory\n"
       "skills/rds-triage: not packed\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args[1] + " " + c.err);
    const auto r = run_skillkit(c.args, tmp.path(), c.env);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, c.err);
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"other", "skills"}));
}

TEST(PackCli, SourceDateEpochSetsEveryTime) {
  const auto r =
      run_skillkit({"pack", "rds-triage", "-o", "-"}, kData, "SOURCE_DATE_EPOCH=1700000000");
  EXPECT_EQ(r.status, 0) << r.err;
  const auto records = read_central(r.out);
  ASSERT_EQ(records.size(), 3u);
  for (const CentralRecord& c : records) {
    EXPECT_EQ(c.date, ((2023 - 1980) << 9) | (11 << 5) | 14);
    EXPECT_EQ(c.time, (22 << 11) | (13 << 5) | 10);
  }
  EXPECT_EQ(r.out.size(), read_file(kData / "rds-triage.zip").size());
  EXPECT_NE(r.out, read_file(kData / "rds-triage.zip"));
}

TEST(PackCli, PrefixPutsTheSkillUnderAFolder) {
  const auto r = run_skillkit({"pack", "rds-triage", "--prefix", "rds-triage", "-o", "-"}, kData);
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> names;
  for (const CentralRecord& c : read_central(r.out)) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"rds-triage/SKILL.md", "rds-triage/assets/flow.svg",
                                             "rds-triage/references/connection-limits.md"}));
}

TEST(InspectCli, CleanZip) {
  const auto r = run_skillkit({"inspect", "rds-triage.zip"}, kData);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "1 skill checked, no problems\n");
  EXPECT_EQ(r.err, "");
}

TEST(InspectCli, AdversarialZip) {
  TempDir tmp;
  write_file(tmp / "evil.zip", raw_zip({{.name = "SKILL.md",
                                         .data = skill_md("evil"),
                                         .method = 0,
                                         .flags = 0,
                                         .crc = -1,
                                         .size = -1,
                                         .external = 0100644u << 16,
                                         .made_by = 0x314,
                                         .local_name = ""},
                                        {.name = "../../etc/cron.d/x.md",
                                         .data = "x",
                                         .method = 0,
                                         .flags = 0,
                                         .crc = -1,
                                         .size = -1,
                                         .external = 0100644u << 16,
                                         .made_by = 0x314,
                                         .local_name = ""},
                                        {.name = "link.md",
                                         .data = "/etc/passwd",
                                         .method = 0,
                                         .flags = 0,
                                         .crc = -1,
                                         .size = -1,
                                         .external = 0120777u << 16,
                                         .made_by = 0x314,
                                         .local_name = ""},
                                        {.name = "notes.md",
                                         .data = "hello",
                                         .method = 0,
                                         .flags = 0,
                                         .crc = 7,
                                         .size = -1,
                                         .external = 0100755u << 16,
                                         .made_by = 0x314,
                                         .local_name = ""}}));
  const auto r = run_skillkit({"inspect", "evil.zip"}, tmp.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "evil.zip/../../etc/cron.d/x.md: error [SK402 zip-unsafe-path] entry name climbs out "
            "with `..`\n"
            "  hint: entry names must be relative '/'-separated paths\n"
            "evil.zip/link.md: error [SK406 zip-symlink-entry] entry is a symbolic link\n"
            "  hint: pack the file itself (`skillkit pack` never stores links)\n"
            "evil.zip/notes.md: error [SK322 executable-file] `notes.md` has an execute bit; "
            "DevOps Agent rejects executable files\n"
            "  hint: `chmod -x notes.md` (and `git update-index --chmod=-x` if it is tracked)\n"
            "evil.zip/notes.md: error [SK400 zip-corrupt] CRC mismatch: the entry's data is "
            "corrupt\n"
            "4 errors, 0 warnings in 1 skill checked\n");
  const auto json = run_skillkit({"inspect", "--format", "json", "evil.zip"}, tmp.path());
  EXPECT_EQ(json.status, 1);
  EXPECT_NE(json.out.find("\"SK406\""), std::string::npos) << json.out;
}

TEST(InspectCli, MissingFileIsExit2) {
  const auto r = run_skillkit({"inspect", "rds-triage.zip", "none.zip"}, kData);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "skillkit: none.zip: No such file or directory\n");
}

}  // namespace
}  // namespace skillkit
