// Runs every fixture under testdata/rules/<rule-name>/<case>/ with only that rule enabled and
// compares the findings with <case>.expected (`path:line:col: ID message`, sorted; empty for a
// clean case). SKILLKIT_UPDATE_GOLDEN=1 rewrites the .expected files for review.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "lint/engine.h"
#include "lint/reporters.h"
#include "rules/registry.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;

const fs::path kRoot = fs::path(SKILLKIT_TESTDATA_DIR) / "rules";

struct Case {
  std::string rule;  // folder name = rule name
  std::string name;  // case folder
};

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  if (!fs::exists(kRoot)) return cases;
  for (const auto& rule_dir : fs::directory_iterator(kRoot)) {
    if (!rule_dir.is_directory()) continue;
    for (const auto& c : fs::directory_iterator(rule_dir.path()))
      if (c.is_directory())
        cases.push_back({rule_dir.path().filename().string(), c.path().filename().string()});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return std::tie(a.rule, a.name) < std::tie(b.rule, b.name);
  });
  return cases;
}

std::string lint_case(const Case& c) {
  const fs::path dir = kRoot / c.rule / c.name;
  // Display paths relative to the rule folder: "<case>/SKILL.md:2:7: ...".
  LintSettings settings;
  settings.only_rules = {c.rule};
  settings.config_file = fs::path(SKILLKIT_TESTDATA_DIR) / "rules" / "fixture-config.yaml";
  const LintResult result = lint_skills({{dir, c.name}}, settings);
  EXPECT_TRUE(result.errors.empty()) << (result.errors.empty() ? "" : result.errors[0]);
  std::string out;
  for (const Diagnostic& d : result.diagnostics) out += format_short(d) + "\n";
  return out;
}

class RuleFixture : public ::testing::TestWithParam<Case> {};

TEST_P(RuleFixture, FindingsMatchExpected) {
  const Case& c = GetParam();
  ASSERT_NE(find_rule(c.rule), nullptr) << "fixture folder names no rule: " << c.rule;
  const fs::path expected_file = kRoot / c.rule / (c.name + ".expected");
  const std::string actual = lint_case(c);
  if (std::getenv("SKILLKIT_UPDATE_GOLDEN")) {
    std::ofstream(expected_file, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expected_file)) << "missing " << expected_file;
  EXPECT_EQ(testing::read_file(expected_file), actual);
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.rule + "__" + info.param.name;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

// Rules whose bad case cannot live in git (tested in their own unit test instead).
// read-error: a permission or size state (tests/core, tests/cli); zip-size: over 6 MB of
// incompressible data (generated in tests/rules/body_files_test.cpp); policy-*: need options
// (configured cases live in tests/rules/policy_test.cpp).
const std::set<std::string> kNoBadFixture = {"read-error", "zip-size", "policy-metadata",
                                             "policy-paths", "policy-limits"};

TEST(RuleFixtures, EveryRuleHasABadAndAGoodCase) {
  std::set<std::string> bad, good;
  for (const Case& c : all_cases()) {
    const std::string expected = testing::read_file(kRoot / c.rule / (c.name + ".expected"));
    (expected.empty() ? good : bad).insert(c.rule);
  }
  for (const Rule* r : all_rules()) {
    const std::string name(r->name);
    if (!kNoBadFixture.count(name)) {
      EXPECT_TRUE(bad.count(name)) << name << " has no failing fixture";
    }
    EXPECT_TRUE(good.count(name)) << name << " has no passing fixture";
  }
}

TEST(RuleFixtures, EveryExpectedFileHasItsCase) {
  for (const auto& rule_dir : fs::directory_iterator(kRoot)) {
    if (!rule_dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(rule_dir.path())) {
      if (f.path().extension() != ".expected") continue;
      EXPECT_TRUE(fs::is_directory(rule_dir.path() / f.path().stem())) << f.path();
    }
  }
}

}  // namespace
}  // namespace skillkit
