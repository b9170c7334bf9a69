// `skillkit lint` over the real skills of ../shared/corpus (others' work, never copied here):
// no crash, valid JSON that accounts for every skill, and for a few skills the exact findings,
// each checked by hand against the files (see the comments). Skips when ../shared is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/run.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using ::testing::ElementsAre;
using testing::run_skillkit;

const fs::path kCorpus = fs::path(SKILLKIT_SHARED_DIR) / "corpus";

size_t count_skill_md(const fs::path& root) {
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().filename() == "SKILL.md") ++n;
  return n;
}

class Corpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kCorpus)) return;
    const auto r = run_skillkit({"lint", "--format", "json", "."}, kCorpus);
    status_ = r.status;
    err_ = r.err;
    json_ = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }
  void SetUp() override {
    if (!fs::exists(kCorpus)) GTEST_SKIP() << "no corpus at " << kCorpus;
  }
  /// "RULE file:line:col message" for every finding under `prefix` (a skill folder).
  static std::vector<std::string> findings_under(const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& d : json_["diagnostics"]) {
      const std::string file = d["file"];
      if (!file.starts_with(prefix)) continue;
      out.push_back(d["rule"].get<std::string>() + " " + file.substr(prefix.size()) + ":" +
                    std::to_string(d["line"].get<int>()) + ":" +
                    std::to_string(d["column"].get<int>()) + " " + d["message"].get<std::string>());
    }
    return out;
  }
  static inline int status_ = -1;
  static inline std::string err_;
  static inline nlohmann::json json_;
};

TEST_F(Corpus, EverySkillIsLintedAndTheJsonIsValid) {
  ASSERT_FALSE(json_.is_discarded()) << "not JSON; stderr: " << err_;
  EXPECT_EQ(err_, "");
  // The corpus has skills with errors (scripts/ folders, refused file types): exit 1, not 2.
  EXPECT_EQ(status_, 1);
  EXPECT_EQ(json_["summary"]["skills"].get<size_t>(), count_skill_md(kCorpus));
  size_t errors = 0;
  for (const auto& d : json_["diagnostics"]) {
    ASSERT_TRUE(d.contains("rule") && d.contains("file") && d.contains("line") &&
                d.contains("column") && d.contains("message") && d.contains("severity"))
        << d.dump();
    EXPECT_TRUE(fs::exists(kCorpus / d["file"].get<std::string>())) << d.dump();
    if (d["severity"] == "error") ++errors;
  }
  EXPECT_EQ(json_["summary"]["errors"].get<size_t>(), errors);
}

// obra/superpowers subagent-driven-development: frontmatter is lines 1-4, so the body is lines
// 5-503 (499 lines, 27,936 bytes -> ceil(/4) = 6,984 tokens); the description is 85 characters
// from column 14 of line 3; line 400 starts with a link to a sibling skill; scripts/ holds three
// extensionless executables with `#!` lines.
TEST_F(Corpus, SubagentDrivenDevelopment) {
  EXPECT_THAT(
      findings_under("obra__superpowers/skills/subagent-driven-development/"),
      ElementsAre(
          "SK200 SKILL.md:0:0 the body has 499 lines and ~6984 tokens (limits: 500 lines, 5000 "
          "tokens); largest sections: `The Task Loop` (197 lines, ~2799 tokens), `The Process` "
          "(65 lines, ~1177 tokens), `Setup` (47 lines, ~627 tokens)",
          "SK301 SKILL.md:3:14 `description` has 85 characters; DevOps Agent recommends at "
          "least 100",
          "SK202 SKILL.md:400:1 link target `../requesting-code-review/code-reviewer.md` is "
          "outside the skill folder",
          "SK320 scripts:0:0 the pack would hold a `scripts/` folder (3 files); DevOps Agent "
          "rejects skills with one",
          "SK321 scripts/review-package:0:0 `scripts/review-package` has no file extension; "
          "DevOps Agent accepts only documents, images and data files",
          "SK322 scripts/review-package:1:1 `scripts/review-package` has an execute bit and "
          "starts with a `#!` line; DevOps Agent rejects executable files",
          "SK321 scripts/sdd-workspace:0:0 `scripts/sdd-workspace` has no file extension; "
          "DevOps Agent accepts only documents, images and data files",
          "SK322 scripts/sdd-workspace:1:1 `scripts/sdd-workspace` has an execute bit and "
          "starts with a `#!` line; DevOps Agent rejects executable files",
          "SK321 scripts/task-brief:0:0 `scripts/task-brief` has no file extension; DevOps "
          "Agent accepts only documents, images and data files",
          "SK322 scripts/task-brief:1:1 `scripts/task-brief` has an execute bit and starts "
          "with a `#!` line; DevOps Agent rejects executable files"));
}

// hashicorp/agent-skills new-terraform-provider: "Use this when scaffolding a new Terraform
// provider." is 51 characters; assets/main.go is Go source, not a document or data file.
TEST_F(Corpus, NewTerraformProvider) {
  EXPECT_THAT(
      findings_under(
          "hashicorp__agent-skills/terraform/provider-development/skills/new-terraform-provider/"),
      ElementsAre("SK301 SKILL.md:3:14 `description` has 51 characters; DevOps Agent recommends "
                  "at least 100",
                  "SK321 assets/main.go:0:0 `assets/main.go` is a `.go` file; DevOps Agent "
                  "accepts only documents, images and data files"));
}

// aws-samples database-migration-service-expertise: line 12 is
// `  aws-devops-agent-skills.agent-types: "Chat tasks, Evaluation"` (value at column 40);
// "Chat tasks" maps to CHAT, "Evaluation" has no agreed wire value. Its README.md, CHANGELOG
// and evals/ are left out of the pack, so they raise nothing.
TEST_F(Corpus, DatabaseMigrationServiceExpertise) {
  EXPECT_THAT(findings_under("aws-samples__sample-devops-agent-tools/skills/"
                             "database-migration-service-expertise/"),
              ElementsAre("SK314 SKILL.md:12:40 agent type label `Evaluation` has no agreed "
                          "wire value (documented as PREVENTION, low confidence)"));
}

}  // namespace
}  // namespace skillkit
