// Inputs that crashed a fuzz target (fuzz/), kept as regression cases: each runs through the
// same library call the target makes and must give the exact outcome noted.
#include <gtest/gtest.h>

#include <string>

#include "migrate/markdown_runbook.h"
#include "migrate/ssm_runbook.h"
#include "tests/support/temp_dir.h"

namespace skillkit {
namespace {
using testing::TempDir;
using testing::write_file;

migrate::RunbookInput runbook(const TempDir& tmp, const std::string& name,
                              migrate::RunbookInput::Kind kind) {
  migrate::RunbookInput input;
  input.path = tmp / name;
  input.display = name;
  input.root = tmp.path();
  input.kind = kind;
  return input;
}

std::vector<std::string> errors(const migrate::SkillDraft& draft) {
  std::vector<std::string> out;
  for (const migrate::Note& n : draft.notes)
    if (n.level == migrate::Note::Level::Error) out.push_back(n.message);
  return out;
}

// migrate_markdown_fuzz: NUL bytes before a local link. cmark-gfm reads each NUL as U+FFFD
// (3 bytes), so the link's columns were off by 2 per NUL and the rewrite replaced the wrong
// bytes: the end of the body was cut off. Now the link is found where it is written.
TEST(FuzzRegression, NulBytesBeforeALinkKeepTheBodyWhole) {
  TempDir tmp;
  write_file(tmp / "diagrams/flow.png", "png");
  const std::string text = "# Escalation policy\n\nPage the payments on-call first." +
                           std::string(100, '\0') +
                           " The [flow diagram](diagrams/flow.png) shows who comes next.\n";
  write_file(tmp / "runbook.md", text);
  const migrate::SkillDraft draft = migrate::plan_markdown_runbook(
      runbook(tmp, "runbook.md", migrate::RunbookInput::Kind::Markdown));
  EXPECT_EQ(errors(draft), std::vector<std::string>{});
  EXPECT_EQ(draft.body, "# Escalation policy\n\nPage the payments on-call first." +
                            std::string(100, '\0') +
                            " The [flow diagram](assets/flow.png) shows who comes next.\n");
}

// migrate_ssm_fuzz: a YAML SSM document with a byte that is not UTF-8 in a step input. The
// converted JSON threw nlohmann::type_error 316 from dump(), outside any try: std::terminate,
// so `skillkit migrate` aborted. Now it is refused like any other unreadable document.
TEST(FuzzRegression, SsmDocumentNotUtf8IsRefused) {
  TempDir tmp;
  write_file(tmp / "restart.yaml",
             "schemaVersion: '0.3'\ndescription: Restart the instances.\nmainSteps:\n"
             "  - name: stop\n    action: aws:executeScript\n    inputs:\n"
             "      Runtime: pytho\x92\xc6.8\n      Handler: handler\n");
  const migrate::SkillDraft draft =
      migrate::plan_ssm_runbook(runbook(tmp, "restart.yaml", migrate::RunbookInput::Kind::Ssm));
  EXPECT_EQ(errors(draft),
            std::vector<std::string>{"not a valid YAML document: not UTF-8 text (invalid byte at "
                                     "offset 145)"});
  EXPECT_FALSE(migrate::is_ssm_document(testing::read_file(tmp / "restart.yaml"), false));
}

// The same bytes through an escape: YAML's `\ud800` is a lone surrogate, which yaml-cpp
// refuses itself, so no string that is not UTF-8 reaches the rendering that way either.
TEST(FuzzRegression, SsmLoneSurrogateEscapeIsRefused) {
  TempDir tmp;
  write_file(tmp / "restart.yaml",
             "schemaVersion: '0.3'\ndescription: Restart the instances.\nmainSteps:\n"
             "  - name: stop\n    action: aws:executeScript\n    inputs:\n"
             "      Values: [\"a\\ud800b\", 1]\n");
  const migrate::SkillDraft draft =
      migrate::plan_ssm_runbook(runbook(tmp, "restart.yaml", migrate::RunbookInput::Kind::Ssm));
  EXPECT_EQ(errors(draft),
            std::vector<std::string>{"not a valid YAML document: yaml-cpp: error at line 7, column "
                                     "24: invalid unicode: 55296"});
}

}  // namespace
}  // namespace skillkit
