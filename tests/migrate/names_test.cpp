#include <gtest/gtest.h>

#include "migrate/ascii_fold.h"
#include "migrate/names.h"

namespace skillkit::migrate {
namespace {

TEST(AsciiFold, DropsAccentsAndSpellsOutLetters) {
  EXPECT_EQ(ascii_fold("Redémarrer Straße Øresund Æble"), "Redemarrer Strasse Oresund AEble");
  EXPECT_EQ(ascii_fold("ﬁle №1"), "file No1");  // compatibility forms (NFKD)
}

TEST(AsciiFold, OtherScriptsBecomeSpaces) {
  EXPECT_EQ(ascii_fold("重启cache"), "  cache");
}

TEST(SkillName, LowercaseHyphenated) {
  EXPECT_EQ(to_skill_name("Restart the Redis cache (prod)!"), "restart-the-redis-cache-prod");
  EXPECT_EQ(to_skill_name("  --Fail over -- DB--  "), "fail-over-db");
  EXPECT_EQ(to_skill_name("Redémarrer les workers — Straße Nord"),
            "redemarrer-les-workers-strasse-nord");
  EXPECT_EQ(to_skill_name("AWS-RestartEC2Instance"), "aws-restartec2instance");
}

TEST(SkillName, EmptyWhenNoAsciiLetterOrDigit) {
  EXPECT_EQ(to_skill_name("重启队列"), "");
  EXPECT_EQ(to_skill_name("!!!"), "");
}

TEST(SkillName, LongNamesAreCutAtAWordBoundary) {
  bool truncated = false;
  const std::string name = to_skill_name(
      "Restart every cache cluster of the checkout service in the secondary region after a "
      "failover",
      &truncated);
  EXPECT_TRUE(truncated);
  EXPECT_EQ(name, "restart-every-cache-cluster-of-the-checkout-service-in-the");
  EXPECT_LE(name.size(), kMaxNameLength);

  const std::string one_word(80, 'a');
  EXPECT_EQ(to_skill_name(one_word, &truncated), std::string(64, 'a'));
  EXPECT_TRUE(truncated);
  EXPECT_EQ(to_skill_name("short", &truncated), "short");
  EXPECT_FALSE(truncated);
}

TEST(FileName, SafeInALink) {
  EXPECT_EQ(to_file_name("Läufe 2024.csv"), "Laufe-2024.csv");
  EXPECT_EQ(to_file_name("flow (v2).png"), "flow-v2-.png");
  EXPECT_EQ(to_file_name("重启"), "-");
}

}  // namespace
}  // namespace skillkit::migrate
