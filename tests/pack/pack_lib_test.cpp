// pack_skill: what goes in, what is refused, exact bytes, exact size limit, atomic writes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "pack/atomic_write.h"
#include "pack/pack.h"
#include "skillkit/skill.h"
#include "tests/pack/zip_fixtures.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using namespace skillkit::testing;
using pack::PackStatus;

const fs::path kFixture = fs::path(SKILLKIT_TESTDATA_DIR) / "pack" / "rds-triage";
const fs::path kGolden = fs::path(SKILLKIT_TESTDATA_DIR) / "pack" / "rds-triage.zip";

// A copy of the fixture skill at `dir`, with the junk a real checkout holds beside it.
void copy_fixture(const fs::path& dir, bool own_repo = true) {
  fs::create_directories(dir.parent_path());
  fs::copy(kFixture, dir, fs::copy_options::recursive);
  if (own_repo) write_file(dir / ".git" / "HEAD", "ref: refs/heads/main\n");
  write_file(dir / ".DS_Store", "junk");
  write_file(dir / "references" / "connection-limits.md~", "backup");
  write_file(dir / "references" / ".connection-limits.md.swp", "swap");
  write_file(dir / "SKILL.md.orig", "merge leftover");
}

pack::PackResult pack_dir(const fs::path& dir, const pack::PackOptions& options = {}) {
  return pack::pack_skill(load_skill(dir, dir.filename().string()), options);
}

std::vector<std::string> names(const pack::PackResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.files) out.push_back(f.name);
  return out;
}

// "SKnnn file" of each finding.
std::vector<std::string> ids(const std::vector<Diagnostic>& findings) {
  std::vector<std::string> out;
  for (const Diagnostic& d : findings) out.push_back(d.rule_id + " " + d.file);
  return out;
}

TEST(Pack, FixtureMatchesGoldenBytes) {
  TempDir tmp;
  copy_fixture(tmp / "rds-triage");
  const auto r = pack_dir(tmp / "rds-triage");
  ASSERT_EQ(r.status, PackStatus::Packed) << r.error;
  EXPECT_EQ(names(r), (std::vector<std::string>{"SKILL.md", "assets/flow.svg",
                                                "references/connection-limits.md"}));
  if (std::getenv("SKILLKIT_UPDATE_GOLDEN")) std::ofstream(kGolden, std::ios::binary) << r.zip;
  EXPECT_EQ(r.zip, read_file(kGolden))
      << "the packed bytes changed: review, then rerun with SKILLKIT_UPDATE_GOLDEN=1";
}

TEST(Pack, ExcludesRepositoryFilesByDefault) {
  TempDir tmp;
  copy_fixture(tmp / "rds-triage");
  const auto r = pack_dir(tmp / "rds-triage");
  std::vector<std::string> excluded;
  for (const auto& e : r.excluded) excluded.push_back(e.path + " <- " + e.why);
  EXPECT_EQ(excluded, (std::vector<std::string>{
                          ".DS_Store <- default: .DS_Store",
                          ".git/ <- default: .git/",
                          ".skilleval.yaml <- default: .skilleval.yaml",
                          "CHANGELOG.md <- default: CHANGELOG.md",
                          "README.md <- default: /README.md",
                          "SKILL.md.orig <- default: *.orig",
                          "evals/ <- default: /evals/",
                          "references/.connection-limits.md.swp <- default: *.swp",
                          "references/connection-limits.md~ <- default: *~",
                      }));
}

TEST(Pack, SameBytesWhateverTheMtimesModesAndUmask) {
  TempDir tmp;
  copy_fixture(tmp / "a" / "rds-triage");
  const mode_t old = ::umask(077);
  copy_fixture(tmp / "b" / "rds-triage");
  ::umask(old);
  const fs::path b = tmp / "b" / "rds-triage";
  fs::permissions(b / "SKILL.md", fs::perms::owner_read | fs::perms::owner_write);
  fs::permissions(b / "assets" / "flow.svg", fs::perms::owner_read);
  const auto when = fs::file_time_type::clock::now() - std::chrono::hours(24 * 400);
  for (const char* f : {"SKILL.md", "assets/flow.svg", "references/connection-limits.md"})
    fs::last_write_time(b / f, when);
  const auto first = pack_dir(tmp / "a" / "rds-triage");
  const auto again = pack_dir(tmp / "a" / "rds-triage");
  const auto other = pack_dir(b);
  ASSERT_EQ(first.status, PackStatus::Packed);
  ASSERT_EQ(other.status, PackStatus::Packed);
  EXPECT_EQ(first.zip, again.zip);
  EXPECT_EQ(first.zip, other.zip);
}

TEST(Pack, HeadersAreNormalized) {
  TempDir tmp;
  copy_fixture(tmp / "rds-triage");
  pack::PackOptions options;
  options.zip.epoch = 1700000000;  // 2023-11-14 22:13:20 UTC
  const auto r = pack_dir(tmp / "rds-triage", options);
  ASSERT_EQ(r.status, PackStatus::Packed);
  const auto records = read_central(r.zip);
  ASSERT_EQ(records.size(), 3u);
  std::string previous;
  for (const CentralRecord& c : records) {
    SCOPED_TRACE(c.name);
    EXPECT_LT(previous, c.name);  // sorted
    previous = c.name;
    EXPECT_EQ(c.made_by >> 8, 3);  // Unix
    EXPECT_EQ(c.external, 0100644u << 16);
    EXPECT_EQ(c.extra_len, 0);
    EXPECT_EQ(c.local_extra_len, 0);
    EXPECT_EQ(c.comment_len, 0);
    EXPECT_EQ(c.flags & 0x8, 0);  // no data descriptor
    EXPECT_EQ(c.flags, c.local_flags);
    EXPECT_EQ(c.method, 8);
    EXPECT_EQ(c.date, ((2023 - 1980) << 9) | (11 << 5) | 14);
    EXPECT_EQ(c.time, (22 << 11) | (13 << 5) | (20 / 2));
  }
  EXPECT_EQ(r.zip.substr(r.zip.size() - 2), std::string(2, '\0'));  // no archive comment
  const auto dflt = pack_dir(tmp / "rds-triage");
  for (const CentralRecord& c : read_central(dflt.zip)) {
    EXPECT_EQ(c.date, (1 << 5) | 1);  // 1980-01-01
    EXPECT_EQ(c.time, 0);
  }
}

TEST(Pack, DosTimeClampsToTheZipRange) {
  EXPECT_EQ(pack::dos_time(0).date, (1 << 5) | 1);
  EXPECT_EQ(pack::dos_time(0).time, 0);
  EXPECT_EQ(pack::dos_time(std::int64_t{1} << 40).date, (127 << 9) | (12 << 5) | 31);
}

TEST(Pack, SkillIgnoreInTheSkillAndAParentWithNegation) {
  TempDir tmp;
  const fs::path repo = tmp / "repo";
  fs::create_directories(repo / ".git");
  write_file(repo / ".skillignore", "drafts/\n*.csv\n");
  const fs::path skill = repo / "skills" / "rds-triage";
  copy_fixture(skill, /*own_repo=*/false);
  write_file(skill / ".skillignore", "!assets/keep.csv\nreferences/internal-*.md\n");
  write_file(skill / "drafts" / "idea.md", "draft\n");
  write_file(skill / "assets" / "data.csv", "a,b\n");
  write_file(skill / "assets" / "keep.csv", "a,b\n");
  write_file(skill / "references" / "internal-notes.md", "secret\n");
  write_file(skill / "README.md", "kept by a negation\n");
  write_file(repo / "skills" / ".skillignore", "!/rds-triage/README.md\n");
  const auto r = pack_dir(skill);
  ASSERT_EQ(r.status, PackStatus::Packed) << r.error;
  EXPECT_EQ(names(r),
            (std::vector<std::string>{"README.md", "SKILL.md", "assets/flow.svg", "assets/keep.csv",
                                      "references/connection-limits.md"}));
}

TEST(Pack, InTreeSymlinkIsPackedAsItsContent) {
  TempDir tmp;
  copy_fixture(tmp / "rds-triage");
  fs::create_symlink("connection-limits.md", tmp / "rds-triage" / "references" / "alias.md");
  const auto r = pack_dir(tmp / "rds-triage");
  ASSERT_EQ(r.status, PackStatus::Packed) << r.error;
  const auto records = read_central(r.zip);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].name, "references/alias.md");
  EXPECT_EQ(records[2].external, 0100644u << 16);
  EXPECT_EQ(records[2].crc, crc32(read_file(kFixture / "references" / "connection-limits.md")));
}

struct RefusalCase {
  std::string name;
  std::function<void(const fs::path&)> make;
  std::vector<std::string> expected;  // "SKnnn file"
};

TEST(Pack, RefusesWhatTheServiceRefuses) {
  const std::vector<RefusalCase> cases = {
      {"scripts folder",
       [](const fs::path& d) { write_file(d / "scripts" / "howto.md", "x\n"); },
       {"SK320 s/scripts"}},
      {"python file",
       [](const fs::path& d) { write_file(d / "tool.py", "print(1)\n"); },
       {"SK321 s/tool.py"}},
      {"no extension",
       [](const fs::path& d) { write_file(d / "LICENSE", "MIT\n"); },
       {"SK321 s/LICENSE"}},
      {"executable markdown",
       [](const fs::path& d) {
         write_file(d / "run.md", "x\n");
         fs::permissions(d / "run.md", fs::perms::owner_exec, fs::perm_options::add);
       },
       {"SK322 s/run.md"}},
      {"shebang",
       [](const fs::path& d) { write_file(d / "notes.md", "#!/bin/sh\necho\n"); },
       {"SK322 s/notes.md"}},
      {"script in scripts",
       [](const fs::path& d) { write_file(d / "scripts" / "fix.sh", "echo\n"); },
       {"SK320 s/scripts", "SK321 s/scripts/fix.sh"}},
      {"executable script",
       [](const fs::path& d) {
         write_file(d / "fix.sh", "echo\n");
         fs::permissions(d / "fix.sh", fs::perms::owner_exec, fs::perm_options::add);
       },
       {"SK321 s/fix.sh", "SK322 s/fix.sh"}},
      {"symlink out",
       [](const fs::path& d) {
         write_file(d.parent_path() / "outside.md", "secret\n");
         fs::create_symlink("../../outside.md", d / "references" / "out.md");
       },
       {"SK211 s/references/out.md"}},
      {"dangling symlink",
       [](const fs::path& d) { fs::create_symlink("nowhere.md", d / "gone.md"); },
       {"SK211 s/gone.md"}},
      {"not utf-8 name",
       [](const fs::path& d) { write_file(d / "caf\xe9.md", "x\n"); },
       {"SK403 s/caf\xe9.md"}},
      {"101 files",
       [](const fs::path& d) {
         for (int i = 0; i < 100; ++i)
           write_file(d / "references" / ("r" + std::to_string(i) + ".md"), "x\n");
       },
       {"SK323 s/SKILL.md"}},
  };
  for (const RefusalCase& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir tmp;
    const fs::path dir = tmp / "s";
    write_file(dir / "SKILL.md", skill_md("s"));
    write_file(dir / "references" / "a.md", "a\n");
    c.make(dir);
    const auto r = pack::pack_skill(load_skill(dir, "s"), {});
    EXPECT_EQ(r.status, PackStatus::Refused);
    EXPECT_EQ(ids(r.findings), c.expected);
    EXPECT_TRUE(r.zip.empty());
  }
}

TEST(Pack, FinalGuardRechecksFilesAsTheyAreRead) {
  TempDir tmp;
  copy_fixture(tmp / "rds-triage");
  const Skill skill = load_skill(tmp / "rds-triage", "rds-triage");
  // Changed after the listing: made executable, and replaced by a link out of the folder.
  fs::permissions(tmp / "rds-triage" / "assets" / "flow.svg", fs::perms::owner_exec,
                  fs::perm_options::add);
  write_file(tmp / "outside.md", "secret\n");
  fs::remove(tmp / "rds-triage" / "references" / "connection-limits.md");
  fs::create_symlink("../../outside.md",
                     tmp / "rds-triage" / "references" / "connection-limits.md");
  const auto r = pack::pack_skill(skill, {});
  EXPECT_EQ(r.status, PackStatus::Refused);
  EXPECT_EQ(ids(r.findings), (std::vector<std::string>{
                                 "SK322 rds-triage/assets/flow.svg",
                                 "SK211 rds-triage/references/connection-limits.md",
                             }));
}

// A skill whose zip is `target` bytes: SKILL.md plus incompressible (stored) noise.
pack::PackResult pack_of_size(const fs::path& dir, std::uint64_t target, size_t* noise_bytes) {
  write_file(dir / "SKILL.md", skill_md(dir.filename().string()));
  size_t n = static_cast<size_t>(target) - 1000;
  for (int attempt = 0; attempt < 4; ++attempt) {
    write_file(dir / "assets" / "noise.png", noise(n));
    pack::PackOptions options;
    options.max_zip_bytes = UINT64_MAX;
    const auto r = pack::pack_skill(load_skill(dir, "big"), options);
    if (r.zip.size() == target) break;
    n = static_cast<size_t>(static_cast<std::int64_t>(n) + static_cast<std::int64_t>(target) -
                            static_cast<std::int64_t>(r.zip.size()));
  }
  *noise_bytes = n;
  return pack::pack_skill(load_skill(dir, "big"), {});
}

TEST(Pack, SizeLimitIsExactToTheByte) {
  TempDir tmp;
  size_t n = 0;
  const auto fits = pack_of_size(tmp / "big", 6291456, &n);
  ASSERT_EQ(fits.status, PackStatus::Packed) << fits.error;
  EXPECT_EQ(fits.zip.size(), 6291456u);
  EXPECT_TRUE(fits.files[1].stored);

  write_file(tmp / "big" / "assets" / "noise.png", noise(n + 1));
  const auto over = pack::pack_skill(load_skill(tmp / "big", "big"), {});
  ASSERT_EQ(over.status, PackStatus::TooLarge);
  ASSERT_EQ(over.findings.size(), 1u);
  const Diagnostic& d = over.findings[0];
  EXPECT_EQ(d.rule_id, "SK325");
  EXPECT_EQ(d.file, "big/SKILL.md");
  EXPECT_EQ(d.message, "the zip would be 6291457 bytes, 1 over the limit of 6291456; not packed");
  EXPECT_EQ(d.hint, "largest in the zip: assets/noise.png " + std::to_string(n + 1) +
                        ", SKILL.md " + std::to_string(over.files[0].compressed) +
                        " (compressed bytes); shrink or exclude files in .skillignore");
}

TEST(Pack, PrefixPutsFilesUnderAFolder) {
  TempDir tmp;
  copy_fixture(tmp / "rds-triage");
  pack::PackOptions options;
  options.prefix = "rds-triage/";
  std::string error;
  ASSERT_TRUE(pack::normalize_prefix(options.prefix, error));
  EXPECT_EQ(options.prefix, "rds-triage/");
  const auto r = pack_dir(tmp / "rds-triage", options);
  EXPECT_EQ(names(r), (std::vector<std::string>{"rds-triage/SKILL.md", "rds-triage/assets/flow.svg",
                                                "rds-triage/references/connection-limits.md"}));
  for (std::string bad : {"../x", "/abs", "a\\b", "a//b", "./a"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(pack::normalize_prefix(bad, error));
  }
  std::string empty = "/";
  EXPECT_TRUE(pack::normalize_prefix(empty, error));
  EXPECT_EQ(empty, "");
}

TEST(AtomicWrite, ReplacesAndLeavesNoTemporaryFile) {
  TempDir tmp;
  write_file(tmp / "a.zip", "old");
  std::string error;
  ASSERT_TRUE(pack::write_atomically(tmp / "a.zip", "new", error)) << error;
  EXPECT_EQ(read_file(tmp / "a.zip"), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()), 1);
}

TEST(AtomicWrite, FailureLeavesNothing) {
  TempDir tmp;
  std::string error;
  EXPECT_FALSE(pack::write_atomically(tmp / "missing" / "a.zip", "x", error));
  EXPECT_EQ(error,
            "cannot write " + (tmp / "missing" / "a.zip").string() + ": No such file or directory");
  fs::create_directories(tmp / "dir.zip");  // a folder where the zip should go
  EXPECT_FALSE(pack::write_atomically(tmp / "dir.zip", "x", error));
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()), 1);
}

TEST(AtomicWrite, KilledMidWriteLeavesNoPartialZip) {
  TempDir tmp;
  write_file(tmp / "old.zip", "previous");
  const std::string bytes = noise(3 << 20);
  for (const char* name : {"new.zip", "old.zip"}) {
    SCOPED_TRACE(name);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      std::string error;
      pack::write_atomically(tmp / name, bytes, error, [](size_t written) {
        if (written >= (1u << 20)) ::kill(::getpid(), SIGKILL);
      });
      ::_exit(0);  // not reached
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
  }
  // Nothing new, the old zip untouched, no temporary file.
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(tmp.path())) left.push_back(e.path().filename());
  EXPECT_EQ(left, std::vector<std::string>{"old.zip"});
  EXPECT_EQ(read_file(tmp / "old.zip"), "previous");
}

TEST(Pack, OtherToolsReadTheZip) {
  if (std::system("command -v unzip >/dev/null && command -v python3 >/dev/null") != 0)
    GTEST_SKIP() << "unzip or python3 not installed";
  TempDir tmp;
  copy_fixture(tmp / "rds-triage");
  fs::create_symlink("connection-limits.md", tmp / "rds-triage" / "references" / "alias.md");
  write_file(tmp / "rds-triage" / "references" / "caf\xc3\xa9.md", "utf-8 name\n");
  write_file(tmp / "rds-triage" / "assets" / "empty.txt", "");
  const auto r = pack_dir(tmp / "rds-triage");
  ASSERT_EQ(r.status, PackStatus::Packed) << r.error;
  std::string error;
  ASSERT_TRUE(pack::write_atomically(tmp / "out.zip", r.zip, error));
  const std::string zip = (tmp / "out.zip").string();
  EXPECT_EQ(std::system(("unzip -tq '" + zip + "' >/dev/null").c_str()), 0);
  const std::string py =
      "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "names = z.namelist()\n"
      "assert names == sorted(names), names\n"
      "assert 'references/caf\\u00e9.md' in names, names\n"
      "assert all(i.extra == b'' and i.external_attr == 0o100644 << 16 and i.create_system == 3"
      " for i in z.infolist())\n"
      "assert z.read('references/alias.md') == z.read('references/connection-limits.md')\n"
      "assert z.read('assets/empty.txt') == b''\n";
  write_file(tmp / "check.py", py);
  EXPECT_EQ(std::system(("python3 '" + (tmp / "check.py").string() + "' '" + zip + "'").c_str()),
            0);
}

}  // namespace
}  // namespace skillkit
