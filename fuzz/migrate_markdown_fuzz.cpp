// libFuzzer target: any bytes as a Markdown runbook through the migrate planner (frontmatter,
// name and description choice, link migration) and the SKILL.md writer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/migrate_fuzz_support.h"
#include "migrate/markdown_runbook.h"
#include "migrate/skill_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace m = skillkit::migrate;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const m::RunbookInput input =
      m::fuzz::write_input("runbook.md", bytes, m::RunbookInput::Kind::Markdown);
  const m::SkillDraft draft = m::plan_markdown_runbook(input);
  m::fuzz::check_draft(draft);
  if (!draft.failed() && m::render_skill_md(draft).rfind("---\n", 0) != 0) __builtin_trap();
  return 0;
}
