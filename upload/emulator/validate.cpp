#include "upload/emulator/validate.h"

#include <algorithm>
#include <set>

#include "upload/emulator/skill_zip.h"
#include "upload/encoding.h"

namespace skillkit::upload::emulator {
namespace {

using nlohmann::json;

// Documented values plus the ones reported accepted by the live service (upload-api.md).
const std::set<std::string> kAgentTypes = {"GENERIC",
                                           "CHAT",
                                           "INCIDENT_TRIAGE",
                                           "INCIDENT_RCA",
                                           "INCIDENT_MITIGATION",
                                           "PREVENTION",
                                           "RELEASE_TESTING",
                                           "RELEASE_READINESS_REVIEW",
                                           "INCIDENT_UI",
                                           "CHANGE_REVIEW",
                                           "CHANGE_RELEASE",
                                           "QUALITY_ASSURANCE_TESTING",
                                           "RELEASE_SHEPHERD",
                                           "SYSTEM_LEARNING"};

bool matches(const std::string& text, size_t max, std::string_view extra) {
  if (text.empty() || text.size() > max) return false;
  return std::all_of(text.begin(), text.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || extra.find(c) != std::string_view::npos;
  });
}

bool string_array(const json& value) {
  return value.is_array() &&
         std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
}

void check_zip(const std::string& zip, CheckedContent& out, std::vector<FieldError>& fields) {
  const std::string path = "content.zip.zipFile";
  std::string error;
  auto skill = read_skill_zip(zip, error);
  if (!skill) {
    fields.push_back({path, "is not a valid zip archive: " + error});
    return;
  }
  for (const std::string& entry : skill->entries) {
    if (entry == "scripts" || entry.starts_with("scripts/")) {
      fields.push_back({path,
                        "must not contain a scripts/ folder (executable scripts are not "
                        "supported)"});
      break;
    }
  }
  if (!skill->skill_md) {
    fields.push_back({path, "must contain SKILL.md at the root of the archive"});
    return;
  }
  auto fm = frontmatter(*skill->skill_md);
  if (!fm || !fm->contains("name") || !fm->contains("description")) {
    fields.push_back({path,
                      "SKILL.md must start with YAML frontmatter setting name and "
                      "description"});
    return;
  }
  out.name = fm->at("name");
  out.description = fm->at("description");
}

}  // namespace

Reply error_reply(int status, std::string type, std::string message,
                  const std::vector<FieldError>& fields) {
  Reply r{status, json{{"message", std::move(message)}}, std::move(type)};
  if (!fields.empty()) {
    json list = json::array();
    for (const FieldError& f : fields) list.push_back({{"path", f.path}, {"message", f.message}});
    r.body["fieldList"] = list;
  }
  return r;
}

Reply validation_error(const std::vector<FieldError>& fields) {
  std::string message = std::to_string(fields.size()) + " validation error" +
                        (fields.size() == 1 ? "" : "s") + " detected";
  for (size_t i = 0; i < fields.size(); ++i) {
    message += (i ? "; " : ": ") + std::string("Value at '") + fields[i].path +
               "' failed to satisfy constraint: " + fields[i].message;
  }
  return error_reply(400, "ValidationException", message, fields);
}

std::optional<Reply> check_content(const json& content, const Limits& limits, CheckedContent& out,
                                   std::vector<FieldError>& fields) {
  if (!content.is_object() || content.size() != 1) {
    fields.push_back({"content", "must set exactly one of file, zip or sourceUrl"});
    return std::nullopt;
  }
  if (auto zip = content.find("zip"); zip != content.end()) {
    auto file = zip->is_object() ? zip->find("zipFile") : zip->end();
    if (!zip->is_object() || file == zip->end() || !file->is_string()) {
      fields.push_back({"content.zip.zipFile", "is required"});
      return std::nullopt;
    }
    auto bytes = base64_decode(file->get<std::string>());
    if (!bytes) {
      fields.push_back({"content.zip.zipFile", "must be base64-encoded"});
      return std::nullopt;
    }
    if (bytes->size() > limits.max_zip_bytes) {
      return error_reply(413, "ContentSizeExceededException",
                         "Zip content is " + std::to_string(bytes->size()) +
                             " bytes, more than the limit of " +
                             std::to_string(limits.max_zip_bytes) + " bytes");
    }
    out.zip = std::move(*bytes);
    check_zip(out.zip, out, fields);
  } else if (auto file = content.find("file"); file != content.end()) {
    // A one-file skill: SKILL.md text, with name and description given in metadata.
    std::string path = file->is_object() ? file->value("path", "") : "";
    const json* text = nullptr;
    if (file->is_object() && file->contains("body") && (*file)["body"].is_object()) {
      auto it = (*file)["body"].find("text");
      if (it != (*file)["body"].end() && it->is_string()) text = &*it;
    }
    if (path != "SKILL.md") fields.push_back({"content.file.path", "must be SKILL.md"});
    if (!text) {
      fields.push_back({"content.file.body.text", "is required"});
    } else if (text->get<std::string>().size() > limits.max_text_chars) {
      fields.push_back({"content.file.body.text", "must have length less than or equal to " +
                                                      std::to_string(limits.max_text_chars)});
    }
    out.one_file = true;
    if (text) out.zip = make_zip({{"SKILL.md", text->get<std::string>()}});
  } else if (content.contains("sourceUrl")) {
    fields.push_back({"content.sourceUrl", "GitHub import is not supported by the emulator"});
  } else {
    fields.push_back({"content", "must set exactly one of file, zip or sourceUrl"});
  }
  return std::nullopt;
}

void check_content_metadata(const CheckedContent& content, const json& metadata,
                            std::vector<FieldError>& fields) {
  if (!content.one_file) return;
  for (const char* key : {"name", "description"}) {
    auto v = metadata.find(key);
    if (v == metadata.end() || !v->is_string()) {
      fields.push_back({std::string("metadata.") + key, "is required for a one-file skill"});
    }
  }
}

void check_skill_metadata(const json& metadata, std::vector<FieldError>& fields) {
  auto types = metadata.find("agent_types");
  if (types == metadata.end()) {
    fields.push_back({"metadata.agent_types", "is required"});
  } else if (!string_array(*types) || types->empty()) {
    fields.push_back({"metadata.agent_types", "must be a non-empty list of agent types"});
  } else {
    std::set<std::string> seen;
    for (const json& t : *types) {
      std::string value = t.get<std::string>();
      if (!kAgentTypes.contains(value)) {
        fields.push_back({"metadata.agent_types", "unknown agent type '" + value + "'"});
      } else if (!seen.insert(value).second) {
        fields.push_back({"metadata.agent_types", "lists '" + value + "' twice"});
      }
    }
    if (seen.contains("GENERIC") && types->size() > 1) {
      fields.push_back({"metadata.agent_types", "GENERIC cannot be combined with other types"});
    }
  }
  if (auto s = metadata.find("status");
      s != metadata.end() && (!s->is_string() || (*s != "ACTIVE" && *s != "INACTIVE"))) {
    fields.push_back({"metadata.status", "must be ACTIVE or INACTIVE"});
  }
  if (auto s = metadata.find("skill_type"); s != metadata.end() && *s != "USER") {
    fields.push_back({"metadata.skill_type", "must be USER"});
  }
  if (auto t = metadata.find("enable_tools"); t != metadata.end() && !string_array(*t)) {
    fields.push_back({"metadata.enable_tools", "must be a list of tool ids"});
  }
  for (const char* key : {"name", "description"}) {
    if (auto v = metadata.find(key); v != metadata.end() && !v->is_string()) {
      fields.push_back({std::string("metadata.") + key, "must be a string"});
    }
  }
}

void check_client_token(const json& body, const Limits& limits, std::vector<FieldError>& fields) {
  auto token = body.find("clientToken");
  if (token == body.end()) return;
  if (!token->is_string() || token->get<std::string>().empty() ||
      token->get<std::string>().size() > limits.max_client_token) {
    fields.push_back({"clientToken",
                      "must have length between 1 and " + std::to_string(limits.max_client_token)});
  }
}

bool valid_agent_space_id(const std::string& text) {
  return matches(text, 64, "-");
}
bool valid_asset_id(const std::string& text) {
  return matches(text, 128, "_.-");
}

}  // namespace skillkit::upload::emulator
