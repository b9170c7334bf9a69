// The emulator's reading of uploaded zips: a deflated SKILL.md is inflated exactly, and a
// damaged one is refused as before (upload/emulator/skill_zip.cpp inflates deflated entries
// itself, in one call, and leaves every other case to libzip).
#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

#include "upload/emulator/skill_zip.h"

namespace skillkit::upload::emulator {
namespace {

// A zip of `files`, each compressed with `method` (ZIP_CM_DEFLATE or ZIP_CM_STORE).
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& files, int method) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
  zip_error_fini(&ze);
  zip_source_keep(buffer);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr);
  for (const auto& [name, content] : files) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(z, zip_uint64_t(index), method, 9);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    out.resize(st.size);
    out.resize(size_t(std::max<zip_int64_t>(0, zip_source_read(buffer, out.data(), st.size))));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

std::string skill_md(int lines) {
  std::string text = "---\nname: rds-triage\ndescription: Use when RDS is slow.\n---\n";
  for (int i = 0; i < lines; ++i) text += "Step " + std::to_string(i) + ": check the metrics.\n";
  return text;
}

// Where the first entry's data starts (local header: 30 bytes, name, extra field).
size_t first_data_offset(const std::string& zip) {
  const auto u16 = [&](size_t at) {
    return size_t(uint8_t(zip[at])) | size_t(uint8_t(zip[at + 1])) << 8;
  };
  return 30 + u16(26) + u16(28);
}

TEST(SkillZip, DeflatedAndStoredSkillMdReadExactly) {
  for (int lines : {0, 1, 40, 20000}) {  // up to ~600 KB: more than a 32 KB window
    const std::string text = skill_md(lines);
    for (int method : {ZIP_CM_DEFLATE, ZIP_CM_STORE}) {
      const std::string zip = zip_of({{"references/a.md", "x"}, {"SKILL.md", text}}, method);
      std::string error;
      auto skill = read_skill_zip(zip, error);
      ASSERT_TRUE(skill) << error;
      ASSERT_TRUE(skill->skill_md);
      EXPECT_EQ(*skill->skill_md, text) << lines << " lines, method " << method;
      EXPECT_EQ(skill->entries, (std::vector<std::string>{"references/a.md", "SKILL.md"}));
      EXPECT_EQ(unzip(zip), (std::vector<std::pair<std::string, std::string>>{
                                {"references/a.md", "x"}, {"SKILL.md", text}}));
    }
  }
}

TEST(SkillZip, DamagedDeflateStreamIsRefused) {
  std::string zip = zip_of({{"SKILL.md", skill_md(40)}}, ZIP_CM_DEFLATE);
  zip[first_data_offset(zip)] = char(0xFF);  // block type 3: invalid in deflate
  std::string error;
  EXPECT_FALSE(read_skill_zip(zip, error));
  EXPECT_EQ(error, "SKILL.md could not be read");
}

}  // namespace
}  // namespace skillkit::upload::emulator
