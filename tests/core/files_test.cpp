// Discovery, inventory and .skillignore on real folders in a temp dir.
#include <gtest/gtest.h>

#include "skillkit/discovery.h"
#include "skillkit/ignore.h"
#include "skillkit/inventory.h"
#include "skillkit/path_cache.h"
#include "skillkit/skill.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

TEST(Glob, Matches) {
  EXPECT_TRUE(glob_match("*.md", "a.md"));
  EXPECT_FALSE(glob_match("*.md", "dir/a.md"));
  EXPECT_TRUE(glob_match("**/*.md", "a.md"));
  EXPECT_TRUE(glob_match("**/*.md", "x/y/a.md"));
  EXPECT_TRUE(glob_match("docs/**", "docs/a/b"));
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_FALSE(glob_match("a?c", "a/c"));
  EXPECT_TRUE(glob_match("[a-c]x", "bx"));
  EXPECT_FALSE(glob_match("[!a-c]x", "bx"));
}

TEST(Ignore, DefaultsLeaveRepositoryFilesOut) {
  const IgnoreRules rules = IgnoreRules::defaults();
  std::string why;
  EXPECT_TRUE(rules.excluded("README.md", false, &why));
  EXPECT_EQ(why, "default: /README.md");
  EXPECT_FALSE(rules.excluded("references/README.md", false));
  EXPECT_TRUE(rules.excluded("CHANGELOG.md", false));
  EXPECT_TRUE(rules.excluded("evals", true));
  EXPECT_TRUE(rules.excluded("evals/evals.json", false));
  EXPECT_TRUE(rules.excluded("references/.DS_Store", false));
  EXPECT_TRUE(rules.excluded("notes.md~", false));
  EXPECT_FALSE(rules.excluded("SKILL.md", false));
  EXPECT_FALSE(rules.excluded("assets/diagram.png", false));
}

TEST(Ignore, SkillignoreAddsAndNegates) {
  IgnoreRules rules = IgnoreRules::defaults();
  rules.add("*.csv\n!keep.csv\n/drafts/\n# comment\n", ".skillignore");
  EXPECT_TRUE(rules.excluded("assets/data.csv", false));
  EXPECT_FALSE(rules.excluded("assets/keep.csv", false));
  EXPECT_TRUE(rules.excluded("drafts/a.md", false));
  EXPECT_FALSE(rules.excluded("references/drafts/a.md", false));
  rules.add("!/README.md\n", ".skillignore");
  EXPECT_FALSE(rules.excluded("README.md", false));
}

TEST(Ignore, ParentSkillignoreIsRelativeToItsFolder) {
  TempDir tmp;
  fs::create_directories(tmp / ".git");
  write_file(tmp / ".skillignore", "skills/a/notes/\n*.tmp\n");
  write_file(tmp / "skills/a/SKILL.md", "---\nname: a\n---\n");
  const IgnoreRules rules = IgnoreRules::for_skill(tmp / "skills/a");
  EXPECT_TRUE(rules.excluded("notes/x.md", false));
  EXPECT_TRUE(rules.excluded("references/x.tmp", false));
  EXPECT_FALSE(rules.excluded("references/x.md", false));
}

// The walks every skill makes up its parents, remembered per folder: sibling skills must still
// get their own answers, and a remembered walk must equal a fresh one.
TEST(PathCache, WalksUpPerFolder) {
  TempDir tmp;
  const fs::path root = fs::canonical(tmp.path());
  fs::create_directories(root / "repo/.git");
  write_file(root / "repo/.skillignore", "drafts/\n");
  write_file(root / "repo/a/.skillkit.yaml", "rules: {}\n");
  write_file(root / "repo/a/s1/.skillignore", "x\n");
  fs::create_directories(root / "repo/a/s2");
  fs::create_directories(root / "repo/b/s3");
  PathCache cache;
  // The second time round, every answer comes from what the cache remembers.
  for (int again = 0; again < 2; ++again) {
    const auto& walk = cache.walk_up(root / "repo/a/s1", ".git", ".skillignore");
    ASSERT_EQ(walk.size(), 3u);
    EXPECT_EQ(walk[0].dir, root / "repo/a/s1");
    ASSERT_NE(walk[0].text, nullptr);
    EXPECT_EQ(*walk[0].text, "x\n");
    EXPECT_EQ(walk[1].dir, root / "repo/a");
    EXPECT_EQ(walk[1].text, nullptr);
    EXPECT_EQ(walk[2].dir, root / "repo");  // holds .git: the walk stops there
    ASSERT_NE(walk[2].text, nullptr);
    EXPECT_EQ(*walk[2].text, "drafts/\n");
    const auto& sibling = cache.walk_up(root / "repo/a/s2", ".git", ".skillignore");
    ASSERT_EQ(sibling.size(), 3u);
    EXPECT_EQ(sibling[0].text, nullptr);
    EXPECT_EQ(sibling[1].dir, root / "repo/a");

    const std::vector<std::string> names = {".skillkit.yaml", ".skillkit.yml"};
    EXPECT_EQ(cache.nearest_file(root / "repo/a/s2", names), root / "repo/a/.skillkit.yaml");
    EXPECT_EQ(cache.nearest_file(root / "repo/a", names), root / "repo/a/.skillkit.yaml");
    const auto none = cache.nearest_file(root / "repo/b/s3", names);
    EXPECT_TRUE(!none || !none->string().starts_with(root.string())) << *none;
  }
}

TEST(Discovery, FindsSkillsFoldersAndFiles) {
  TempDir tmp;
  write_file(tmp / "skills/b/SKILL.md", "x");
  write_file(tmp / "skills/a/SKILL.md", "x");
  write_file(tmp / "skills/a/nested/SKILL.md", "x");
  write_file(tmp / "skills/c/skill.md", "x");
  write_file(tmp / "skills/.git/d/SKILL.md", "x");
  write_file(tmp / "skills/node_modules/e/SKILL.md", "x");
  const std::string root = (tmp / "skills").string();
  Discovery d = discover_skills({root});
  ASSERT_TRUE(d.errors.empty());
  std::vector<std::string> shown;
  for (const SkillRef& s : d.skills) shown.push_back(s.display.substr(root.size()));
  EXPECT_EQ(shown, (std::vector<std::string>{"/a", "/a/nested", "/b", "/c"}));

  d = discover_skills({(tmp / "skills/b/SKILL.md").string(), (tmp / "skills/b").string()});
  EXPECT_EQ(d.skills.size(), 1u);  // the same skill twice is linted once
  EXPECT_TRUE(d.errors.empty()) << d.errors.front();

  // A folder, then a skill inside it: listed once, and naming it again is not an error.
  d = discover_skills({root, (tmp / "skills/a").string()});
  EXPECT_EQ(d.skills.size(), 4u);
  EXPECT_TRUE(d.errors.empty()) << d.errors.front();
}

TEST(Discovery, MissingPathsAndEmptyFoldersAreErrors) {
  TempDir tmp;
  fs::create_directories(tmp / "empty");
  write_file(tmp / "notes.txt", "x");
  Discovery d = discover_skills(
      {(tmp / "nope").string(), (tmp / "empty").string(), (tmp / "notes.txt").string()});
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_NE(d.errors[0].find("no such file or directory"), std::string::npos);
  EXPECT_NE(d.errors[1].find("no SKILL.md found"), std::string::npos);
  EXPECT_NE(d.errors[2].find("not a SKILL.md file"), std::string::npos);
}

TEST(Discovery, SymlinkLoopsAreNotFollowed) {
  TempDir tmp;
  write_file(tmp / "s/a/SKILL.md", "x");
  fs::create_directory_symlink(tmp / "s", tmp / "s/a/loop");
  fs::create_directory_symlink("/", tmp / "s/root");
  Discovery d = discover_skills({(tmp / "s").string()});
  EXPECT_EQ(d.skills.size(), 1u);
}

TEST(Inventory, ListsFilesWithTheirFacts) {
  TempDir tmp;
  const fs::path skill = tmp / "a";
  write_file(skill / "SKILL.md", "---\nname: a\n---\n");
  write_file(skill / "README.md", "repo readme");
  write_file(skill / "references/Guide.MD", "guide");
  write_file(skill / "run.sh", "#!/bin/sh\necho hi\n");
  fs::permissions(skill / "run.sh", fs::perms::owner_exec, fs::perm_options::add);
  write_file(skill / "sub/SKILL.md", "nested");
  write_file(tmp / "outside.md", "secret");
  fs::create_symlink(tmp / "outside.md", skill / "escape.md");
  fs::create_symlink("references/Guide.MD", skill / "inside.md");

  const Inventory inv = list_files(skill, IgnoreRules::for_skill(skill));
  EXPECT_EQ(inv.nested_skills, std::vector<std::string>{"sub"});
  const FileEntry* readme = inv.find("README.md");
  ASSERT_NE(readme, nullptr);
  EXPECT_TRUE(readme->excluded);
  const FileEntry* guide = inv.find("references/Guide.MD");
  ASSERT_NE(guide, nullptr);
  EXPECT_EQ(guide->extension, "md");
  EXPECT_EQ(guide->size, 5u);
  const FileEntry* script = inv.find("run.sh");
  ASSERT_NE(script, nullptr);
  EXPECT_TRUE(script->executable);
  EXPECT_TRUE(script->shebang);
  const FileEntry* escape = inv.find("escape.md");
  ASSERT_NE(escape, nullptr);
  EXPECT_TRUE(escape->is_symlink);
  EXPECT_TRUE(escape->link_escapes);
  const FileEntry* inside = inv.find("inside.md");
  ASSERT_NE(inside, nullptr);
  EXPECT_FALSE(inside->link_escapes);
  EXPECT_EQ(inside->size, 5u);
  EXPECT_EQ(inv.find("sub/SKILL.md"), nullptr);

  std::vector<std::string> packed;
  for (const FileEntry* e : inv.packable()) packed.push_back(e->path);
  EXPECT_EQ(packed,
            (std::vector<std::string>{"SKILL.md", "inside.md", "references/Guide.MD", "run.sh"}));
}

TEST(Skill, LoadsDisplayPathsAndName) {
  TempDir tmp;
  write_file(tmp / "my-skill/skill.md", "---\nname: my-skill\n---\n[x](references/a.md)\n");
  const Skill skill = load_skill(tmp / "my-skill", "skills/my-skill");
  EXPECT_EQ(skill.dir_name, "my-skill");
  EXPECT_EQ(skill.skill_md_name, "skill.md");
  EXPECT_EQ(skill.skill_md_path(), "skills/my-skill/skill.md");
  ASSERT_EQ(skill.body.links.size(), 1u);
  EXPECT_EQ(skill.body.links[0].pos, (Position{4, 1}));
}

TEST(Skill, UnreadableSkillMdIsAnIoError) {
  TempDir tmp;
  fs::create_directories(tmp / "a/SKILL.md");  // a folder where the file should be
  const Skill skill = load_skill(tmp / "a", "a");
  EXPECT_EQ(skill.io_error.substr(0, 21), "cannot read SKILL.md:");
}

TEST(Skill, OversizedSkillMdIsNotRead) {
  TempDir tmp;
  write_file(tmp / "a/SKILL.md", "---\n");
  fs::resize_file(tmp / "a/SKILL.md", kMaxSkillMdBytes + 1);  // sparse: costs no disk
  const Skill skill = load_skill(tmp / "a", "a");
  EXPECT_EQ(skill.io_error, "SKILL.md is 16777217 bytes; skillkit reads at most 16777216");
}

}  // namespace
}  // namespace skillkit
