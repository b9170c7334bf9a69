// SKILL.md splitting and YAML positions: the edge cases real skills hit.
#include "skillkit/skill_md.h"

#include <gtest/gtest.h>

namespace skillkit {
namespace {

TEST(SkillMd, SplitsFrontmatterAndBody) {
  SkillMd md = parse_skill_md("---\nname: a\ndescription: b\n---\n# Body\n");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md.close_line, 4);
  EXPECT_EQ(md.body_line, 5);
  EXPECT_EQ(md.body(), "# Body\n");
  const YamlNode* name = md.frontmatter->find("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->value, "a");
  EXPECT_EQ(name->pos, (Position{2, 7}));
}

TEST(SkillMd, BomIsToleratedAndNotCountedInColumns) {
  SkillMd md = parse_skill_md("\xEF\xBB\xBF---\nname: a\n---\n");
  ASSERT_TRUE(md.ok());
  EXPECT_TRUE(md.source.has_bom());
  EXPECT_EQ(md.frontmatter->find("name")->pos, (Position{2, 7}));
  EXPECT_EQ(md.source.position(3), (Position{1, 1}));
}

TEST(SkillMd, CrlfLineEnds) {
  SkillMd md =
      parse_skill_md("---\r\nname: a\r\ndescription: >\r\n  one\r\n  two\r\n---\r\nbody\r\n");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md.frontmatter->find("description")->value, "one two\n");
  EXPECT_EQ(md.frontmatter->find("description")->pos, (Position{3, 14}));
  EXPECT_EQ(md.body_line, 7);
}

TEST(SkillMd, ColumnsCountCharactersNotBytes) {
  SkillMd md = parse_skill_md("---\nname: a\nmetadata: {owner: \"José\", team: x}\n---\n");
  ASSERT_TRUE(md.ok());
  const YamlNode* team = md.frontmatter->find("metadata")->find("team");
  ASSERT_NE(team, nullptr);
  EXPECT_EQ(team->pos, (Position{3, 33}));  // 'x' after the two-byte é
}

TEST(SkillMd, States) {
  EXPECT_EQ(parse_skill_md("# no frontmatter\n").status, FrontmatterStatus::Missing);
  EXPECT_EQ(parse_skill_md("").status, FrontmatterStatus::Missing);
  EXPECT_EQ(parse_skill_md("---\nname: a\n").status, FrontmatterStatus::Unclosed);
  EXPECT_EQ(parse_skill_md("---\n---\n").status, FrontmatterStatus::Empty);
  EXPECT_EQ(parse_skill_md("---\n# only a comment\n---\n").status, FrontmatterStatus::Empty);
  EXPECT_EQ(parse_skill_md("---\n- a\n- b\n---\n").status, FrontmatterStatus::NotMapping);
  EXPECT_EQ(parse_skill_md("---\njust text\n---\n").status, FrontmatterStatus::NotMapping);
  EXPECT_EQ(parse_skill_md("---\na: [1, 2\n---\n").status, FrontmatterStatus::YamlError);
  EXPECT_EQ(parse_skill_md("---\nname: caf\xE9\n---\n").status, FrontmatterStatus::NotUtf8);
}

TEST(SkillMd, YamlErrorPosition) {
  SkillMd md = parse_skill_md("---\nname: a\ndescription: Use when: x\n---\n");
  ASSERT_EQ(md.status, FrontmatterStatus::YamlError);
  EXPECT_EQ(md.source.position(md.yaml_error_offset), (Position{3, 22}));
}

TEST(SkillMd, DocumentEndMarkerIsRecorded) {
  SkillMd md = parse_skill_md("---\nname: a\n...\ndescription: b\n---\n");
  EXPECT_EQ(md.document_marker_lines, std::vector<int>{3});
}

TEST(SkillMd, ClosingMarkerMayHaveTrailingSpaces) {
  SkillMd md = parse_skill_md("---  \nname: a\n--- \nbody\n");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md.close_line, 3);
}

TEST(SkillMd, DuplicateKeysAreKeptInOrder) {
  SkillMd md = parse_skill_md("---\nname: a\nname: b\n---\n");
  ASSERT_TRUE(md.ok());
  ASSERT_EQ(md.frontmatter->entries.size(), 2u);
  EXPECT_EQ(md.frontmatter->find("name")->value, "a");
  EXPECT_EQ(md.frontmatter->entries[1].first.pos, (Position{3, 1}));
}

TEST(SkillMd, AliasesAreNeverExpanded) {
  // A billion-laughs frontmatter parses in constant time: aliases stay aliases.
  std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    yaml += std::string(1, c) + ": &" + c + " [" + std::string(9, ' ').replace(0, 0, "") + "*" +
            static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  yaml += "---\n";
  SkillMd md = parse_skill_md(yaml);
  ASSERT_TRUE(md.ok()) << md.yaml_error;
  EXPECT_EQ(md.frontmatter->find("j")->items[0].kind, YamlNode::Kind::Alias);
}

TEST(YamlNode, EmptyValueIsPlacedOnItsKeysLine) {
  SkillMd md = parse_skill_md("---\nname:\ndescription: x\n---\n");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md.frontmatter->find("name")->kind, YamlNode::Kind::Null);
  EXPECT_EQ(md.frontmatter->find("name")->pos, (Position{2, 6}));
}

TEST(YamlNode, ResolvedTypes) {
  SkillMd md = parse_skill_md(
      "---\na: true\nb: \"true\"\nc: 1.0\nd: 2024-01-02\ne: ~\nf:\ng: [1]\nh: {x: 1}\ni: text\nj: "
      "yes\n"
      "k: 'no'\nl: 0x1F\n---\n");
  ASSERT_TRUE(md.ok());
  const YamlNode& fm = *md.frontmatter;
  EXPECT_EQ(fm.find("a")->resolved_type(), "bool");
  EXPECT_EQ(fm.find("b")->resolved_type(), "string");
  EXPECT_EQ(fm.find("c")->resolved_type(), "float");
  EXPECT_EQ(fm.find("d")->resolved_type(), "timestamp");
  EXPECT_EQ(fm.find("e")->resolved_type(), "null");
  EXPECT_EQ(fm.find("f")->resolved_type(), "null");
  EXPECT_EQ(fm.find("g")->resolved_type(), "sequence");
  EXPECT_EQ(fm.find("h")->resolved_type(), "mapping");
  EXPECT_EQ(fm.find("i")->resolved_type(), "string");
  EXPECT_EQ(fm.find("j")->resolved_type(), "bool");
  EXPECT_EQ(fm.find("k")->resolved_type(), "string");
  EXPECT_EQ(fm.find("l")->resolved_type(), "int");
}

TEST(YamlNode, FoldedLiteralAndPlainMultiLine) {
  SkillMd md = parse_skill_md(
      "---\nf: >\n  one\n  two\nl: |\n  one\n  two\np: one\n  two\n  three\nq: \"one\n  "
      "two\"\n---\n");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md.frontmatter->find("f")->value, "one two\n");
  EXPECT_EQ(md.frontmatter->find("l")->value, "one\ntwo\n");
  EXPECT_EQ(md.frontmatter->find("p")->value, "one two three");
  EXPECT_EQ(md.frontmatter->find("q")->value, "one two");
}

TEST(YamlNode, StrayCommaIsAnErrorNotAHang) {
  // yaml-cpp 0.7 returns empty documents forever after a `,` outside a collection.
  for (const char* text : {"---\n,\n---\n", "---\nname: a\n---\n", "---\n- a\n,\n---\n"}) {
    SkillMd md = parse_skill_md(text);
    if (std::string_view(text).find(',') == std::string_view::npos) {
      EXPECT_TRUE(md.ok());
      continue;
    }
    ASSERT_EQ(md.status, FrontmatterStatus::YamlError) << text;
    EXPECT_EQ(md.yaml_error, "unexpected `,` outside a `[...]` or `{...}` collection");
  }
  SkillMd md = parse_skill_md("---\n- a\n,\n---\n");
  EXPECT_EQ(md.source.position(md.yaml_error_offset), (Position{3, 1}));
}

TEST(YamlNode, DeepNestingIsAnErrorNotACrash) {
  std::string yaml = "---\na: " + std::string(10000, '[') + std::string(10000, ']') + "\n---\n";
  SkillMd md = parse_skill_md(yaml);
  EXPECT_NE(md.status, FrontmatterStatus::Ok);
}

}  // namespace
}  // namespace skillkit
