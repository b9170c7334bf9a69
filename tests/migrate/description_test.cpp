#include <gtest/gtest.h>

#include "migrate/description.h"
#include "migrate/links.h"
#include "skillkit/utf8.h"

namespace skillkit::migrate {
namespace {

std::vector<std::string> messages(const SkillDraft& d, Note::Level level) {
  std::vector<std::string> out;
  for (const Note& n : d.notes)
    if (n.level == level) out.push_back(n.message);
  return out;
}

TEST(Description, TriggerPhrasing) {
  EXPECT_TRUE(says_when_to_use("Use this skill when the cache is cold."));
  EXPECT_TRUE(says_when_to_use("Restarts the cache when it stops answering."));
  EXPECT_TRUE(says_when_to_use("If the queue backs up, drain it."));
  EXPECT_FALSE(says_when_to_use("Configure and manage the AWS integration."));
  EXPECT_FALSE(says_when_to_use("Whenwhere is not a word."));
}

TEST(Description, KeptAsWrittenWhenItSaysWhen) {
  SkillDraft d;
  set_description("Restarts the cache\n  when it stops answering.", "the frontmatter", d);
  EXPECT_EQ(d.description, "Restarts the cache when it stops answering.");
  EXPECT_EQ(messages(d, Note::Level::Warning).size(), 1u);  // only "shorter than 100"
}

TEST(Description, PrefixedWhenItDoesNotSayWhen) {
  SkillDraft d;
  const std::string text =
      "Configure and manage the AWS integration for monitoring, log collection and resource "
      "tracking across accounts.";
  set_description(text, "the frontmatter `description`", d);
  EXPECT_EQ(d.description, "Use when: " + text);
  ASSERT_EQ(messages(d, Note::Level::Warning).size(), 1u);
  EXPECT_NE(messages(d, Note::Level::Warning)[0].find("did not say when"), std::string::npos);
}

TEST(Description, ShortOneIsReportedNotPadded) {
  SkillDraft d;
  set_description("Use when the cache is cold.", "x", d);
  EXPECT_EQ(d.description, "Use when the cache is cold.");
  ASSERT_EQ(messages(d, Note::Level::Warning).size(), 1u);
  EXPECT_NE(messages(d, Note::Level::Warning)[0].find("only 27 characters"), std::string::npos);
}

TEST(Description, LongOneIsCutAtASentenceEnd) {
  std::string text = "Use when the cache is cold. ";
  while (text.size() < 1500) text += "The cluster answers slowly and clients time out. ";
  SkillDraft d;
  set_description(text, "x", d);
  EXPECT_LE(utf8::length(d.description), kMaxDescription);
  EXPECT_TRUE(d.description.ends_with("time out."));
}

TEST(Description, LongOneWithoutSentencesIsCutAtAWord) {
  std::string text = "use when ";
  while (utf8::length(text) < 1500) text += "café ";
  SkillDraft d;
  set_description(text, "x", d);
  EXPECT_LE(utf8::length(d.description), kMaxDescription);
  EXPECT_TRUE(d.description.ends_with("café...")) << d.description;
}

TEST(CodeSpan, EnoughBackticks) {
  EXPECT_EQ(code_span("a.sh"), "`a.sh`");
  EXPECT_EQ(code_span("a`b"), "``a`b``");
  EXPECT_EQ(code_span("`a"), "`` `a ``");
}

}  // namespace
}  // namespace skillkit::migrate
