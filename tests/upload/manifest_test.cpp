// Manifest parsing and validation: FILE:LINE:COL errors, overrides, globs.
#include <gtest/gtest.h>

#include "sync_support.h"
#include "upload/manifest.h"

namespace skillkit::upload {
namespace {

std::vector<std::string> problems(const std::string& text) {
  try {
    parse_manifest(text, "m.yaml");
  } catch (const ManifestError& e) {
    return e.problems;
  }
  return {};
}

TEST(Manifest, ParsesSpacesSkillsAndOverrides) {
  Manifest m = parse_manifest(
      "spaces:\n"
      "  - id: a-1\n    region: eu-west-1\n    agent_types: \"Chat tasks, INCIDENT_RCA\"\n"
      "    skills:\n      - skills/*\n      - path: x\n        status: INACTIVE\n"
      "  - id: b\n    skills: [y]\n",
      "m.yaml");
  ASSERT_EQ(m.spaces.size(), 2u);
  EXPECT_EQ(m.spaces[0].region, "eu-west-1");
  EXPECT_EQ(*m.spaces[0].agent_types, (std::vector<std::string>{"CHAT", "INCIDENT_RCA"}));
  ASSERT_EQ(m.spaces[0].skills.size(), 2u);
  EXPECT_EQ(m.spaces[0].skills[1].path, "x");
  EXPECT_EQ(*m.spaces[0].skills[1].status, "INACTIVE");
  EXPECT_EQ(m.spaces[1].skills[0].path, "y");
}

TEST(Manifest, ErrorsHavePositions) {
  EXPECT_EQ(problems("spaces: []\n"),
            (std::vector<std::string>{"m.yaml:1:9: `spaces` must be a non-empty list"}));
  auto p = problems(
      "spaces:\n  - id: bad/id\n    skills: [x]\n    agent_types: [CHAT, GENERIC]\n"
      "  - id: ok\n    skills: [x]\n    agent_types: chatt\n  - skills: [x]\n");
  ASSERT_EQ(p.size(), 4u) << ::testing::PrintToString(p);
  EXPECT_EQ(p[0], "m.yaml:2:9: agent space id `bad/id` must be 1-64 letters, digits or -");
  EXPECT_EQ(p[1], "m.yaml:4:18: GENERIC cannot be combined with other agent types");
  EXPECT_NE(p[2].find("m.yaml:7:18: unknown agent type `chatt`"), std::string::npos) << p[2];
  EXPECT_EQ(p[3], "m.yaml:8:5: missing `id` (the agent space id)");
  EXPECT_NE(problems("spaces: [\n")[0].find("m.yaml:"), std::string::npos);
}

TEST(Manifest, GlobsExpandToFoldersSorted) {
  testing_support::TempDir tmp;
  testing_support::write_skill(tmp.path / "skills", "b");
  testing_support::write_skill(tmp.path / "skills", "a");
  testing_support::write_file(tmp.path / "skills" / "file.txt", "x");
  auto found = expand_skill_pattern(tmp.path.string(), "skills/*");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (tmp.path / "skills" / "a").string());
  EXPECT_TRUE(expand_skill_pattern(tmp.path.string(), "nothing/*").empty());
  EXPECT_EQ(expand_skill_pattern(tmp.path.string(), "skills/a").size(), 1u);
}

}  // namespace
}  // namespace skillkit::upload
