// File and folder names with control characters (\n, ESC, DEL): every report shows them
// escaped (\xNN in text, the format's own escapes in JSON and GitHub annotations), never raw,
// so a name cannot forge a line of output or drive the terminal.
#include <gtest/gtest.h>

#include <string>

#include "tests/hostile/measure.h"
#include "tests/pack/zip_fixtures.h"

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace skillkit {
namespace {
using testing::Measured;
using testing::run_measured;
using testing::TempDir;
using testing::write_file;

const char kSkillMd[] =
    "---\nname: hostile\ndescription: Use this skill when checking that hostile input (bombs, deep "
    "nesting, "
    "huge trees) is refused cleanly by skillkit.\n---\n# Steps\n\nCheck the input.\n";

// A skill whose files have control characters in their names and refused extensions, so each
// gets a finding that names it.
void make_skill(const TempDir& tmp) {
  write_file(tmp / "hostile/SKILL.md", kSkillMd);
  write_file(tmp / "hostile/references/new\nline.sh", "x\n");
  write_file(tmp / "hostile/references/esc\x1b[31mred.sh", "x\n");
  write_file(tmp / "hostile/references/del\x7f.sh", "x\n");
  write_file(tmp / "hostile/ref\x1b]0;title\x07/a.sh", "x\n");
}

bool has_raw_control(const std::string& s) {
  for (char c : s)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return true;
  return false;
}

TEST(HostileNames, TextReportEscapesControlCharacters) {
  TempDir tmp;
  make_skill(tmp);
  const Measured m = run_measured({"lint", "hostile"}, tmp.path());
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_EQ(m.err, "");
  EXPECT_FALSE(has_raw_control(m.out));
  EXPECT_EQ(
      m.out,
      "hostile/ref\\x1b]0;title\\x07/a.sh: error [SK321 file-type] `ref\\x1b]0;title\\x07/a.sh` is "
      "a `.sh` file; DevOps Agent accepts only documents, images and data files\n  hint: accepted: "
      ".md .txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg .jpeg .gif .svg .webp .pdf; "
      "leave the file out with .skillignore, or remove it\nhostile/ref\\x1b]0;title\\x07/a.sh: "
      "error [SK324 file-path] the path `ref\\x1b]0;title\\x07/a.sh` has U+001B, which DevOps "
      "Agent does not accept\n  hint: rename it using letters a-z A-Z, digits, spaces and `_ . / ( "
      ") -`, with a path of at most 512 characters, and update the links to "
      "it\nhostile/references/del\\x7f.sh: error [SK321 file-type] `references/del\\x7f.sh` is a "
      "`.sh` file; DevOps Agent accepts only documents, images and data files\n  hint: accepted: "
      ".md .txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg .jpeg .gif .svg .webp .pdf; "
      "leave the file out with .skillignore, or remove it\nhostile/references/del\\x7f.sh: error "
      "[SK324 file-path] the path `references/del\\x7f.sh` has U+007F, which DevOps Agent does not "
      "accept\n  hint: rename it using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a "
      "path of at most 512 characters, and update the links to "
      "it\nhostile/references/esc\\x1b[31mred.sh: error [SK321 file-type] "
      "`references/esc\\x1b[31mred.sh` is a `.sh` file; DevOps Agent accepts only documents, "
      "images and data files\n  hint: accepted: .md .txt .json .yaml .yml .xml .csv .tsv .html "
      ".htm .png .jpg .jpeg .gif .svg .webp .pdf; leave the file out with .skillignore, or remove "
      "it\nhostile/references/esc\\x1b[31mred.sh: error [SK324 file-path] the path "
      "`references/esc\\x1b[31mred.sh` has U+001B, which DevOps Agent does not accept\n  hint: "
      "rename it using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a path of at most "
      "512 characters, and update the links to it\nhostile/references/new\\x0aline.sh: error "
      "[SK321 file-type] `references/new\\x0aline.sh` is a `.sh` file; DevOps Agent accepts only "
      "documents, images and data files\n  hint: accepted: .md .txt .json .yaml .yml .xml .csv "
      ".tsv .html .htm .png .jpg .jpeg .gif .svg .webp .pdf; leave the file out with .skillignore, "
      "or remove it\nhostile/references/new\\x0aline.sh: error [SK324 file-path] the path "
      "`references/new\\x0aline.sh` has U+000A, which DevOps Agent does not accept\n  hint: rename "
      "it using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a path of at most 512 "
      "characters, and update the links to it\n8 errors, 0 warnings in 1 skill checked\n");
}

TEST(HostileNames, GithubReportEscapesControlCharacters) {
  TempDir tmp;
  make_skill(tmp);
  const Measured m = run_measured({"lint", "--format", "github", "hostile"}, tmp.path());
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_FALSE(has_raw_control(m.out));
  EXPECT_EQ(
      m.out,
      "::error file=hostile/ref\\x1b]0;title\\x07/a.sh,title=SK321 "
      "file-type::`ref\\x1b]0;title\\x07/a.sh` is a `.sh` file; DevOps Agent accepts only "
      "documents, images and data files (hint: accepted: .md .txt .json .yaml .yml .xml .csv .tsv "
      ".html .htm .png .jpg .jpeg .gif .svg .webp .pdf; leave the file out with .skillignore, or "
      "remove it)\n::error file=hostile/ref\\x1b]0;title\\x07/a.sh,title=SK324 file-path::the path "
      "`ref\\x1b]0;title\\x07/a.sh` has U+001B, which DevOps Agent does not accept (hint: rename "
      "it using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a path of at most 512 "
      "characters, and update the links to it)\n::error "
      "file=hostile/references/del\\x7f.sh,title=SK321 file-type::`references/del\\x7f.sh` is a "
      "`.sh` file; DevOps Agent accepts only documents, images and data files (hint: accepted: .md "
      ".txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg .jpeg .gif .svg .webp .pdf; leave "
      "the file out with .skillignore, or remove it)\n::error "
      "file=hostile/references/del\\x7f.sh,title=SK324 file-path::the path "
      "`references/del\\x7f.sh` has U+007F, which DevOps Agent does not accept (hint: rename it "
      "using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a path of at most 512 "
      "characters, and update the links to it)\n::error "
      "file=hostile/references/esc\\x1b[31mred.sh,title=SK321 "
      "file-type::`references/esc\\x1b[31mred.sh` is a `.sh` file; DevOps Agent accepts only "
      "documents, images and data files (hint: accepted: .md .txt .json .yaml .yml .xml .csv .tsv "
      ".html .htm .png .jpg .jpeg .gif .svg .webp .pdf; leave the file out with .skillignore, or "
      "remove it)\n::error file=hostile/references/esc\\x1b[31mred.sh,title=SK324 file-path::the "
      "path `references/esc\\x1b[31mred.sh` has U+001B, which DevOps Agent does not accept (hint: "
      "rename it using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a path of at most "
      "512 characters, and update the links to it)\n::error "
      "file=hostile/references/new%0Aline.sh,title=SK321 file-type::`references/new%0Aline.sh` is "
      "a `.sh` file; DevOps Agent accepts only documents, images and data files (hint: accepted: "
      ".md .txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg .jpeg .gif .svg .webp .pdf; "
      "leave the file out with .skillignore, or remove it)\n::error "
      "file=hostile/references/new%0Aline.sh,title=SK324 file-path::the path "
      "`references/new%0Aline.sh` has U+000A, which DevOps Agent does not accept (hint: rename it "
      "using letters a-z A-Z, digits, spaces and `_ . / ( ) -`, with a path of at most 512 "
      "characters, and update the links to it)\n");
}

TEST(HostileNames, JsonReportEscapesControlCharacters) {
  TempDir tmp;
  make_skill(tmp);
  const Measured m = run_measured({"lint", "--format", "json", "hostile"}, tmp.path());
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_FALSE(has_raw_control(m.out));
  EXPECT_NE(m.out.find(R"("file": "hostile/references/new\nline.sh")"), std::string::npos) << m.out;
  EXPECT_NE(m.out.find(R"("file": "hostile/references/esc\u001b[31mred.sh")"), std::string::npos)
      << m.out;
  EXPECT_NE(m.out.find(R"("file": "hostile/references/del\u007f.sh")"), std::string::npos) << m.out;
}

TEST(HostileNames, FolderNameWithControlCharacters) {
  TempDir tmp;
  write_file(tmp / "bad\x1b[2Jname/SKILL.md", kSkillMd);
  const Measured m = run_measured({"lint", "."}, tmp.path());
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_FALSE(has_raw_control(m.out + m.err));
  EXPECT_EQ(
      m.out + m.err,
      "bad\\x1b[2Jname/SKILL.md:2:7: error [SK103 name-directory-mismatch] `name` is `hostile` but "
      "the folder is `bad\\x1b[2Jname`\n 2 | name: hostile\n   |       ^\n  hint: rename the "
      "folder or change `name` so they match\n1 error, 0 warnings in 1 skill checked\n");
}

TEST(HostileNames, PackEscapesControlCharacters) {
  TempDir tmp;
  make_skill(tmp);
  // Refused: every finding names its file escaped.
  Measured m = run_measured({"pack", "hostile", "--dry-run"}, tmp.path());
  EXPECT_EQ(m.status, 1) << m.err;
  EXPECT_FALSE(has_raw_control(m.out + m.err)) << m.out << m.err;
  EXPECT_NE(m.out.find("hostile/references/new\\x0aline.sh: error [SK321 file-type]"),
            std::string::npos)
      << m.out;
  // Left out by .skillignore, the files still show in --list, escaped.
  write_file(tmp / "hostile/.skillignore", "*.sh\n");
  m = run_measured({"pack", "hostile", "--dry-run", "--list"}, tmp.path());
  EXPECT_EQ(m.status, 0) << m.out << m.err;
  EXPECT_FALSE(has_raw_control(m.out + m.err)) << m.out << m.err;
  EXPECT_NE(m.out.find("references/esc\\x1b[31mred.sh  (excluded by"), std::string::npos) << m.out;
}

TEST(HostileNames, ZipEntryNamesAreEscapedByInspect) {
  TempDir tmp;
  write_file(tmp / "s.zip",
             testing::raw_zip({{.name = "SKILL.md", .data = testing::skill_md("s")},
                               {.name = "references/a\nb\x1b\x7f.md", .data = "x"}}));
  const Measured m = run_measured({"inspect", "--list", "s.zip"}, tmp.path());
  EXPECT_FALSE(has_raw_control(m.out + m.err));
  EXPECT_EQ(m.out + m.err,
            "s.zip (474 bytes, 2 entries)\n         245         245  SKILL.md\n           1        "
            "   1  references/a\\x0ab\\x1b\\x7f.md\ns.zip/references/a\\x0ab\\x1b\\x7f.md: error "
            "[SK324 file-path] the path `references/a\\x0ab\\x1b\\x7f.md` has U+000A, which DevOps "
            "Agent does not accept\n  hint: rename it using letters a-z A-Z, digits, spaces and `_ "
            ". / ( ) -`, with a path of at most 512 characters, and update the links to it\n1 "
            "error, 0 warnings in 1 skill checked\n");
}

}  // namespace
}  // namespace skillkit
