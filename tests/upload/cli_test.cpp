// `skillkit upload` and `skillkit skills ...` end to end: the real binary, run as a child
// process, against the in-process emulator on 127.0.0.1, with credentials from each source.
#include <fcntl.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "emulator_fixture.h"
#include "sync_support.h"

extern char** environ;

namespace skillkit::upload {
namespace {

using testing_support::EmulatorTest;
using testing_support::TempDir;
using testing_support::write_file;
using testing_support::write_skill;

struct CliResult {
  int code = -1;
  std::string out, err;
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliTest : public EmulatorTest {
 protected:
  TempDir tmp;
  std::vector<std::string> env;  // KEY=VALUE, the child's whole environment

  void SetUp() override {
    EmulatorTest::SetUp();
    env = {"AWS_ACCESS_KEY_ID=AKIDEMULATOR",
           "AWS_SECRET_ACCESS_KEY=emulator-secret",
           "AWS_REGION=us-east-1",
           "AWS_ENDPOINT_URL=" + emulator_->url(),
           "AWS_CONFIG_FILE=" + (tmp.path / "no-config").string(),
           "AWS_SHARED_CREDENTIALS_FILE=" + (tmp.path / "no-credentials").string(),
           "HOME=" + tmp.path.string(),
           "PATH=/usr/bin:/bin"};
  }

  // As run(), with stdin a terminal (a pseudo-terminal) that has `typed` waiting to be read.
  CliResult run_on_terminal(std::vector<std::string> args, const std::string& typed) {
    int terminal = -1, child_side = -1;
    if (::openpty(&terminal, &child_side, nullptr, nullptr, nullptr) != 0) {
      ADD_FAILURE() << "openpty failed";
      return {};
    }
    EXPECT_EQ(::write(terminal, typed.data(), typed.size()), ssize_t(typed.size()));
    CliResult r = run(std::move(args), child_side);
    ::close(child_side);
    ::close(terminal);
    return r;
  }

  CliResult run(std::vector<std::string> args, int stdin_fd = -1) {
    args.insert(args.begin(), SKILLKIT_BINARY);
    std::vector<char*> argv, envp;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    const auto out = tmp.path / "stdout", err = tmp.path / "stderr";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdin_fd >= 0) {
      posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    CliResult r;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) == 0) {
      int status = 0;
      waitpid(pid, &status, 0);
      r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }
  std::string skills_dir() { return (tmp.path / "skills").string(); }
};

TEST_F(CliTest, UploadDryRunRerunChangedAndJson) {
  write_skill(tmp.path / "skills", "alpha");
  write_skill(tmp.path / "skills", "beta", "B.", "  agent_types: INCIDENT_RCA\n");
  CliResult dry = run({"upload", skills_dir(), "--agent-space", "space-1", "--dry-run"});
  EXPECT_EQ(dry.code, 0) << dry.err << dry.out;
  EXPECT_NE(dry.out.find("would create alpha"), std::string::npos) << dry.out;
  EXPECT_EQ(emulator_->asset_count("space-1"), 0u);

  CliResult first =
      run({"upload", skills_dir(), "--agent-space", "space-1", "--agent-space", "space-2"});
  EXPECT_EQ(first.code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("created alpha"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("unchanged"), std::string::npos);  // the table header
  EXPECT_EQ(emulator_->asset_count("space-2"), 2u);

  write_skill(tmp.path / "skills", "alpha", "New body.");
  CliResult second = run({"upload", skills_dir(), "--agent-space", "space-1", "--format", "json"});
  EXPECT_EQ(second.code, 0) << second.err;
  auto j = nlohmann::json::parse(second.out);
  EXPECT_EQ(j["spaces"][0]["updated"], 1);
  EXPECT_EQ(j["spaces"][0]["unchanged"], 1);
  EXPECT_EQ(j["failed"], false);
  for (const auto& i : j["items"])
    EXPECT_EQ(i["action"], i["skill"] == "alpha" ? "update" : "unchanged");
}

TEST_F(CliTest, FailuresAreReportedWithTypeFieldsAndHintAndExitOne) {
  write_skill(tmp.path / "skills", "alpha");
  write_file(tmp.path / "skills" / "bad" / "SKILL.md", "---\nname: Bad\n---\n");
  CliResult r = run({"upload", skills_dir(), "--agent-space", "space-1", "--format", "json"});
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["spaces"][0]["created"], 1);
  EXPECT_EQ(j["spaces"][0]["failed"], 1);

  CliResult v = run({"upload", (tmp.path / "skills" / "alpha").string(), "--agent-space", "space-3",
                     "--agent-types", "GENERIC,CHAT"});
  EXPECT_EQ(v.code, 2);  // caught locally
  EXPECT_NE(v.err.find("GENERIC cannot be combined"), std::string::npos) << v.err;
}

TEST_F(CliTest, SkillsCommands) {
  write_skill(tmp.path / "skills", "alpha");
  write_skill(tmp.path / "skills", "beta");
  ASSERT_EQ(run({"upload", skills_dir(), "--agent-space", "space-1"}).code, 0);

  CliResult list = run({"skills", "list", "--agent-space", "space-1", "--format", "json"});
  ASSERT_EQ(list.code, 0) << list.err;
  auto j = nlohmann::json::parse(list.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["name"], "alpha");
  CliResult text = run({"skills", "list", "--agent-space", "space-1"});
  EXPECT_NE(text.out.find("2 skills"), std::string::npos) << text.out;

  CliResult get = run({"skills", "get", "--agent-space", "space-1", "beta"});
  EXPECT_EQ(get.code, 0);
  EXPECT_NE(get.out.find("status:      ACTIVE"), std::string::npos) << get.out;
  CliResult missing = run({"skills", "get", "--agent-space", "space-1", "nope"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no skill named `nope`"), std::string::npos);

  CliResult off = run({"skills", "deactivate", "--agent-space", "space-1", "beta"});
  EXPECT_EQ(off.code, 0) << off.err;
  EXPECT_NE(off.out.find("INACTIVE (v2)"), std::string::npos) << off.out;
  CliResult again = run({"skills", "deactivate", "--agent-space", "space-1", "beta"});
  EXPECT_NE(again.out.find("already INACTIVE"), std::string::npos);
  EXPECT_EQ(run({"skills", "activate", "--agent-space", "space-1", "beta"}).code, 0);
  CliResult versions =
      run({"skills", "versions", "--agent-space", "space-1", "beta", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(versions.out).size(), 3u);

  const auto dest = tmp.path / "down" / "alpha";
  CliResult down =
      run({"skills", "download", "--agent-space", "space-1", "alpha", "-o", dest.string()});
  EXPECT_EQ(down.code, 0) << down.err;
  EXPECT_EQ(slurp(dest / "SKILL.md"), slurp(tmp.path / "skills" / "alpha" / "SKILL.md"));
  EXPECT_EQ(
      run({"skills", "download", "--agent-space", "space-1", "alpha", "-o", dest.string()}).code,
      1);  // exists, no --force

  CliResult ask = run({"skills", "delete", "--agent-space", "space-1", "alpha"});
  EXPECT_EQ(ask.code, 2);  // no terminal to ask on, no --yes
  EXPECT_EQ(emulator_->asset_count("space-1"), 2u);
  EXPECT_EQ(run({"skills", "delete", "--agent-space", "space-1", "alpha", "--yes"}).code, 0);
  EXPECT_EQ(emulator_->asset_count("space-1"), 1u);

  // The upload's prune shows what goes.
  std::filesystem::remove_all(tmp.path / "skills" / "alpha");
  write_skill(tmp.path / "other", "gamma");
  CliResult prune = run({"upload", (tmp.path / "other").string(), "--agent-space", "space-1",
                         "--prune", "--dry-run"});
  EXPECT_NE(prune.out.find("would delete beta"), std::string::npos) << prune.out;
}

TEST_F(CliTest, PruneAsksOnATerminalUnlessYesAndNeverWithoutOne) {
  write_skill(tmp.path / "skills", "alpha");
  write_skill(tmp.path / "skills", "beta");
  ASSERT_EQ(run({"upload", skills_dir(), "--agent-space", "space-1"}).code, 0);
  std::filesystem::remove_all(tmp.path / "skills" / "beta");
  write_skill(tmp.path / "skills", "gamma");
  const std::vector<std::string> prune = {"upload", skills_dir(), "--agent-space", "space-1",
                                          "--prune"};
  const auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = prune;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };

  // Declined: nothing is deleted, the rest is synced, and both outputs say so.
  CliResult no = run_on_terminal(prune, "n\n");
  EXPECT_EQ(no.code, 0) << no.err << no.out;
  EXPECT_NE(no.err.find("--prune would delete 1 remote skill with no local folder:\n"
                        "  space-1: beta (ki-"),
            std::string::npos)
      << no.err;
  EXPECT_NE(no.err.find(" v1)\nDelete it? [y/N] not deleted; syncing the rest\n"),
            std::string::npos)
      << no.err;
  EXPECT_NE(no.out.find("space-1: created gamma"), std::string::npos) << no.out;
  EXPECT_NE(no.out.find("space-1: not deleted beta ki-"), std::string::npos) << no.out;
  EXPECT_NE(no.out.find(" v1 (prune declined)\n"), std::string::npos) << no.out;
  EXPECT_EQ(no.out.find("space-1: deleted beta"), std::string::npos) << no.out;
  EXPECT_EQ(emulator_->asset_count("space-1"), 3u);

  // End of input, or anything but y / yes, declines too; JSON lists what was kept.
  for (const char* typed : {"\x04" /* Ctrl-D: end of input */, "Yes please\n"}) {
    CliResult json = run_on_terminal(with({"--format", "json"}), typed);
    EXPECT_EQ(json.code, 0) << json.err << json.out;
    auto j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j["spaces"][0]["pruned"], 0) << typed;
    ASSERT_EQ(j["prune_declined"].size(), 1u) << typed;
    EXPECT_EQ(j["prune_declined"][0]["skill"], "beta");
    EXPECT_EQ(j["prune_declined"][0]["space"], "space-1");
    for (const auto& i : j["items"]) EXPECT_NE(i["action"], "prune");
  }
  EXPECT_EQ(emulator_->asset_count("space-1"), 3u);

  // A dry run does not ask.
  CliResult dry = run_on_terminal(with({"--dry-run"}), "n\n");
  EXPECT_EQ(dry.code, 0) << dry.err << dry.out;
  EXPECT_EQ(dry.err.find("[y/N]"), std::string::npos) << dry.err;
  EXPECT_NE(dry.out.find("would delete beta"), std::string::npos) << dry.out;

  // Accepted.
  CliResult yes = run_on_terminal(prune, "y\n");
  EXPECT_EQ(yes.code, 0) << yes.err << yes.out;
  EXPECT_NE(yes.err.find("Delete it? [y/N] "), std::string::npos) << yes.err;
  EXPECT_NE(yes.out.find("space-1: deleted beta"), std::string::npos) << yes.out;
  EXPECT_EQ(emulator_->asset_count("space-1"), 2u);

  // --yes on a terminal: no question.
  auto api = client();
  api->create_skill("space-1", testing_support::skill_zip("delta"),
                    testing_support::chat_metadata());
  CliResult told = run_on_terminal(with({"--yes"}), "n\n");
  EXPECT_EQ(told.code, 0) << told.err << told.out;
  EXPECT_EQ(told.err.find("[y/N]"), std::string::npos) << told.err;
  EXPECT_NE(told.out.find("space-1: deleted delta"), std::string::npos) << told.out;
  EXPECT_EQ(emulator_->asset_count("space-1"), 2u);

  CliResult stray = run({"upload", skills_dir(), "--agent-space", "space-1", "--yes"});
  EXPECT_EQ(stray.code, 2);
  EXPECT_EQ(stray.err, "skillkit: --yes only applies with --prune\n");
  EXPECT_EQ(stray.out, "");

  // No terminal (CI): --prune is the opt-in; it deletes without asking.
  api->create_skill("space-1", testing_support::skill_zip("delta"),
                    testing_support::chat_metadata());
  CliResult ci = run(prune);
  EXPECT_EQ(ci.code, 0) << ci.err << ci.out;
  EXPECT_EQ(ci.err.find("[y/N]"), std::string::npos) << ci.err;
  EXPECT_NE(ci.out.find("space-1: deleted delta"), std::string::npos) << ci.out;
  EXPECT_EQ(emulator_->asset_count("space-1"), 2u);
}

TEST_F(CliTest, CredentialsFromEachSourceAndNoSecretInDebug) {
  write_skill(tmp.path / "skills", "alpha");
  // Environment (SetUp), with --debug: the secret never appears.
  CliResult debug = run({"skills", "list", "--agent-space", "space-1", "--debug"});
  EXPECT_EQ(debug.code, 0) << debug.err;
  EXPECT_NE(debug.err.find("environment"), std::string::npos) << debug.err;
  EXPECT_EQ((debug.out + debug.err).find("emulator-secret"), std::string::npos);

  // A profile in the shared credentials file, endpoint from --endpoint-url.
  std::vector<std::string> base = env;
  env = {"AWS_SHARED_CREDENTIALS_FILE=" + (tmp.path / "credentials").string(),
         "AWS_CONFIG_FILE=" + (tmp.path / "config").string(), "HOME=" + tmp.path.string(),
         "PATH=/usr/bin:/bin"};
  write_file(tmp.path / "credentials",
             "[dev]\naws_access_key_id = AKIDEMULATOR\naws_secret_access_key = emulator-secret\n"
             "[wrong]\naws_access_key_id = AKIDEMULATOR\naws_secret_access_key = nope\n");
  write_file(tmp.path / "config",
             "[profile dev]\nregion = us-east-1\n"
             "[profile wrong]\nregion = us-east-1\n"
             "[profile proc]\nregion = us-east-1\ncredential_process = /bin/cat " +
                 (tmp.path / "proc.json").string() + "\n");
  write_file(tmp.path / "proc.json",
             R"({"Version":1,"AccessKeyId":"AKIDEMULATOR","SecretAccessKey":"emulator-secret"})");
  CliResult profile = run({"upload", skills_dir(), "--agent-space", "space-1", "--profile", "dev",
                           "--endpoint-url", emulator_->url()});
  EXPECT_EQ(profile.code, 0) << profile.err;
  // credential_process.
  CliResult proc = run({"skills", "list", "--agent-space", "space-1", "--profile", "proc",
                        "--endpoint-url", emulator_->url()});
  EXPECT_EQ(proc.code, 0) << proc.err;
  // A wrong secret: the signature is rejected, with the type and a hint.
  CliResult wrong = run({"skills", "list", "--agent-space", "space-1", "--profile", "wrong",
                         "--endpoint-url", emulator_->url(), "--debug"});
  EXPECT_EQ(wrong.code, 1);
  EXPECT_NE(wrong.err.find("InvalidSignatureException"), std::string::npos) << wrong.err;
  EXPECT_NE(wrong.err.find("hint:"), std::string::npos) << wrong.err;
  EXPECT_EQ(wrong.err.find("nope"), std::string::npos);
  // No credentials at all: a usage error naming what to set.
  CliResult none = run({"skills", "list", "--agent-space", "space-1", "--endpoint-url",
                        emulator_->url(), "--region", "us-east-1"});
  EXPECT_EQ(none.code, 2) << none.err;
  env = base;
}

TEST_F(CliTest, ManifestSpacesAndErrors) {
  write_skill(tmp.path / "skills", "alpha");
  write_skill(tmp.path / "skills", "beta");
  write_file(tmp.path / "spaces.yaml",
             "spaces:\n"
             "  - id: space-1\n"
             "    skills: [skills/*]\n"
             "    agent_types: CHAT\n"
             "  - id: space-2\n"
             "    status: INACTIVE\n"
             "    skills:\n"
             "      - path: skills/beta\n"
             "        agent_types: [INCIDENT_RCA, INCIDENT_TRIAGE]\n");
  CliResult r =
      run({"upload", "--manifest", (tmp.path / "spaces.yaml").string(), "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto api = client();
  EXPECT_EQ(api->list_assets("space-1").size(), 2u);
  auto two = api->list_assets("space-2");
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].metadata["status"], "INACTIVE");
  EXPECT_EQ(two[0].metadata["agent_types"],
            nlohmann::json::array({"INCIDENT_RCA", "INCIDENT_TRIAGE"}));
  EXPECT_EQ(api->list_assets("space-1")[0].metadata["agent_types"],
            nlohmann::json::array({"CHAT"}));
  CliResult again =
      run({"upload", "--manifest", (tmp.path / "spaces.yaml").string(), "--format", "json"});
  auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["spaces"][0]["unchanged"], 2);
  EXPECT_EQ(j["spaces"][1]["unchanged"], 1);

  write_file(
      tmp.path / "bad.yaml",
      "spaces:\n  - id: space-1\n    skills: [skills/*]\n    status: active\n    colour: x\n");
  CliResult bad = run({"upload", "--manifest", (tmp.path / "bad.yaml").string()});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("bad.yaml:4:13: `status` must be ACTIVE or INACTIVE"), std::string::npos)
      << bad.err;
  EXPECT_NE(bad.err.find("bad.yaml:5:5: unknown key `colour`"), std::string::npos) << bad.err;
}

class CliExpiredTest : public CliTest {};

TEST_F(CliExpiredTest, ExpiredSessionTokenFromCredentialProcessIsRefused) {
  write_file(tmp.path / "config",
             "[profile old]\nregion = us-east-1\ncredential_process = /bin/cat " +
                 (tmp.path / "old.json").string() + "\n");
  write_file(tmp.path / "old.json",
             R"({"Version":1,"AccessKeyId":"AKIDEMULATOR","SecretAccessKey":"emulator-secret",)"
             R"("SessionToken":"t","Expiration":"2001-01-01T00:00:00Z"})");
  env = {"AWS_CONFIG_FILE=" + (tmp.path / "config").string(), "HOME=" + tmp.path.string(),
         "AWS_SHARED_CREDENTIALS_FILE=" + (tmp.path / "none").string(), "PATH=/usr/bin:/bin"};
  CliResult r = run({"skills", "list", "--agent-space", "space-1", "--profile", "old",
                     "--endpoint-url", emulator_->url()});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("expired"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace skillkit::upload
