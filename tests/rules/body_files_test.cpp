// Cases of the body, link and file rules (SK200-SK211, SK320-SK325) that fixtures cannot hold:
// limits checked on both sides (500/501 lines, 100/101 files, 512/513 characters, a zip right
// at 6,291,456 bytes), options, hints, and secrets built at run time (so that this source file
// holds no secret-shaped text for scanners to flag).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "lint/engine.h"
#include "lint/reporters.h"
#include "rules/common.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

const std::string kFrontmatter =
    "---\nname: s\ndescription: Use this skill when the example service reports elevated error "
    "rates, to find the cause quickly.\n---\n";

// Lints the skill in `dir` (shown as "s") with one rule; `rules` is the YAML of a config's
// `rules:` mapping (empty: the defaults).
std::vector<Diagnostic> lint(const fs::path& dir, const std::string& rule,
                             const std::string& rules = "") {
  testing::TempDir tmp;
  LintSettings settings;
  settings.only_rules = {rule};
  settings.config_file = fs::path(SKILLKIT_TESTDATA_DIR) / "rules" / "fixture-config.yaml";
  if (!rules.empty()) {
    settings.config_file = tmp / "config.yaml";
    testing::write_file(*settings.config_file, "rules:\n" + rules);
  }
  const LintResult result = lint_skills({{dir, "s"}}, settings);
  EXPECT_THAT(result.errors, IsEmpty());
  return result.diagnostics;
}

std::vector<std::string> short_forms(const std::vector<Diagnostic>& found) {
  std::vector<std::string> out;
  for (const Diagnostic& d : found) out.push_back(format_short(d));
  return out;
}

std::string repeat(std::string_view line, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += line;
  return out;
}

// --- SK200 body-too-long ---------------------------------------------------------------------

TEST(BodyTooLong, LimitsAreInclusive) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + repeat("x\n", 500));
  EXPECT_THAT(lint(dir, "SK200"), IsEmpty());
  testing::write_file(dir / "SKILL.md", kFrontmatter + repeat("x\n", 501));
  EXPECT_THAT(short_forms(lint(dir, "SK200")),
              ElementsAre("s/SKILL.md: SK200 the body has 501 lines and ~251 tokens (limits: 500 "
                          "lines, 5000 tokens)"));

  // 100 lines of 200 bytes: 20,000 bytes are 5,000 tokens; one byte more is 5,001.
  const std::string line = std::string(199, 'w') + "\n";
  testing::write_file(dir / "SKILL.md", kFrontmatter + repeat(line, 100));
  EXPECT_THAT(lint(dir, "SK200"), IsEmpty());
  testing::write_file(dir / "SKILL.md", kFrontmatter + repeat(line, 100) + "w");
  EXPECT_THAT(short_forms(lint(dir, "SK200")),
              ElementsAre("s/SKILL.md: SK200 the body has 101 lines and ~5001 tokens (limits: "
                          "500 lines, 5000 tokens)"));
}

TEST(BodyTooLong, NamesTheLargestSectionsAndReadsOptions) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + "# Title\n## A\n" + repeat("a\n", 3) +
                                            "## B\n" + repeat("b\n", 8) + "### B.1\n" +
                                            repeat("b\n", 2) + "## C\n" + repeat("c\n", 5) +
                                            "## D\n" + repeat("d\n", 1));
  EXPECT_THAT(lint(dir, "SK200"), IsEmpty());
  const auto found = lint(dir, "SK200", "  SK200: {max-lines: 10}\n");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].message,
            "the body has 25 lines and ~19 tokens (limits: 10 lines, 5000 tokens); largest "
            "sections: `B` (12 lines, ~9 tokens), `C` (6 lines, ~4 tokens), `A` (4 lines, ~3 "
            "tokens)");
  EXPECT_THAT(found[0].hint, HasSubstr("move `B`, `C`, `A` to files in references/"));

  // Without `##` headings, the next level down is used; without any, no sections are named.
  testing::write_file(dir / "SKILL.md",
                      kFrontmatter + "# T\n### X\n" + repeat("x\n", 4) + "### Y\n" + "y\n");
  EXPECT_THAT(lint(dir, "SK200", "  SK200: {max-lines: 2}\n")[0].message,
              HasSubstr("largest sections: `X` (5 lines, ~4 tokens), `Y` (2 lines, ~2 tokens)"));
  testing::write_file(dir / "SKILL.md", kFrontmatter + repeat("x\n", 4));
  const auto plain = lint(dir, "SK200", "  SK200: {max-tokens: 1}\n");
  ASSERT_THAT(plain, SizeIs(1));
  EXPECT_THAT(plain[0].message, Not(HasSubstr("sections")));
}

// --- SK201-SK204: reading link destinations ----------------------------------------------------

TEST(ClassifyLink, SchemesAnchorsAndAbsolutePaths) {
  using K = rules::LinkTarget::Kind;
  EXPECT_EQ(rules::classify_link("").kind, K::None);
  EXPECT_EQ(rules::classify_link("#steps").kind, K::None);
  EXPECT_EQ(rules::classify_link("?x=1").kind, K::None);
  EXPECT_EQ(rules::classify_link("https://example.com/a.md").kind, K::Url);
  EXPECT_EQ(rules::classify_link("mailto:ops@example.com").kind, K::Url);
  EXPECT_EQ(rules::classify_link("vscode-insiders+x.y:open").kind, K::Url);
  EXPECT_EQ(rules::classify_link("//cdn.example.com/a.png").kind, K::Url);
  for (const char* url : {"file:///etc/hosts", "File:x", "/Users/me/a.md", "/a.md", "\\a.md",
                          "~/a.md", "C:\\a.md", "c:/a.md", "D:"})
    EXPECT_EQ(rules::classify_link(url).kind, K::Absolute) << url;
}

TEST(ClassifyLink, RelativePathsAreDecodedAndNormalized) {
  using K = rules::LinkTarget::Kind;
  const auto t = rules::classify_link("./references/my%20notes.md?plain=1#top");
  EXPECT_EQ(t.kind, K::Relative);
  EXPECT_EQ(t.path, "references/my notes.md");
  EXPECT_FALSE(t.outside);
  EXPECT_EQ(rules::classify_link("references//a/../b.md").path, "references/b.md");
  EXPECT_EQ(rules::classify_link("references/").path, "references");
  EXPECT_EQ(rules::classify_link("%zz%4").path, "%zz%4");  // malformed escapes kept
  EXPECT_EQ(rules::classify_link("./").path, "");
  EXPECT_TRUE(rules::classify_link("../x.md").outside);
  EXPECT_TRUE(rules::classify_link("a/../../x.md").outside);
  EXPECT_TRUE(rules::classify_link("%2E%2E/x.md").outside);
  EXPECT_FALSE(rules::classify_link("a/../x.md").outside);
}

TEST(LinkBroken, HintsSuggestTheFileMeant) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter +
                                            "[a](references/Setup.md)\n[b](setup.md)\n"
                                            "[c](nothing.md)\n[d](README.md)\n");
  testing::write_file(dir / "references/setup.md", "# Setup\n");
  testing::write_file(dir / "README.md", "# Readme\n");
  const auto found = lint(dir, "SK201");
  ASSERT_THAT(found, SizeIs(4));
  EXPECT_EQ(found[0].hint,
            "paths are case-sensitive once uploaded: did you mean `references/setup.md`?");
  EXPECT_EQ(found[1].hint, "did you mean `references/setup.md`?");
  EXPECT_EQ(found[2].hint, "create the file in the skill folder, or fix the link");
  EXPECT_THAT(found[3].hint, HasSubstr("re-include `README.md` with a `!` line in .skillignore"));

  // Re-included by a negation, the README is packed and the link is fine.
  testing::write_file(dir / ".skillignore", "!/README.md\n");
  EXPECT_THAT(lint(dir, "SK201"), SizeIs(3));
}

// --- SK210 secret ----------------------------------------------------------------------------

// Secret-shaped strings, assembled here so that the source holds none of them whole.
std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}
const std::string kKeyId = join({"AKIA", "ZQ4HDKJW3FNU6TBO"});
const std::string kSecretKey = join({"kq3Rv9Lm2Xp", "T8sWz4Yb7Nc1Hd6Gf0Je5Ua3Qi9Ok"});
const std::string kGithub = join({"ghp", "_", "R8mK2xQ9vLw4Zt7Yb3Nc6Hd1Gf5Je0Ua2Pi8"});
const std::string kGithubPat =
    join({"github", "_pat_", "u8jzPde0IgxLd6GncfBAep",
          "_fJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7Dx"});
const std::string kSlack = join({"xox", "b-", "17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"});
const std::string kPemBody =
    join({"MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi", "Z1BjP5CE/Wm/Rr500P"});

TEST(Secret, FindsEachKindAndNeverPrintsIt) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + "Read references/notes.md.\n");
  testing::write_file(
      dir / "references/notes.md",
      "export AWS_ACCESS_KEY_ID=" + kKeyId + "\n" +                                  // 1
          "export AWS_SECRET_ACCESS_KEY=" + kSecretKey + "\n" +                      // 2
          "{\"SecretAccessKey\": \"" + kSecretKey + "\"}\n" +                        // 3
          "aws configure set aws_secret_access_key " + kSecretKey + "\n" +           // 4
          "token: " + kGithub + "\n" +                                               // 5
          "token: " + kGithubPat + "\n" +                                            // 6
          "slack: " + kSlack + "\n" +                                                // 7
          "-----BEGIN OPENSSH PRIVATE KEY-----\n" + kPemBody + "\n" +                // 8
          "-----END OPENSSH PRIVATE KEY-----\n" +                                    // 10
          "{\"key\": \"-----BEGIN EC PRIVATE KEY-----\\n" + kPemBody + "\\n\"}\n" +  // 11
          "  tls.key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    Proc-Type: 4,ENCRYPTED\n\n    " +
          kPemBody + "\n" +                 // 12-16
          "DB_PASSWORD='Tr0ub4dor&3x'\n");  // 17
  const auto found = lint(dir, "SK210");
  EXPECT_THAT(
      short_forms(found),
      ElementsAre(
          "s/references/notes.md:1:26: SK210 found an AWS access key id (`AKIA…`)",
          "s/references/notes.md:2:30: SK210 found an AWS secret access key (`kq3R…`) after "
          "`AWS_SECRET_ACCESS_KEY`",
          "s/references/notes.md:3:22: SK210 found an AWS secret access key (`kq3R…`) after "
          "`SecretAccessKey`",
          "s/references/notes.md:4:41: SK210 found an AWS secret access key (`kq3R…`) after "
          "`aws_secret_access_key`",
          "s/references/notes.md:5:8: SK210 found a GitHub token (`ghp_…`)",
          "s/references/notes.md:6:8: SK210 found a GitHub token (`github_pat_…`)",
          "s/references/notes.md:7:8: SK210 found a Slack token (`xoxb-…`)",
          "s/references/notes.md:8:1: SK210 found a private key (`-----BEGIN OPENSSH PRIVATE "
          "KEY-----`)",
          "s/references/notes.md:11:10: SK210 found a private key (`-----BEGIN EC PRIVATE "
          "KEY-----`)",
          "s/references/notes.md:13:5: SK210 found a private key (`-----BEGIN RSA PRIVATE "
          "KEY-----`)",
          "s/references/notes.md:17:14: SK210 found a literal password in `DB_PASSWORD`"));
  for (const Diagnostic& d : found) {
    for (const std::string& secret : {kKeyId, kSecretKey, kGithub, kSlack, kPemBody})
      EXPECT_THAT(d.message + d.hint, Not(HasSubstr(secret.substr(0, 8))));
  }
}

TEST(Secret, SkipsPlaceholdersBinariesLargeAndExcludedFiles) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + "Read the references.\n");
  testing::write_file(
      dir / "references/placeholders.md",
      join({"AKIA",
            "IOSFODNN7EXAMPLE\n",
            "ASIA",
            "XXXXXXXXXXXXXXXX\n",
            "AKIA",
            "1234567890ABCDEF\n",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY",
            "EXAMPLEKEY\n",
            "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n",
            "ghp",
            "_",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
            "xox",
            "b-your-bot-token-goes-here-please\n",
            "xox",
            "p-1234567890-1234567890-1234567890-abcdef\n",
            "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\n<your key here>\n",
            "password = \"<password>\"\n",
            "password: \"changeme\"\npassword: \"hunter2\"\npassword: \"correct horse battery\"\n",
            "password: \"${DB_PASSWORD}\"\nadmin_password: \"Adm1n_Passw0rd\"\n",
            "password_policy: \"Str0ng&Long\"\n",
            "xAKIA",
            "ZQ4HDKJW3FNU6TBO\n",
            "AKIA",
            "ZQ4HDKJW3FNU6TBOX\n"}));
  EXPECT_THAT(short_forms(lint(dir, "SK210")), IsEmpty());

  fs::remove(dir / "references/placeholders.md");
  testing::write_file(dir / "README.md", kKeyId + "\n");                             // not packed
  testing::write_file(dir / "assets/logo.png", kKeyId + "\n");                       // an image
  testing::write_file(dir / "references/data.json", std::string("\0", 1) + kKeyId);  // binary
  testing::write_file(dir / "references/big.md",
                      kKeyId + "\n" + std::string((1u << 20) - kKeyId.size(), 'x'));  // > 1 MiB
  EXPECT_THAT(short_forms(lint(dir, "SK210")), IsEmpty());
  testing::write_file(dir / "references/big.md",
                      kKeyId + "\n" + std::string((1u << 20) - kKeyId.size() - 1, 'x'));
  EXPECT_THAT(short_forms(lint(dir, "SK210")),
              ElementsAre("s/references/big.md:1:1: SK210 found an AWS access key id (`AKIA…`)"));
}

// --- SK323 too-many-files --------------------------------------------------------------------

TEST(TooManyFiles, CountsWhatThePackHolds) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + "Read the references.\n");
  for (int i = 1; i <= 99; ++i)
    testing::write_file(dir / ("references/r" + std::to_string(i) + ".md"), "# R\n");
  testing::write_file(dir / "README.md", "# Readme\n");  // excluded by default
  testing::write_file(dir / "evals/cases.md", "# Cases\n");
  testing::write_file(dir / ".skillignore", "*.tmp\n");
  testing::write_file(dir / "references/x.tmp", "tmp\n");
  EXPECT_THAT(lint(dir, "SK323"), IsEmpty());  // 100 files

  testing::write_file(dir / "references/r100.md", "# R\n");
  EXPECT_THAT(short_forms(lint(dir, "SK323")),
              ElementsAre("s/SKILL.md: SK323 the pack would hold 101 files; DevOps Agent accepts "
                          "at most 100"));
  EXPECT_THAT(lint(dir, "SK323", "  SK323: {max: 101}\n"), IsEmpty());
  EXPECT_THAT(lint(dir, "SK323", "  SK323: {max: 5}\n"), SizeIs(1));
}

// --- SK324 file-path -------------------------------------------------------------------------

TEST(FilePath, AtMost512Characters) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + "Read the references.\n");
  // "references/" (11) + 200 + "/" + 200 + "/" + name: 413 + name.
  const std::string folders = "references/" + std::string(200, 'a') + "/" + std::string(200, 'b');
  const std::string ok = folders + "/" + std::string(96, 'c') + ".md";
  ASSERT_EQ(ok.size(), 512u);
  testing::write_file(dir / ok, "# C\n");
  EXPECT_THAT(lint(dir, "SK324"), IsEmpty());
  const std::string long_path = folders + "/" + std::string(97, 'd') + ".md";
  testing::write_file(dir / long_path, "# D\n");
  EXPECT_THAT(short_forms(lint(dir, "SK324")),
              ElementsAre("s/" + long_path +
                          ": SK324 the path is 513 characters long; DevOps "
                          "Agent accepts at most 512"));
}

TEST(FilePath, NamesControlCharacters) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + "Read the references.\n");
  testing::write_file(dir / "references/a\tb.md", "# T\n");
  EXPECT_THAT(short_forms(lint(dir, "SK324")),
              ElementsAre("s/references/a\tb.md: SK324 the path `references/a\tb.md` has U+0009, "
                          "which DevOps Agent does not accept"));
}

// --- SK325 zip-size --------------------------------------------------------------------------

TEST(ZipSize, ErrsOnlyWhenEvenTheBestCaseCannotFit) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "s";
  testing::write_file(dir / "SKILL.md", kFrontmatter + "Look at the screenshot.\n");
  testing::write_file(dir / "README.md", std::string(8u << 20, 'r'));  // not packed
  const std::uint64_t skill_md = fs::file_size(dir / "SKILL.md");
  // 22 (end of archive) + per entry 76 + 2 * path; SKILL.md counts a tenth of its bytes.
  const std::uint64_t fixed = 22 + (skill_md / 10 + 76 + 2 * 8) + (76 + 2 * 17);
  const std::uint64_t fits = 6291456 - fixed;
  testing::write_file(dir / "assets/screen.png", std::string(fits, 'p'));
  EXPECT_THAT(lint(dir, "SK325"), IsEmpty());

  testing::write_file(dir / "assets/screen.png", std::string(fits + 1, 'p'));
  EXPECT_THAT(short_forms(lint(dir, "SK325")),
              ElementsAre("s/SKILL.md: SK325 the zip would take at least ~6291457 bytes, over the "
                          "6291456-byte limit (" +
                          std::to_string(fits + 1) +
                          " bytes are images and PDFs, which do not compress); largest: "
                          "`assets/screen.png` (" +
                          std::to_string(fits + 1) + " bytes), `SKILL.md` (" +
                          std::to_string(skill_md) + " bytes)"));
  EXPECT_THAT(lint(dir, "SK325", "  SK325: {max-bytes: 6291457}\n"), IsEmpty());

  // 8 MB of Markdown is over the limit before compression, but text compresses: no error.
  fs::remove(dir / "assets/screen.png");
  testing::write_file(dir / "references/big.md", std::string(8u << 20, 't'));
  EXPECT_THAT(lint(dir, "SK325"), IsEmpty());
}

}  // namespace
}  // namespace skillkit
