// Links, images and headings from the Markdown body, with file positions.
#include "skillkit/markdown.h"

#include <gtest/gtest.h>

namespace skillkit {
namespace {

TEST(Markdown, LinksImagesAndPositions) {
  const MdBody body = parse_markdown(
      "# Title\n\nSee [ref](references/a.md) and ![img](assets/x.png).\n"
      "Résumé [two](b.md#x) and <file:///etc/x>, not "
      "https://example.com\n\n```\n[no](c.md)\n```\n\n`[x](code.md)`\n",
      10);
  ASSERT_EQ(body.links.size(), 4u);
  EXPECT_EQ(body.links[0].url, "references/a.md");
  EXPECT_EQ(body.links[0].pos, (Position{12, 5}));
  EXPECT_TRUE(body.links[1].image);
  EXPECT_EQ(body.links[1].pos, (Position{12, 32}));
  EXPECT_EQ(body.links[2].url, "b.md#x");
  EXPECT_EQ(body.links[2].pos, (Position{13, 8}));  // characters, not bytes, after "Résumé "
  EXPECT_EQ(body.links[3].url, "file:///etc/x");    // an autolink; the bare URL is text
  EXPECT_EQ(body.links[3].pos, (Position{13, 26}));
  ASSERT_EQ(body.headings.size(), 1u);
  EXPECT_EQ(body.headings[0].text, "Title");
  EXPECT_EQ(body.headings[0].line, 10);
}

// cmark-gfm counts an autolink's column from its paragraph's first line; skillkit puts it back.
TEST(Markdown, AutolinksOnLaterLinesOfAParagraph) {
  const MdBody body = parse_markdown(
      "First line of the paragraph.\nThen <file:///a> and <file:///b> and <file:///a>.\n"
      "> quoted\n> <https://x.test/q>\n",
      5);
  ASSERT_EQ(body.links.size(), 4u);
  EXPECT_EQ(body.links[0].url, "file:///a");
  EXPECT_EQ(body.links[0].pos, (Position{6, 6}));
  EXPECT_EQ(body.links[1].url, "file:///b");
  EXPECT_EQ(body.links[1].pos, (Position{6, 22}));
  EXPECT_EQ(body.links[2].url, "file:///a");
  EXPECT_EQ(body.links[2].pos, (Position{6, 38}));
  EXPECT_EQ(body.links[3].url, "https://x.test/q");
  EXPECT_EQ(body.links[3].pos, (Position{8, 3}));
}

TEST(Markdown, ReferenceLinksAndLineCount) {
  const MdBody body = parse_markdown("Use [r].\n\n[r]: refs/r.md\n", 1);
  ASSERT_EQ(body.links.size(), 1u);
  EXPECT_EQ(body.links[0].url, "refs/r.md");
  EXPECT_EQ(body.line_count, 3);
}

}  // namespace
}  // namespace skillkit
