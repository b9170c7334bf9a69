// The frontmatter-field rules beyond their fixtures: options set in a config, the SK123 fix
// applied and linted again, and the agent-type tables the upload client shares.
#include <gtest/gtest.h>

#include <filesystem>

#include "lint/engine.h"
#include "lint/fix.h"
#include "rules/agent_types.h"
#include "skillkit/skill_md.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;

constexpr std::string_view kDescription =
    "Use this skill when the example service reports elevated error rates, failed deployments "
    "or throttling, to find the cause quickly.";

std::vector<Diagnostic> lint_one(const fs::path& dir, std::string_view rule,
                                 const std::optional<fs::path>& config = std::nullopt) {
  LintSettings settings;
  settings.only_rules = {std::string(rule)};
  settings.config_file =
      config ? *config : fs::path(SKILLKIT_TESTDATA_DIR) / "rules" / "fixture-config.yaml";
  const LintResult result = lint_skills({{dir, dir.string()}}, settings);
  EXPECT_TRUE(result.errors.empty()) << (result.errors.empty() ? "" : result.errors[0]);
  return result.diagnostics;
}

TEST(UnknownKey, AllowedOptionAcceptsExtraKeys) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "example";
  testing::write_file(dir / "SKILL.md",
                      "---\nname: example\ndescription: x\nmodel: sonnet\n"
                      "version: 1.0\n---\n");
  ASSERT_EQ(lint_one(dir, "SK130").size(), 2u);
  testing::write_file(tmp / "config.yaml", "rules:\n  unknown-key: {allowed: [model]}\n");
  const auto found = lint_one(dir, "SK130", tmp / "config.yaml");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "unknown frontmatter key `version`");
  EXPECT_EQ(found[0].pos, (Position{5, 1}));
}

TEST(DescriptionTooShort, MinOption) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "example";
  testing::write_file(dir / "SKILL.md",
                      "---\nname: example\ndescription: " + std::string(kDescription) + "\n---\n");
  EXPECT_TRUE(lint_one(dir, "SK301").empty());
  testing::write_file(tmp / "config.yaml", "rules:\n  SK301: {min: 200}\n");
  const auto found = lint_one(dir, "SK301", tmp / "config.yaml");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "`description` has 130 characters; DevOps Agent recommends at least 200");
}

TEST(MetadataValueString, FixQuotesOneLinePlainScalarsAsWritten) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "example";
  testing::write_file(dir / "SKILL.md",
                      "---\nname: example\ndescription: x\nmetadata:\n  version: 1.0\n"
                      "  minor: 1.10  # keep the zero\n  beta: yes\n  released: 2024-01-01\n"
                      "  empty:\n  tags: [a, b]\n  folded: >\n    2\n---\n");
  const auto found = lint_one(dir, "SK123");
  ASSERT_EQ(found.size(), 6u);  // a `>` block is a string
  size_t with_fix = 0;
  for (const Diagnostic& d : found) with_fix += d.fix.has_value();
  EXPECT_EQ(with_fix, 4u);  // not the null or the list
  const FixResult fixed = apply_fixes(found);
  EXPECT_TRUE(fixed.errors.empty());
  EXPECT_EQ(fixed.edits_applied, 4u);
  EXPECT_EQ(testing::read_file(dir / "SKILL.md"),
            "---\nname: example\ndescription: x\nmetadata:\n  version: \"1.0\"\n"
            "  minor: \"1.10\"  # keep the zero\n  beta: \"yes\"\n  released: \"2024-01-01\"\n"
            "  empty:\n  tags: [a, b]\n  folded: >\n    2\n---\n");
  const auto again = lint_one(dir, "SK123");
  EXPECT_EQ(again.size(), 2u);
  for (const Diagnostic& d : again) EXPECT_FALSE(d.fix.has_value()) << d.message;
}

// The hints of a fixture's findings (the .expected files hold only the messages).
std::vector<std::string> hints(std::string_view rule, std::string_view fixture) {
  const fs::path dir = fs::path(SKILLKIT_TESTDATA_DIR) / "rules" / fs::path(rule) / fixture;
  std::vector<std::string> out;
  for (const Diagnostic& d : lint_one(dir, rule)) out.push_back(d.hint);
  return out;
}

TEST(FrontmatterFields, HintsSayWhatToDo) {
  using V = std::vector<std::string>;
  EXPECT_EQ(hints("description-too-long", "bad-folded-final-break"),
            V{"the block's final line break is the extra character: write `>-` or `|-` to drop "
              "it"});
  EXPECT_EQ(hints("agent-types-unknown", "bad-lowercase"),
            V{"wire values are uppercase: write `CHAT`"});
  EXPECT_EQ(hints("agent-types-unknown", "bad-label-as-wire"),
            (V{"`Chat tasks` is a UI label: its wire value is `CHAT`",
               "`Evaluation` is a UI label with no agreed wire value; the documented guess is "
               "`PREVENTION`"}));
  EXPECT_EQ(hints("agent-types-unknown", "bad-labels"),
            (V{"use Generic, On-demand, Chat tasks, Incident Triage, Incident RCA, Incident "
               "Mitigation or Evaluation",
               "did you mean `Chat tasks`?",
               "`INCIDENT_RCA` is a wire value: write it under `agent_types`, or use the label "
               "`Incident RCA`",
               "`PREVENTION` has no UI label: write it under `agent_types` instead"}));
  EXPECT_EQ(hints("agent-types-label-unmapped", "bad-evaluation"),
            V{"say which type you mean: add `agent_types: \"CHAT, PREVENTION, INCIDENT_RCA\"` "
              "to `metadata`"});
  EXPECT_EQ(hints("status-value", "bad-lowercase"),
            V{"status values are uppercase: write `ACTIVE`"});
  EXPECT_EQ(hints("metadata-value-string", "bad-scalars")[0], "quote it: \"1.0\"");
}

TEST(AgentTypes, Tables) {
  using namespace rules;
  EXPECT_TRUE(is_wire_value("INCIDENT_RCA"));
  EXPECT_TRUE(is_wire_value("SYSTEM_LEARNING"));
  EXPECT_FALSE(is_wire_value("incident_rca"));
  EXPECT_FALSE(is_wire_value("Incident RCA"));
  EXPECT_EQ(wire_value_for_label("Chat tasks"), "CHAT");
  EXPECT_EQ(wire_value_for_label("on-demand"), "CHAT");
  EXPECT_EQ(wire_value_for_label("INCIDENT MITIGATION"), "INCIDENT_MITIGATION");
  EXPECT_EQ(wire_value_for_label("Generic"), "GENERIC");
  EXPECT_EQ(wire_value_for_label("Evaluation"), std::nullopt);  // no agreed value
  EXPECT_EQ(wire_value_for_label("CHAT"), std::nullopt);        // a wire value, not a label
  EXPECT_EQ(wire_values().size(), 14u);
}

TEST(AgentTypes, NearestValueForHints) {
  using rules::AgentTypeConvention;
  using rules::nearest_agent_type;
  EXPECT_EQ(nearest_agent_type("chat", AgentTypeConvention::Wire), "CHAT");
  EXPECT_EQ(nearest_agent_type("Chat tasks", AgentTypeConvention::Wire), "CHAT");
  EXPECT_EQ(nearest_agent_type("incident-triage", AgentTypeConvention::Wire), "INCIDENT_TRIAGE");
  EXPECT_EQ(nearest_agent_type("INCIDENT_RCAA", AgentTypeConvention::Wire), "INCIDENT_RCA");
  EXPECT_EQ(nearest_agent_type("Evaluation", AgentTypeConvention::Wire), "PREVENTION");
  EXPECT_EQ(nearest_agent_type("banana", AgentTypeConvention::Wire), "");
  EXPECT_EQ(nearest_agent_type("Chat task", AgentTypeConvention::Label), "Chat tasks");
  EXPECT_EQ(nearest_agent_type("INCIDENT_RCA", AgentTypeConvention::Label), "Incident RCA");
}

YamlNode metadata_of(std::string_view yaml) {
  const SkillMd md = parse_skill_md("---\nname: x\nmetadata:\n" + std::string(yaml) + "---\n");
  EXPECT_TRUE(md.ok());
  return *md.frontmatter->find("metadata");
}

TEST(AgentTypes, ReadsBothConventions) {
  using namespace rules;
  EXPECT_EQ(read_agent_types(nullptr).resolved, std::vector<std::string>{"GENERIC"});

  const YamlNode labels = metadata_of(
      "  aws-devops-agent-skills.agent-types: \"Incident RCA, chat tasks, Evaluation\"\n");
  const SkillAgentTypes from_labels = read_agent_types(&labels);
  EXPECT_EQ(from_labels.wire_node, nullptr);
  ASSERT_NE(from_labels.label_node, nullptr);
  ASSERT_EQ(from_labels.label_items.size(), 3u);
  EXPECT_EQ(from_labels.label_items[1].text, "chat tasks");
  EXPECT_EQ(from_labels.label_items[1].wire, "CHAT");
  EXPECT_TRUE(from_labels.label_items[2].known);
  EXPECT_EQ(from_labels.label_items[2].wire, "");  // Evaluation: left out of the upload
  EXPECT_EQ(from_labels.label_items[0].pos, (Position{4, 40}));
  EXPECT_EQ(from_labels.resolved, (std::vector<std::string>{"CHAT", "INCIDENT_RCA"}));

  // Wire values win when both are set; lists of strings are read too.
  const YamlNode both = metadata_of(
      "  agent_types:\n    - PREVENTION\n    - CHAT\n    - bogus\n"
      "  aws-devops-agent-skills.agent-types: Incident RCA\n");
  const SkillAgentTypes from_both = read_agent_types(&both);
  ASSERT_EQ(from_both.wire_items.size(), 3u);
  EXPECT_EQ(from_both.wire_items[1].pos, (Position{6, 7}));
  EXPECT_FALSE(from_both.wire_items[2].known);
  EXPECT_EQ(from_both.resolved, (std::vector<std::string>{"CHAT", "PREVENTION"}));

  // A value that is no string is not read (SK123 reports it); the default applies.
  const YamlNode number = metadata_of("  agent_types: 42\n");
  const SkillAgentTypes from_number = read_agent_types(&number);
  EXPECT_EQ(from_number.wire_node, nullptr);
  EXPECT_EQ(from_number.resolved, std::vector<std::string>{"GENERIC"});
}

}  // namespace
}  // namespace skillkit
