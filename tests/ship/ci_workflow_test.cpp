// docs/ci/github-actions.yml, the workflow users copy: it is valid YAML with the jobs the README
// promises (SARIF to code scanning on PRs, zips as an artifact, OIDC upload on main), and every
// `skillkit ...` command in it parses with the real binary; lint and pack really run on a
// checkout-like folder.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "tests/ship/hook_support.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::run_words;

const char* const kWorkflow = SKILLKIT_SOURCE_DIR "/docs/ci/github-actions.yml";

struct Command {
  std::string job;
  std::vector<std::string> words;  // `skillkit` first; ${{ ... }} replaced by EXPR
  std::string redirect;            // the file after `>`, if any
};

// Shell words of one line, stopping at a redirect, pipe, `;`, `&` or comment. Good enough for
// the simple lines a workflow should hold; anything fancier fails the test below.
Command split_line(const std::string& job, std::string line) {
  line = std::regex_replace(line, std::regex(R"(\$\{\{[^}]*\}\})"), "EXPR");
  Command cmd{job, {}, {}};
  std::string word;
  bool in_word = false, redirect = false;
  char quote = 0;
  auto flush = [&] {
    if (!in_word) return;
    if (redirect)
      cmd.redirect = word;
    else
      cmd.words.push_back(word);
    word.clear();
    in_word = false;
  };
  for (char c : line) {
    if (quote) {
      if (c == quote)
        quote = 0;
      else
        word += c;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      flush();
      if (redirect && !cmd.redirect.empty()) break;
    } else if (c == '>') {
      flush();
      redirect = true;
    } else if (c == '|' || c == ';' || c == '&' || (c == '#' && !in_word)) {
      break;
    } else {
      word += c;
      in_word = true;
    }
  }
  flush();
  return cmd;
}

std::vector<Command> skillkit_commands(const YAML::Node& workflow) {
  std::vector<Command> out;
  for (const auto& job : workflow["jobs"]) {
    for (const YAML::Node& step : job.second["steps"]) {
      if (!step["run"]) continue;
      std::istringstream lines(
          std::regex_replace(step["run"].as<std::string>(), std::regex("\\\\\n"), " "));
      for (std::string line; std::getline(lines, line);) {
        line.erase(0, line.find_first_not_of(" \t"));
        if (line.rfind("skillkit ", 0) == 0)
          out.push_back(split_line(job.first.as<std::string>(), line));
      }
    }
  }
  return out;
}

// Option names a command's --help lists: "  -f,--format TEXT ..." gives -f and --format.
std::set<std::string> help_options(const std::string& help) {
  std::set<std::string> out;
  std::istringstream lines(help);
  const std::regex name(R"((?:^|,)(--?[A-Za-z][A-Za-z0-9-]*))");
  for (std::string line; std::getline(lines, line);) {
    const size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] != '-') continue;
    std::string spec = line.substr(start, line.find(' ', start) - start);
    for (std::sregex_iterator it(spec.begin(), spec.end(), name), end; it != end; ++it)
      out.insert((*it)[1]);
  }
  return out;
}

// Subcommand names a --help lists under "Subcommands:" (CLI11's layout: two-space indent).
std::set<std::string> help_subcommands(const std::string& help) {
  std::set<std::string> out;
  std::istringstream lines(help);
  bool in_list = false;
  for (std::string line; std::getline(lines, line);) {
    if (line == "Subcommands:")
      in_list = true;
    else if (in_list && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ')
      out.insert(line.substr(2, line.find(' ', 2) - 2));
    else if (in_list && line.empty())
      in_list = false;
  }
  return out;
}

class CiWorkflow : public ::testing::Test {
 protected:
  void SetUp() override { workflow_ = YAML::LoadFile(kWorkflow); }
  const YAML::Node step_using(const std::string& job, const std::string& action) {
    for (const YAML::Node& step : workflow_["jobs"][job]["steps"])
      if (step["uses"] && step["uses"].as<std::string>().rfind(action + "@", 0) == 0) return step;
    ADD_FAILURE() << job << " has no step using " << action;
    return YAML::Node();
  }
  YAML::Node workflow_;
};

TEST(CiWorkflowLines, SplitLikeAShell) {
  const Command c = split_line("j", R"(skillkit lint --format sarif "${{ x }}" > out.sarif # c)");
  EXPECT_EQ(c.words, (std::vector<std::string>{"skillkit", "lint", "--format", "sarif", "EXPR"}));
  EXPECT_EQ(c.redirect, "out.sarif");
}

TEST_F(CiWorkflow, HasTheDocumentedCommands) {
  std::vector<std::string> seen;
  for (const Command& c : skillkit_commands(workflow_)) {
    std::string line = c.job + ":";
    for (const std::string& w : c.words) line += " " + w;
    if (!c.redirect.empty()) line += " > " + c.redirect;
    seen.push_back(line);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "lint: skillkit lint --format sarif skills > skillkit.sarif",
                      "pack: skillkit pack --out-dir dist skills",
                      "upload: skillkit upload --agent-space EXPR --dry-run skills",
                      "upload: skillkit upload --agent-space EXPR skills",
                  }));
}

TEST_F(CiWorkflow, EveryCommandAndOptionExists) {
  for (const Command& c : skillkit_commands(workflow_)) {
    // Follow subcommands (`skillkit skills list`) as far as each --help lists them.
    std::vector<std::string> path = {"skillkit"};
    testing::RunResult help;
    for (size_t i = 1;; ++i) {
      std::vector<std::string> words = path;
      words.push_back("--help");
      help = run_words(words, SKILLKIT_SOURCE_DIR);
      ASSERT_EQ(help.status, 0) << words[1] << ": " << help.err;
      if (i >= c.words.size() || !help_subcommands(help.out).count(c.words[i])) break;
      path.push_back(c.words[i]);
    }
    ASSERT_GE(path.size(), 2u) << c.words[1] << " is not a skillkit command";
    const std::set<std::string> options = help_options(help.out);
    for (const std::string& w : c.words)
      if (w[0] == '-') {
        EXPECT_TRUE(options.count(w)) << c.words[1] << " has no option " << w;
      }
  }
}

TEST_F(CiWorkflow, LintAndPackRunOnACheckout) {
  testing::TempDir checkout;
  fs::create_directories(checkout / "skills");
  for (const char* skill : {"s3-access-denied", "rds-latency-triage"})
    fs::copy(fs::path(SKILLKIT_SOURCE_DIR) / "examples" / skill, checkout / "skills" / skill,
             fs::copy_options::recursive);
  for (const Command& c : skillkit_commands(workflow_)) {
    if (c.words[1] != "lint" && c.words[1] != "pack") continue;
    const auto r = run_words(c.words, checkout.path());
    EXPECT_EQ(r.status, 0) << c.words[1] << ": " << r.out << r.err;
    if (!c.redirect.empty()) testing::write_file(checkout / c.redirect, r.out);
  }
  EXPECT_NE(testing::read_file(checkout / "skillkit.sarif").find("\"version\": \"2.1.0\""),
            std::string::npos);
  EXPECT_TRUE(fs::is_regular_file(checkout / "dist/s3-access-denied.zip"));
  EXPECT_TRUE(fs::is_regular_file(checkout / "dist/rds-latency-triage.zip"));
}

TEST_F(CiWorkflow, RunsOnPullRequestsAndPushesToMain) {
  EXPECT_TRUE(workflow_["on"]["pull_request"]);
  EXPECT_EQ(workflow_["on"]["push"]["branches"][0].as<std::string>(), "main");
}

TEST_F(CiWorkflow, LintUploadsItsSarifToCodeScanning) {
  const YAML::Node job = workflow_["jobs"]["lint"];
  EXPECT_EQ(job["permissions"]["security-events"].as<std::string>(), "write");
  const YAML::Node upload = step_using("lint", "github/codeql-action/upload-sarif");
  ASSERT_TRUE(upload);
  EXPECT_EQ(upload["if"].as<std::string>(), "always()");  // findings matter most on failure
  EXPECT_EQ(upload["with"]["sarif_file"].as<std::string>(), "skillkit.sarif");  // lint writes it
}

TEST_F(CiWorkflow, PackKeepsTheZipsAsAnArtifact) {
  const YAML::Node artifact = step_using("pack", "actions/upload-artifact");
  ASSERT_TRUE(artifact);
  EXPECT_EQ(artifact["with"]["path"].as<std::string>(), "dist/");  // pack --out-dir dist
}

TEST_F(CiWorkflow, UploadOnlyOnMainWithAnAssumedRole) {
  const YAML::Node job = workflow_["jobs"]["upload"];
  EXPECT_EQ(job["if"].as<std::string>(),
            "github.event_name == 'push' && github.ref == 'refs/heads/main'");
  EXPECT_EQ(job["permissions"]["id-token"].as<std::string>(), "write");
  const YAML::Node creds = step_using("upload", "aws-actions/configure-aws-credentials");
  ASSERT_TRUE(creds);
  EXPECT_EQ(creds["with"]["role-to-assume"].as<std::string>(), "${{ vars.SKILLKIT_ROLE_ARN }}");
  EXPECT_FALSE(creds["with"]["aws-access-key-id"]) << "OIDC only: no stored keys";
  // Credentials come before the first skillkit command of the job.
  bool creds_seen = false;
  for (const YAML::Node& step : job["steps"]) {
    if (step["uses"] && step["uses"].as<std::string>().rfind("aws-actions/", 0) == 0)
      creds_seen = true;
    if (step["run"] && step["run"].as<std::string>().rfind("skillkit ", 0) == 0) {
      EXPECT_TRUE(creds_seen) << step["run"].as<std::string>();
    }
  }
}

}  // namespace
}  // namespace skillkit
