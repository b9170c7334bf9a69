// An in-process emulator on a loopback port plus a client configured for it.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "upload/api.h"
#include "upload/emulator/emulator.h"
#include "upload/emulator/skill_zip.h"

namespace skillkit::upload::testing_support {

inline constexpr const char* kSpace = "space-1";

/// A skill zip whose SKILL.md frontmatter names it, plus any extra files.
inline std::string skill_zip(const std::string& name, const std::string& description = "Does X.",
                             std::vector<std::pair<std::string, std::string>> extra = {}) {
  std::vector<std::pair<std::string, std::string>> files = {
      {"SKILL.md",
       "---\nname: " + name + "\ndescription: " + description + "\n---\n# " + name + "\n"}};
  for (auto& f : extra) files.push_back(std::move(f));
  return emulator::make_zip(files);
}

/// Metadata every skill needs.
inline SkillMetadata chat_metadata() {
  SkillMetadata m;
  m.agent_types = {"CHAT"};
  return m;
}

/// Starts an emulator per test; client() builds clients with fast retries.
class EmulatorTest : public ::testing::Test {
 protected:
  virtual emulator::EmulatorOptions emulator_options() { return {}; }

  void SetUp() override {
    emulator_ = std::make_unique<emulator::Emulator>(emulator_options());
    emulator_->start();
  }
  void TearDown() override { emulator_->stop(); }

  ClientConfig config() {
    ClientConfig c;
    c.endpoint = emulator_->url();
    c.region = "us-east-1";
    c.credentials = {"AKIDEMULATOR", "emulator-secret", "", std::nullopt, "test"};
    c.retry.base_delay = std::chrono::milliseconds(2);
    c.retry.max_delay = std::chrono::milliseconds(20);
    c.retry.seed = 42;
    c.http.connect_timeout = std::chrono::milliseconds(2000);
    c.http.total_timeout = std::chrono::milliseconds(10000);
    return c;
  }
  std::unique_ptr<AssetClient> client() { return std::make_unique<AssetClient>(config()); }

  std::unique_ptr<emulator::Emulator> emulator_;
};

}  // namespace skillkit::upload::testing_support
