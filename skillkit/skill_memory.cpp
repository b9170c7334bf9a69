#include "skillkit/skill_memory.h"

namespace skillkit {

Skill make_skill_from_memory(std::string dir_name, std::string display_dir,
                             std::string skill_md_name, std::string skill_md_bytes, Inventory files,
                             std::string io_error) {
  Skill skill;
  skill.dir = "/dev/null/skillkit-in-memory-skill";
  skill.display_dir = std::move(display_dir);
  skill.dir_name = std::move(dir_name);
  skill.skill_md_name = std::move(skill_md_name);
  skill.io_error = std::move(io_error);
  skill.md = parse_skill_md(std::move(skill_md_bytes));
  if (skill.md.status != FrontmatterStatus::NotUtf8)
    skill.body = parse_markdown(skill.md.body(), skill.md.body_line);
  skill.files = std::move(files);
  return skill;
}

}  // namespace skillkit
