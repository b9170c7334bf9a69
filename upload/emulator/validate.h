// The request checks of the emulated Asset API for skills (constraints from the service
// model and upload-api.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "upload/emulator/reply.h"

namespace skillkit::upload::emulator {

/// Limits the emulator enforces; defaults are the service's.
struct Limits {
  size_t max_skills = 200;            ///< user skills per agent space (402 beyond)
  size_t max_zip_bytes = 6'291'456;   ///< raw zip bytes (413 beyond)
  size_t max_text_chars = 1'572'864;  ///< one-file skill text
  size_t max_client_token = 64;       ///< the model says 128; the live service rejects > 64
  int default_max_results = 50;       ///< page size when maxResults is absent
};

/// A checked `content` union, turned into the zip the service would store.
struct CheckedContent {
  std::string zip;
  std::optional<std::string> name;         ///< from SKILL.md frontmatter
  std::optional<std::string> description;  ///< from SKILL.md frontmatter
  bool one_file = false;                   ///< a `file` skill: metadata must name it
};

/// Checks `content` on its own, adding problems to `fields`; returns a Reply for a 413 (too
/// large). It reads nothing but its arguments, so requests check their content in parallel,
/// outside the store's lock; check_content_metadata completes the check.
std::optional<Reply> check_content(const nlohmann::json& content, const Limits& limits,
                                   CheckedContent& out, std::vector<FieldError>& fields);

/// What `content` needs from the request's metadata (before the frontmatter fills it in): a
/// one-file skill must set `name` and `description`. Call right after check_content.
void check_content_metadata(const CheckedContent& content, const nlohmann::json& metadata,
                            std::vector<FieldError>& fields);

/// Checks the skill metadata Document (after defaults and patches are applied).
void check_skill_metadata(const nlohmann::json& metadata, std::vector<FieldError>& fields);

/// Checks `clientToken` when present.
void check_client_token(const nlohmann::json& body, const Limits& limits,
                        std::vector<FieldError>& fields);

/// Whether `text` matches [a-zA-Z0-9-]{1,64} (agent space) or [a-zA-Z0-9_.-]{1,128} (asset).
bool valid_agent_space_id(const std::string& text);
bool valid_asset_id(const std::string& text);

}  // namespace skillkit::upload::emulator
