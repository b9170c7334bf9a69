// The registry, the rule files and the docs stay in step; every example proves its rule.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "lint/engine.h"
#include "rules/registry.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;

TEST(Registry, IdsAndNamesAreUniqueSortedAndWellFormed) {
  std::set<std::string_view> names;
  std::string_view previous;
  for (const Rule* r : all_rules()) {
    EXPECT_TRUE(std::regex_match(std::string(r->id), std::regex("SK[0-9]{3}"))) << r->id;
    EXPECT_TRUE(std::regex_match(std::string(r->name), std::regex("[a-z0-9]+(-[a-z0-9]+)*")))
        << r->name;
    EXPECT_LT(previous, r->id) << "registry not sorted at " << r->id;
    previous = r->id;
    EXPECT_TRUE(names.insert(r->name).second) << "duplicate name " << r->name;
    EXPECT_FALSE(r->summary.empty()) << r->id;
    EXPECT_FALSE(r->rationale.empty()) << r->id;
    EXPECT_FALSE(r->bad.empty()) << r->id;
    EXPECT_FALSE(r->good.empty()) << r->id;
    EXPECT_NE(r->check, nullptr) << r->id;
    for (const OptionSpec& o : r->options) {
      EXPECT_FALSE(o.doc.empty()) << r->id << " option " << o.name;
      EXPECT_TRUE(o.type == "int" || o.type == "string" || o.type == "bool" || o.type == "list" ||
                  o.type == "map")
          << r->id << " option " << o.name;
    }
  }
}

TEST(Registry, EveryRuleFileIsRegisteredAndEveryRuleHasAFile) {
  const std::set<std::string> not_rules = {"rule", "registry", "common", "agent_types"};
  std::set<std::string> files;
  for (const auto& f : fs::directory_iterator(fs::path(SKILLKIT_SOURCE_DIR) / "rules")) {
    const std::string stem = f.path().stem().string();
    if (f.path().extension() != ".cpp" || not_rules.count(stem)) continue;
    files.insert(stem);
  }
  std::set<std::string> registered;
  for (const Rule* r : all_rules()) {
    std::string file(r->name);
    for (char& c : file) c = c == '-' ? '_' : c;
    registered.insert(file);
  }
  EXPECT_EQ(files, registered);
}

TEST(Registry, FindsRulesByIdOrName) {
  ASSERT_NE(find_rule("SK101"), nullptr);
  EXPECT_EQ(find_rule("sk101"), find_rule("name-format"));
  EXPECT_EQ(find_rule("no-such-rule"), nullptr);
}

std::vector<Diagnostic> lint_example(const Rule& rule, std::string_view text) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "example";
  testing::write_example(dir, text);
  LintSettings settings;
  settings.only_rules = {std::string(rule.id)};
  settings.config_file = fs::path(SKILLKIT_TESTDATA_DIR) / "rules" / "fixture-config.yaml";
  return lint_skills({{dir, "example"}}, settings).diagnostics;
}

// Examples written as prose (in parentheses) describe a state git cannot hold.
bool is_prose(std::string_view example) {
  return example.substr(0, 1) == "(";
}

TEST(RuleExamples, BadExampleTriggersItsRule) {
  for (const Rule* r : all_rules()) {
    if (is_prose(r->bad)) continue;
    EXPECT_FALSE(lint_example(*r, r->bad).empty())
        << r->id << " " << r->name << ": bad example is clean";
  }
}

TEST(RuleExamples, GoodExampleDoesNotTriggerItsRule) {
  for (const Rule* r : all_rules()) {
    if (is_prose(r->good)) continue;
    const auto found = lint_example(*r, r->good);
    EXPECT_TRUE(found.empty()) << r->id << " " << r->name << ": good example gives: "
                               << (found.empty() ? "" : found[0].message);
  }
}

TEST(RuleExamples, UnfixableRulesNeverOfferEdits) {
  for (const Rule* r : all_rules()) {
    if (r->fixable != Fixable::No || is_prose(r->bad)) continue;
    for (const Diagnostic& d : lint_example(*r, r->bad)) {
      EXPECT_FALSE(d.fix.has_value()) << r->id;
    }
  }
}

}  // namespace
}  // namespace skillkit
