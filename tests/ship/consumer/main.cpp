// `consumer lint DIR` prints what `skillkit lint --format json DIR` prints; `consumer pack DIR`
// prints the SHA-256 of the zip `skillkit pack -o - DIR` writes. Uses only installed headers.
#include <fmt/format.h>

#include <iostream>

#include "lint/engine.h"
#include "lint/reporters.h"
#include "pack/pack.h"
#include "skillkit/discovery.h"
#include "upload/crypto.h"

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  const std::string what = argv[1];
  const skillkit::Discovery found = skillkit::discover_skills({argv[2]});
  if (!found.errors.empty() || found.skills.size() != 1) return 2;
  if (what == "lint") {
    const skillkit::LintResult r = skillkit::lint_skills(found.skills, {});
    skillkit::write_json(std::cout, r.diagnostics, r.skills_linted);
    return 0;
  }
  const skillkit::SkillRef& ref = found.skills[0];
  const skillkit::Skill skill = skillkit::pack::load_skill_files(ref.dir, ref.display);
  const skillkit::pack::PackResult packed = skillkit::pack::pack_skill(skill, {});
  if (packed.status != skillkit::pack::PackStatus::Packed) return 1;
  fmt::print("{}\n", skillkit::upload::sha256_hex(packed.zip));
  return 0;
}
