// .pre-commit-hooks.yaml: the skillkit-lint hook, run the way pre-commit runs it (entry + args +
// the staged files that match `files`) in a scratch git repository with two skills. Also the
// `skillkit lint FILE-INSIDE-A-SKILL` behaviour the hook relies on.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <regex>
#include <sstream>

#include "tests/ship/hook_support.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::run_words;

const fs::path kExamples = fs::path(SKILLKIT_SOURCE_DIR) / "examples";
// An access key id shaped like a real one (not a placeholder): SK210 flags it.
const std::string kLeakedKey = "aws_access_key_id = AKIAQ3EGYVXZ4J7LMN2P\n";

struct Hook {
  std::vector<std::string> entry;  // split on spaces, as pre-commit does (shlex)
  std::vector<std::string> args;
  std::string files;
  std::string language;
  bool pass_filenames = false;
};

Hook load_hook() {
  const YAML::Node hooks = YAML::LoadFile(SKILLKIT_SOURCE_DIR "/.pre-commit-hooks.yaml");
  for (const YAML::Node& h : hooks) {
    if (h["id"].as<std::string>() != "skillkit-lint") continue;
    Hook hook;
    std::istringstream entry(h["entry"].as<std::string>());
    for (std::string w; entry >> w;) hook.entry.push_back(w);
    if (h["args"])
      for (const YAML::Node& a : h["args"]) hook.args.push_back(a.as<std::string>());
    hook.files = h["files"].as<std::string>();
    hook.language = h["language"].as<std::string>();
    hook.pass_filenames = h["pass_filenames"].as<bool>();
    return hook;
  }
  ADD_FAILURE() << "no skillkit-lint hook";
  return {};
}

class PreCommitHook : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(repo() / "skills");
    fs::copy(kExamples / "s3-access-denied", repo() / "skills/s3-access-denied",
             fs::copy_options::recursive);
    fs::copy(kExamples / "rds-latency-triage", repo() / "skills/rds-latency-triage",
             fs::copy_options::recursive);
    testing::write_file(repo() / "skills/s3-access-denied/references/policies.md", "# Policies\n");
    // The other skill already has an error: the hook must not report it for this commit.
    testing::write_file(repo() / "skills/rds-latency-triage/references/old.md", kLeakedKey);
    testing::write_file(repo() / "README.md", "# runbooks\n");
    git({"init", "-q", "-b", "main"});
    git({"add", "."});
    git({"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "skills"});
  }

  fs::path repo() const { return tmp_.path(); }

  void git(const std::vector<std::string>& args) {
    std::vector<std::string> words = {"git"};
    words.insert(words.end(), args.begin(), args.end());
    const auto r = run_words(words, repo());
    ASSERT_EQ(r.status, 0) << r.err;
  }

  // What pre-commit passes: staged files that still exist and match `files` (re.search).
  std::vector<std::string> hook_files(const Hook& hook) {
    const auto r =
        run_words({"git", "diff", "--cached", "--name-only", "--diff-filter=ACMR"}, repo());
    std::vector<std::string> out;
    std::istringstream lines(r.out);
    for (std::string f; std::getline(lines, f);)
      if (std::regex_search(f, std::regex(hook.files))) out.push_back(f);
    return out;
  }

  testing::RunResult run_hook(const Hook& hook) {
    std::vector<std::string> words = hook.entry;
    words.insert(words.end(), hook.args.begin(), hook.args.end());
    for (const std::string& f : hook_files(hook)) words.push_back(f);
    return run_words(words, repo());
  }

  testing::TempDir tmp_;
};

TEST_F(PreCommitHook, IsDeclaredForUsersToReference) {
  const Hook hook = load_hook();
  EXPECT_EQ(hook.entry, (std::vector<std::string>{"skillkit", "lint"}));
  EXPECT_EQ(hook.language, "system");
  EXPECT_TRUE(hook.pass_filenames);
  const std::regex files(hook.files);
  for (const std::string f : {"SKILL.md", "a/SKILL.md", "skills/a/references/x.md",
                              "a/assets/diagram.png", "a/references/deep/y.md", "a/scripts/run.sh"})
    EXPECT_TRUE(std::regex_search(f, files)) << f;
  for (const std::string f : {"README.md", "src/main.cpp", "docs/SKILL.md.txt", "myreferences/x"})
    EXPECT_FALSE(std::regex_search(f, files)) << f;
}

TEST_F(PreCommitHook, LintsTheSkillAroundAStagedReferenceFile) {
  const Hook hook = load_hook();
  testing::write_file(repo() / "skills/s3-access-denied/references/policies.md", kLeakedKey);
  testing::write_file(repo() / "README.md", "# runbooks, changed\n");
  git({"add", "."});
  EXPECT_EQ(hook_files(hook),
            (std::vector<std::string>{"skills/s3-access-denied/references/policies.md"}));

  const auto bad = run_hook(hook);
  EXPECT_EQ(bad.status, 1) << bad.out << bad.err;
  EXPECT_EQ(bad.err, "");
  // Only the staged skill: the other one's committed key is not this commit's business.
  EXPECT_EQ(bad.out,
            "skills/s3-access-denied/references/policies.md:1:21: error [SK210 secret] found an "
            "AWS access key id (`AKIA\u2026`)\n"
            "  hint: remove it and revoke it (it may already be in your history); have the reader "
            "get credentials from a secret store or the environment, by name\n"
            "1 error, 0 warnings in 1 skill checked\n");

  testing::write_file(repo() / "skills/s3-access-denied/references/policies.md",
                      "# Policies\n\nKeys come from the role, never from this file.\n");
  git({"add", "."});
  const auto fixed = run_hook(hook);
  EXPECT_EQ(fixed.status, 0) << fixed.out << fixed.err;
  EXPECT_EQ(fixed.out, "1 skill checked, no problems\n");
}

TEST_F(PreCommitHook, SeveralFilesOfOneSkillLintItOnce) {
  const auto r = run_words({"skillkit", "lint", "skills/s3-access-denied/SKILL.md",
                            "skills/s3-access-denied/references/policies.md"},
                           repo());
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "1 skill checked, no problems\n");
}

TEST_F(PreCommitHook, FileOutsideAnySkillIsExit2) {
  const auto r = run_words({"skillkit", "lint", "README.md"}, repo());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "skillkit: README.md: not inside a skill (no SKILL.md in its folder or above)\n");
}

TEST_F(PreCommitHook, FileInsideASkillFromItsOwnFolder) {
  // pre-commit runs at the repository root, people run it anywhere: `.` is a parent too.
  const auto r =
      run_words({"skillkit", "lint", "references/policies.md"}, repo() / "skills/s3-access-denied");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "1 skill checked, no problems\n");
}

}  // namespace
}  // namespace skillkit
