// A skill as a migration plans it, before anything is written, and the notes that explain it.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace skillkit::migrate {

/// One decision or problem, shown in the migration report. Info is a decision taken; Warning
/// needs a human look but the skill was still written; Error means the skill was not written.
struct Note {
  enum class Level { Info, Warning, Error };
  Level level = Level::Info;
  std::string message;
};

/// A file of the skill other than SKILL.md; `path` is relative to the skill, '/'-separated.
struct SkillFile {
  std::string path;
  std::string bytes;
  std::string from;  // the source file shown to the user, or "" when generated
};

/// One runbook to migrate: where it is and the tree its links may point into.
struct RunbookInput {
  std::filesystem::path path;
  std::string display;         // the path as shown in the report
  std::filesystem::path root;  // the source tree: links that leave it are not followed
  enum class Kind { Markdown, Ssm } kind = Kind::Markdown;
};

struct SkillDraft {
  std::string source;       // RunbookInput::display
  std::string kind;         // "markdown" or "ssm"
  std::string name;         // empty when none could be derived (an error note says why)
  std::string description;  // the final description
  /// Top-level skill fields besides name, description and metadata (license, compatibility,
  /// allowed-tools), in the order written, values already strings.
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<std::pair<std::string, std::string>> metadata;  // key, string value
  std::string body;                                           // Markdown, ends with one '\n'
  std::vector<SkillFile> files;                               // sorted by path when final
  std::vector<Note> notes;

  void info(std::string message) { notes.push_back({Note::Level::Info, std::move(message)}); }
  void warn(std::string message) { notes.push_back({Note::Level::Warning, std::move(message)}); }
  void fail(std::string message) { notes.push_back({Note::Level::Error, std::move(message)}); }
  bool failed() const {
    for (const Note& n : notes)
      if (n.level == Note::Level::Error) return true;
    return false;
  }
};

}  // namespace skillkit::migrate
