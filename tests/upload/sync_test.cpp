// The sync engine against the in-process emulator: create / unchanged / update, two spaces,
// pagination past 100, prune, lint failures, and throttling plus dropped connections survived
// with every skill present exactly once.
#include <map>

#include "emulator_fixture.h"
#include "skillkit/discovery.h"
#include "sync_support.h"
#include "upload/state.h"
#include "upload/sync.h"
#include "upload/unzip.h"

namespace skillkit::upload {
namespace {

using testing_support::EmulatorTest;
using testing_support::TempDir;
using testing_support::write_file;
using testing_support::write_skill;

class SyncTest : public EmulatorTest {
 protected:
  std::vector<LocalSkill> prepare(const std::filesystem::path& root) {
    Discovery d = discover_skills({root.string()});
    EXPECT_TRUE(d.errors.empty());
    return prepare_skills(d.skills, {});
  }
  SyncReport run(const std::vector<LocalSkill>& local, AssetClient& api,
                 std::vector<std::string> spaces = {"space-1"}, SyncOptions options = {}) {
    std::vector<SpaceTarget> targets;
    for (const std::string& s : spaces) {
      SpaceTarget t;
      t.agent_space_id = s;
      t.client = &api;
      for (size_t i = 0; i < local.size(); ++i) t.skills.push_back(i);
      targets.push_back(t);
    }
    return sync_skills(local, targets, options);
  }
  static std::map<Action, int> counts(const SyncReport& r) {
    std::map<Action, int> out;
    for (const ItemResult& i : r.items) ++out[i.action];
    return out;
  }
  // Every skill name in the space, with how many assets carry it.
  static std::map<std::string, int> names(AssetClient& api, const std::string& space) {
    std::map<std::string, int> out;
    for (const Asset& a : api.list_assets(space)) ++out[a.name()];
    return out;
  }
};

TEST_F(SyncTest, CreateThenRerunChangesNothingThenOneChangedIsUpdatedOnce) {
  TempDir tmp;
  write_skill(tmp.path, "alpha", "A.", "  agent_types: \"CHAT, INCIDENT_RCA\"\n");
  write_skill(tmp.path, "beta");
  write_skill(tmp.path, "gamma", "G.", "  status: INACTIVE\n");
  auto api = client();
  auto local = prepare(tmp.path);
  for (const LocalSkill& s : local) ASSERT_EQ(s.error, "") << s.display;

  SyncReport first = run(local, *api);
  EXPECT_EQ(counts(first)[Action::Create], 3);
  EXPECT_FALSE(first.failed());
  std::map<std::string, Asset> by_name;
  for (const Asset& a : api->list_assets("space-1")) by_name[a.name()] = a;
  EXPECT_EQ(by_name["alpha"].metadata["agent_types"],
            nlohmann::json::array({"CHAT", "INCIDENT_RCA"}));
  EXPECT_EQ(by_name["beta"].metadata["agent_types"], nlohmann::json::array({"GENERIC"}));
  EXPECT_EQ(by_name["gamma"].metadata["status"], "INACTIVE");

  SyncReport again = run(prepare(tmp.path), *api);
  EXPECT_EQ(counts(again)[Action::Unchanged], 3);
  for (const Asset& a : api->list_assets("space-1")) EXPECT_EQ(a.version, 1) << a.name();

  write_skill(tmp.path, "beta", "Changed body.");
  SyncReport third = run(prepare(tmp.path), *api);
  EXPECT_EQ(counts(third)[Action::Update], 1);
  EXPECT_EQ(counts(third)[Action::Unchanged], 2);
  for (const Asset& a : api->list_assets("space-1"))
    EXPECT_EQ(a.version, a.name() == "beta" ? 2 : 1) << a.name();
  EXPECT_EQ(counts(run(prepare(tmp.path), *api))[Action::Unchanged], 3);

  // A metadata-only change (agent types override) updates without a new zip.
  auto local2 = prepare(tmp.path);
  SpaceTarget t{"space-1", "", api.get(), {0}, std::vector<std::string>{"PREVENTION"}, {}, {}, {}};
  SyncReport meta = sync_skills(local2, {t}, {});
  ASSERT_EQ(meta.items.size(), 1u);
  EXPECT_EQ(meta.items[0].action, Action::Update);
  EXPECT_EQ(meta.items[0].why, "metadata");
}

TEST_F(SyncTest, StateSkipsDownloadsButNeverHidesAChange) {
  TempDir tmp;
  write_skill(tmp.path / "skills", "alpha");
  write_skill(tmp.path / "skills", "beta");
  write_skill(tmp.path / "skills", "gamma");
  auto api = client();
  UploadState state;
  SyncOptions with_state;
  with_state.state = &state;
  const auto requests = [&] { return emulator_->stats().requests; };

  EXPECT_EQ(
      counts(run(prepare(tmp.path / "skills"), *api, {"space-1"}, with_state))[Action::Create], 3);
  EXPECT_EQ(state.size(), 3u);

  // A rerun proves all three unchanged from the state: one ListAssets call, no downloads.
  int64_t before = requests();
  EXPECT_EQ(
      counts(run(prepare(tmp.path / "skills"), *api, {"space-1"}, with_state))[Action::Unchanged],
      3);
  EXPECT_EQ(requests() - before, 1);

  // Someone else changes beta in the space: its version moves on, the state no longer vouches
  // for it, the download shows the difference and the local skill is put back.
  write_skill(tmp.path / "other", "beta", "Edited in the console.");
  const std::vector<LocalSkill> other = prepare(tmp.path / "other");
  std::string beta_id;
  for (const Asset& a : api->list_assets("space-1"))
    if (a.name() == "beta") beta_id = a.asset_id;
  SkillUpdate edit;
  edit.zip = other[0].zip;
  api->update_skill("space-1", beta_id, edit);
  // ... and gamma changes locally: its hash differs from the state's.
  write_skill(tmp.path / "skills", "gamma", "New step.");
  before = requests();
  SyncReport r = run(prepare(tmp.path / "skills"), *api, {"space-1"}, with_state);
  std::map<std::string, Action> actions;
  for (const ItemResult& i : r.items) actions[i.skill] = i.action;
  EXPECT_EQ(actions, (std::map<std::string, Action>{{"alpha", Action::Unchanged},
                                                    {"beta", Action::Update},
                                                    {"gamma", Action::Update}}));
  EXPECT_EQ(requests() - before, 1 + 2 * 2);  // list; beta and gamma: download + update

  // The state survives a save and a load; then the next run downloads nothing again.
  const auto file = tmp.path / "state" / "upload-state.json";
  std::string error;
  ASSERT_TRUE(state.save(file, error)) << error;
  UploadState loaded;
  std::string warning;
  loaded.load(file, warning);
  EXPECT_EQ(warning, "");
  EXPECT_EQ(loaded.size(), 3u);
  SyncOptions reloaded;
  reloaded.state = &loaded;
  before = requests();
  EXPECT_EQ(
      counts(run(prepare(tmp.path / "skills"), *api, {"space-1"}, reloaded))[Action::Unchanged], 3);
  EXPECT_EQ(requests() - before, 1);
}

TEST(UploadStateFile, MissingIsEmptyAndCorruptIsAWarning) {
  TempDir tmp;
  UploadState none;
  std::string warning;
  none.load(tmp.path / "absent.json", warning);
  EXPECT_EQ(none.size(), 0u);
  EXPECT_EQ(warning, "");

  write_file(tmp.path / "bad.json", "{\"format\": 1, \"assets\": [{\"assetId\": 3}]}");
  UploadState bad;
  bad.load(tmp.path / "bad.json", warning);
  EXPECT_EQ(bad.size(), 0u);
  EXPECT_EQ(warning, (tmp.path / "bad.json").string() +
                         ": an entry of `assets` lacks a field or has the wrong type; ignoring it "
                         "(skills are compared with their remote content instead)");
  write_file(tmp.path / "old.json", "{\"format\": 7, \"assets\": []}");
  bad.load(tmp.path / "old.json", warning);
  EXPECT_EQ(warning, (tmp.path / "old.json").string() +
                         ": unknown format; ignoring it (skills are compared with their remote "
                         "content instead)");
}

TEST_F(SyncTest, DryRunChangesNothingAndPruneDeletesOnlyWhenAsked) {
  TempDir tmp;
  write_skill(tmp.path, "alpha");
  write_skill(tmp.path, "beta");
  auto api = client();
  SyncOptions dry;
  dry.dry_run = true;
  SyncReport plan = run(prepare(tmp.path), *api, {"space-1"}, dry);
  EXPECT_EQ(counts(plan)[Action::Create], 2);
  EXPECT_EQ(emulator_->asset_count("space-1"), 0u);
  run(prepare(tmp.path), *api);
  std::filesystem::remove_all(tmp.path / "beta");
  EXPECT_EQ(counts(run(prepare(tmp.path), *api))[Action::Prune], 0);
  EXPECT_EQ(emulator_->asset_count("space-1"), 2u);
  SyncOptions prune;
  prune.prune = true;
  prune.dry_run = true;
  EXPECT_EQ(counts(run(prepare(tmp.path), *api, {"space-1"}, prune))[Action::Prune], 1);
  EXPECT_EQ(emulator_->asset_count("space-1"), 2u);
  prune.dry_run = false;
  SyncReport pruned = run(prepare(tmp.path), *api, {"space-1"}, prune);
  EXPECT_EQ(counts(pruned)[Action::Prune], 1);
  EXPECT_EQ(names(*api, "space-1"), (std::map<std::string, int>{{"alpha", 1}}));
}

TEST_F(SyncTest, PruneConfirmationSeesEveryDeletionFirstAndDecliningKeepsThemAll) {
  TempDir tmp;
  for (const char* name : {"alpha", "beta", "gamma"}) write_skill(tmp.path, name);
  auto api = client();
  run(prepare(tmp.path), *api, {"space-1", "space-2"});
  std::filesystem::remove_all(tmp.path / "beta");
  std::filesystem::remove_all(tmp.path / "gamma");
  write_skill(tmp.path, "delta");

  SyncOptions ask;
  ask.prune = true;
  std::vector<ItemResult> asked;
  int calls = 0;
  ask.confirm_prune = [&](const std::vector<ItemResult>& doomed) {
    ++calls;
    asked = doomed;
    // Asked before any change: nothing created or deleted yet.
    EXPECT_EQ(emulator_->asset_count("space-1"), 3u);
    EXPECT_EQ(emulator_->asset_count("space-2"), 3u);
    return false;
  };
  SyncReport kept = run(prepare(tmp.path), *api, {"space-1", "space-2"}, ask);
  EXPECT_EQ(calls, 1);  // once, for both spaces
  ASSERT_EQ(asked.size(), 4u);
  EXPECT_EQ(asked[0].space, "space-1");
  EXPECT_EQ(asked[0].skill, "beta");
  EXPECT_EQ(asked[0].action, Action::Prune);
  EXPECT_FALSE(asked[0].asset_id.empty());
  EXPECT_EQ(asked[3].space, "space-2");
  EXPECT_EQ(asked[3].skill, "gamma");
  // Declined: nothing deleted, the rest synced, and the report says what was kept.
  EXPECT_EQ(counts(kept)[Action::Prune], 0);
  EXPECT_EQ(counts(kept)[Action::Create], 2);  // delta, in each space
  EXPECT_FALSE(kept.failed());
  ASSERT_EQ(kept.prune_declined.size(), 4u);
  EXPECT_EQ(kept.prune_declined[1].skill, "gamma");
  EXPECT_EQ(kept.prune_declined[1].why, "declined");
  EXPECT_FALSE(kept.prune_declined[1].done);
  for (const SpaceSummary& s : kept.spaces) EXPECT_EQ(s.pruned, 0);
  EXPECT_EQ(names(*api, "space-1"),
            (std::map<std::string, int>{{"alpha", 1}, {"beta", 1}, {"delta", 1}, {"gamma", 1}}));

  // Accepted: deleted. A dry run, or nothing to delete, never asks.
  ask.confirm_prune = [&](const std::vector<ItemResult>&) { return ++calls, true; };
  SyncReport gone = run(prepare(tmp.path), *api, {"space-1", "space-2"}, ask);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(counts(gone)[Action::Prune], 4);
  EXPECT_TRUE(gone.prune_declined.empty());
  EXPECT_EQ(names(*api, "space-2"), (std::map<std::string, int>{{"alpha", 1}, {"delta", 1}}));
  run(prepare(tmp.path), *api, {"space-1"}, ask);
  ask.dry_run = true;
  write_skill(tmp.path / "elsewhere", "epsilon");
  run(prepare(tmp.path / "elsewhere"), *api, {"space-1"}, ask);
  EXPECT_EQ(calls, 2);
}

TEST_F(SyncTest, LintErrorsBlockOnlyThatSkill) {
  TempDir tmp;
  write_skill(tmp.path, "good");
  write_file(tmp.path / "bad" / "SKILL.md", "---\nname: Bad Name\n---\nx\n");
  auto api = client();
  SyncReport r = run(prepare(tmp.path), *api);
  EXPECT_TRUE(r.failed());
  EXPECT_EQ(counts(r)[Action::Create], 1);
  EXPECT_EQ(counts(r)[Action::Failed], 1);
  for (const ItemResult& i : r.items)
    if (i.action == Action::Failed) {
      EXPECT_EQ(i.error_type, "LintError");
      EXPECT_NE(i.error.find("lint error"), std::string::npos);
      EXPECT_FALSE(i.details.empty());
    }
  EXPECT_EQ(emulator_->asset_count("space-1"), 1u);
}

TEST_F(SyncTest, PaginationPastOneHundredAndTwoSpaces) {
  TempDir tmp;
  for (int i = 0; i < 105; ++i) write_skill(tmp.path, "skill-" + std::to_string(i));
  auto api = client();
  auto local = prepare(tmp.path);
  SyncOptions o;
  o.concurrency = 16;
  SyncReport first = run(local, *api, {"space-1", "space-2"}, o);
  EXPECT_EQ(counts(first)[Action::Create], 210);
  ASSERT_EQ(first.spaces.size(), 2u);
  EXPECT_EQ(first.spaces[1].created, 105);
  SyncReport again = run(local, *api, {"space-1", "space-2"}, o);
  EXPECT_EQ(counts(again)[Action::Unchanged], 210);  // needs every page of the list
  EXPECT_EQ(emulator_->asset_count("space-1"), 105u);
  EXPECT_EQ(emulator_->asset_count("space-2"), 105u);
}

TEST_F(SyncTest, ThrottlingAndDroppedConnectionsLeaveEverySkillExactlyOnce) {
  TempDir tmp;
  for (int i = 0; i < 30; ++i) write_skill(tmp.path, "s" + std::to_string(i));
  auto local = prepare(tmp.path);
  emulator::Faults faults;
  faults.throttle_rate = 0.15;
  faults.drop_rate = 0.15;
  faults.error_rate = 0.05;
  faults.seed = 7;
  emulator_->set_faults(faults);
  ClientConfig c = config();
  c.http.total_timeout = std::chrono::milliseconds(2000);
  c.adaptive_rate_limit = false;  // AIMD pacing at this throttle rate is slow by design
  SyncOptions o;
  o.concurrency = 8;
  // A first run with almost no retries leaves a partial state, as a crash would; later runs
  // (full retries) must converge without a duplicate.
  c.retry.max_attempts = 1;
  SyncReport partial = run(local, *std::make_unique<AssetClient>(c), {"space-1"}, o);
  EXPECT_TRUE(partial.failed());
  c.retry.max_attempts = 6;
  AssetClient api(c);
  bool converged = false;
  for (int round = 0; round < 10 && !converged; ++round)
    converged = !run(local, api, {"space-1"}, o).failed();
  EXPECT_TRUE(converged);
  EXPECT_GT(emulator_->stats().throttled + emulator_->stats().dropped, 0);
  emulator_->set_faults({});
  auto n = names(*client(), "space-1");
  EXPECT_EQ(n.size(), 30u);
  for (const auto& [name, count] : n) EXPECT_EQ(count, 1) << name;
  SyncReport after = run(local, *client());
  EXPECT_EQ(counts(after)[Action::Unchanged], 30);
}

TEST_F(SyncTest, ServiceErrorsCarryTypeFieldsAndHint) {
  TempDir tmp;
  write_skill(tmp.path, "alpha");
  auto api = client();
  auto local = prepare(tmp.path);
  SpaceTarget t{"space-1", "", api.get(), {0}, std::vector<std::string>{"NOT_A_TYPE"}, {}, {}, {}};
  SyncReport r = sync_skills(local, {t}, {});
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0].error_type, "ValidationException");
  ASSERT_FALSE(r.items[0].fields.empty());
  EXPECT_EQ(r.items[0].fields[0].path, "metadata.agent_types");
  EXPECT_FALSE(r.items[0].hint.empty());
}

TEST(SameContent, ComparesFilesNotBytes) {
  std::string a = emulator::make_zip({{"SKILL.md", "x"}, {"references/a.md", "y"}});
  std::string b = emulator::make_zip({{"references/a.md", "y"}, {"SKILL.md", "x"}});
  std::string c = emulator::make_zip({{"SKILL.md", "x"}, {"references/a.md", "z"}});
  EXPECT_TRUE(same_skill_content(a, b));
  EXPECT_FALSE(same_skill_content(a, c));
  EXPECT_FALSE(same_skill_content(a, "not a zip"));
}

TEST(SafeUnzip, RejectsEscapesAndExtractsAtomically) {
  TempDir tmp;
  for (const char* bad : {"../evil", "/etc/passwd", "a/../../b", "C:/x", "a\\b"}) {
    std::string zip = emulator::make_zip({{"SKILL.md", "x"}, {bad, "y"}});
    EXPECT_THROW(extract_zip(zip, tmp.path / "out", false), UnzipError) << bad;
    EXPECT_FALSE(std::filesystem::exists(tmp.path / "out")) << bad;
  }
  std::string good = emulator::make_zip({{"SKILL.md", "x"}, {"references/a.md", "y"}});
  EXPECT_EQ(extract_zip(good, tmp.path / "out", false), 2u);
  EXPECT_THROW(extract_zip(good, tmp.path / "out", false), UnzipError);  // exists
  EXPECT_EQ(extract_zip(good, tmp.path / "out", true), 2u);
  UnzipLimits small;
  small.max_total = 1;
  EXPECT_THROW(read_zip(good, small), UnzipError);  // bomb limit on declared sizes
  size_t left = 0;
  for (auto& e : std::filesystem::directory_iterator(tmp.path))
    left += e.path() != tmp.path / "out";
  EXPECT_EQ(left, 0u);  // no temporary folders left behind
}

}  // namespace
}  // namespace skillkit::upload
