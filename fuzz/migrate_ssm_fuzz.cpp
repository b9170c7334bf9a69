// libFuzzer target: any bytes as an SSM Automation document through the migrate planner, as
// YAML, and also as JSON when it could be JSON (starts with `{`): the file's extension picks the
// parser, so one input exercises both.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/migrate_fuzz_support.h"
#include "migrate/skill_writer.h"
#include "migrate/ssm_runbook.h"

namespace {

void run(std::string_view name, std::string_view bytes, bool json) {
  namespace m = skillkit::migrate;
  (void)m::is_ssm_document(bytes, json);
  const m::RunbookInput input = m::fuzz::write_input(name, bytes, m::RunbookInput::Kind::Ssm);
  const m::SkillDraft draft = m::plan_ssm_runbook(input);
  m::fuzz::check_draft(draft);
  if (!draft.failed() && m::render_skill_md(draft).rfind("---\n", 0) != 0) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  run("runbook.yaml", bytes, false);
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '{') run("runbook.json", bytes, true);
  return 0;
}
