// docs/commands/*.md are `skillkit __generate markdown [COMMAND]`: a test fails when a page is
// stale, missing or left over (SKILLKIT_UPDATE_GOLDEN=1 rewrites them for review). The man page
// and the completions come from the same generator; their shape is checked here too.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>

#include "tests/support/run.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::read_file;
using testing::run_skillkit;

const fs::path kDocs = fs::path(SKILLKIT_SOURCE_DIR) / "docs" / "commands";

void expect_page(const std::string& file, const std::vector<std::string>& args) {
  const auto r = run_skillkit(args);
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.err, "");
  if (std::getenv("SKILLKIT_UPDATE_GOLDEN")) {
    fs::create_directories(kDocs);
    std::ofstream(kDocs / file, std::ios::binary) << r.out;
    return;
  }
  EXPECT_EQ(read_file(kDocs / file), r.out)
      << "docs/commands/" << file << " is stale: rerun the ship tests with "
      << "SKILLKIT_UPDATE_GOLDEN=1, or `skillkit __generate markdown` into docs/commands/";
}

// The commands the index links to, in order: "- [`skillkit lint`](lint.md): ...".
std::vector<std::string> indexed_commands() {
  const auto r = run_skillkit({"__generate", "markdown"});
  std::vector<std::string> out;
  const std::regex item(R"(- \[`skillkit ([a-z]+)`\]\(([a-z]+)\.md\): .+)");
  std::smatch m;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (std::regex_match(line, m, item) && m[1] == m[2]) out.push_back(m[1]);
  return out;
}

TEST(CommandDocs, IndexListsEveryCommand) {
  EXPECT_EQ(indexed_commands(),
            (std::vector<std::string>{"lint", "rules", "explain", "migrate", "new", "pack",
                                      "inspect", "upload", "skills"}));
}

TEST(CommandDocs, PagesAreNotStale) {
  expect_page("README.md", {"__generate", "markdown"});
  std::set<std::string> expected = {"README.md"};
  for (const std::string& cmd : indexed_commands()) {
    expect_page(cmd + ".md", {"__generate", "markdown", cmd});
    expected.insert(cmd + ".md");
  }
  std::set<std::string> present;
  for (const auto& e : fs::directory_iterator(kDocs)) present.insert(e.path().filename().string());
  EXPECT_EQ(present, expected) << "docs/commands/ holds a page for a command that is gone";
}

TEST(CommandDocs, PageIsTheCommandHelp) {
  const auto page = run_skillkit({"__generate", "markdown", "lint"});
  const auto help = run_skillkit({"lint", "--help"});
  const std::string head =
      "# skillkit lint\n\nCheck skills against every rule (see `skillkit rules`)\n\nGenerated";
  EXPECT_EQ(page.out.substr(0, head.size()), head);
  EXPECT_NE(page.out.find("```text\n" + help.out + "```\n"), std::string::npos) << page.out;
}

TEST(CommandDocs, SkillsPageHasEverySubcommand) {
  const std::string page = run_skillkit({"__generate", "markdown", "skills"}).out;
  size_t at = 0;
  for (const std::string sub :
       {"list", "get", "versions", "activate", "deactivate", "delete", "download"}) {
    const size_t found = page.find("\n## skillkit skills " + sub + "\n", at);
    ASSERT_NE(found, std::string::npos) << sub;
    at = found;
    const auto help = run_skillkit({"skills", sub, "--help"});
    EXPECT_NE(page.find("```text\n" + help.out + "```\n", at), std::string::npos) << sub;
  }
}

TEST(CommandDocs, UnknownCommandIsExit2) {
  const auto r = run_skillkit({"__generate", "markdown", "lnt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "skillkit: no command `lnt` (see `skillkit --help`)\n");
  const auto man = run_skillkit({"__generate", "man", "lint"});
  EXPECT_EQ(man.status, 2);
  EXPECT_EQ(man.err, "skillkit: `man` takes no command (only markdown does)\n");
}

TEST(CommandDocs, GenerateIsHidden) {
  const auto r = run_skillkit({"--help"});
  EXPECT_EQ(r.out.find("__generate"), std::string::npos) << r.out;
}

TEST(ManPage, HasEveryCommandAndNoUnescapedDash) {
  const std::string man = run_skillkit({"__generate", "man"}).out;
  const std::string head = ".TH SKILLKIT 1 \"\" \"skillkit " SKILLKIT_EXPECTED_VERSION "\"";
  EXPECT_EQ(man.substr(0, head.size()), head);
  for (const std::string cmd : {"lint", "rules", "explain", "migrate", "new", "pack", "inspect",
                                "upload", "skills", "skills list", "skills download"})
    EXPECT_NE(man.find("\n.SS skillkit " + cmd + "\n"), std::string::npos) << cmd;
  EXPECT_NE(man.find("\n.SH EXIT STATUS\n"), std::string::npos);
  // roff reads "-" as a hyphen: options must be written "\-" to survive copy and paste.
  EXPECT_EQ(man.find("--format"), std::string::npos);
  EXPECT_NE(man.find("\\-\\-format"), std::string::npos);
}

TEST(ManPage, OutputIsWrittenWholeOrNotAtAll) {
  testing::TempDir tmp;
  const auto ok = run_skillkit({"__generate", "man", "-o", (tmp / "skillkit.1").string()});
  EXPECT_EQ(ok.status, 0);
  EXPECT_EQ(ok.out, "");
  EXPECT_EQ(read_file(tmp / "skillkit.1"), run_skillkit({"__generate", "man"}).out);
  const std::string bad = (tmp / "no/such/dir/skillkit.1").string();
  const auto r = run_skillkit({"__generate", "man", "-o", bad});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.substr(0, 24 + bad.size()), "skillkit: cannot write " + bad + ":");
  EXPECT_FALSE(fs::exists(tmp / "no"));
}

// Completes `words` (the last one being completed) with the generated bash completion.
std::string bash_complete(const std::string& words) {
  testing::TempDir tmp;
  testing::write_file(tmp / "skillkit.bash", run_skillkit({"__generate", "bash"}).out);
  const std::string script = "source '" + (tmp / "skillkit.bash").string() + "'; COMP_WORDS=(" +
                             words +
                             "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _skillkit; "
                             "printf '%s\\n' \"${COMPREPLY[@]}\" | sort";
  testing::write_file(tmp / "run.sh", script);
  const std::string cmd = "cd '" + tmp.path().string() + "' && bash run.sh >out 2>err";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << read_file(tmp / "err");
  return read_file(tmp / "out");
}

TEST(BashCompletion, CompletesCommandsSubcommandsAndOptions) {
  EXPECT_EQ(bash_complete("skillkit sk"), "skills\n");
  EXPECT_EQ(bash_complete("skillkit in"), "inspect\n");
  EXPECT_EQ(bash_complete("skillkit skills d"), "deactivate\ndelete\ndownload\n");
  EXPECT_EQ(bash_complete("skillkit lint --st"), "--strict\n");
  EXPECT_EQ(bash_complete("skillkit skills download --fo"), "--force\n--format\n");
  EXPECT_EQ(bash_complete("skillkit pack --out"), "--out-dir\n--output\n");
  EXPECT_EQ(bash_complete("skillkit __"), "\n") << "the hidden __generate is offered";
}

TEST(ZshCompletion, DescribesCommandsAndTellsFlagsFromOptions) {
  const std::string zsh = run_skillkit({"__generate", "zsh"}).out;
  EXPECT_EQ(zsh.substr(0, 17), "#compdef skillkit");
  // In _describe a colon ends the name: the one in the description is escaped.
  EXPECT_NE(zsh.find("'rules:List every rule\\: id, name, layer, default severity'"),
            std::string::npos);
  // A flag takes no value; an option does, so zsh does not complete a file name in its place.
  EXPECT_NE(zsh.find(" '--strict[Exit 1 on warnings too]' "), std::string::npos);
  EXPECT_NE(zsh.find(" '--format[Output: text, json, sarif or github]:value: ' "),
            std::string::npos);
  EXPECT_NE(zsh.find("          'download:Download a skill and unzip it safely into a new folder'"),
            std::string::npos);
  if (std::system("command -v zsh >/dev/null 2>&1") == 0) {
    testing::TempDir tmp;
    testing::write_file(tmp / "_skillkit", zsh);
    EXPECT_EQ(std::system(("zsh -n '" + (tmp / "_skillkit").string() + "'").c_str()), 0);
  }
}

}  // namespace
}  // namespace skillkit
