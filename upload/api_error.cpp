#include "upload/api_error.h"

#include <nlohmann/json.hpp>

#include "upload/retry.h"

namespace skillkit::upload {
namespace {

std::string one_line(const std::string& operation, const std::string& type, long status,
                     const std::string& message, const std::vector<FieldError>& fields) {
  std::string out = operation + ": " + type;
  if (status > 0) out += " (HTTP " + std::to_string(status) + ")";
  if (!message.empty()) out += ": " + message;
  for (const FieldError& f : fields) out += "; " + f.path + ": " + f.message;
  return out;
}

// The type to assume when the response names none (e.g. a proxy answered).
std::string type_for_status(long status) {
  switch (status) {
    case 400:
      return "ValidationException";
    case 402:
      return "ServiceQuotaExceededException";
    case 403:
      return "AccessDeniedException";
    case 404:
      return "ResourceNotFoundException";
    case 409:
      return "ConflictException";
    case 413:
      return "ContentSizeExceededException";
    case 429:
      return "ThrottlingException";
    default:
      return status >= 500 ? "InternalServerException" : "UnknownError";
  }
}

}  // namespace

ApiError::ApiError(std::string operation, std::string type, long status, std::string message,
                   std::vector<FieldError> fields, std::string request_id)
    : std::runtime_error(one_line(operation, type, status, message, fields)),
      operation(std::move(operation)),
      type(std::move(type)),
      status(status),
      message(std::move(message)),
      fields(std::move(fields)),
      request_id(std::move(request_id)) {}

bool ApiError::retryable() const {
  return classify(status, type) != Verdict::Done;
}

std::string ApiError::hint() const {
  if (type == "InvalidSignatureException" || type == "SignatureDoesNotMatch") {
    if (message.find("expired") != std::string::npos ||
        message.find("not yet current") != std::string::npos) {
      return "the request time is off by more than 5 minutes: fix the system clock";
    }
    return "the secret access key does not match the access key: check AWS_SECRET_ACCESS_KEY "
           "or the profile's aws_secret_access_key";
  }
  if (type == "UnrecognizedClientException" || type == "InvalidClientTokenId") {
    return "AWS does not know this access key: check AWS_ACCESS_KEY_ID or the profile";
  }
  if (type == "ExpiredTokenException" || type == "ExpiredToken") {
    return "the session token expired: refresh your credentials (e.g. aws sso login)";
  }
  if (type == "AccessDeniedException") {
    return "the identity lacks permission: allow aidevops:CreateAsset/UpdateAsset/GetAsset/"
           "ListAssets/DeleteAsset (console: aidevops:*KnowledgeItem*) on this agent space";
  }
  if (type == "ResourceNotFoundException") {
    return "check the agent space id, the asset id and the region";
  }
  if (type == "ValidationException" || type == "InvalidParameterException") {
    return "the service rejected the request content: fix the fields named above";
  }
  if (type == "ServiceQuotaExceededException") {
    return "an agent space holds at most 200 user skills: delete unused skills first";
  }
  if (type == "ContentSizeExceededException") {
    return "a skill zip may hold at most 6,291,456 bytes: remove large files from the skill";
  }
  if (type == "ConflictException") {
    return "a client token was reused with a different request: run the command again";
  }
  if (type == "ThrottlingException") {
    return "the service is throttling requests: lower the concurrency or try again later";
  }
  if (type == "InternalServerException") return "the service failed: try again later";
  if (type == "NetworkError") {
    return "the endpoint did not answer: check the network, proxy, endpoint URL and region";
  }
  if (status >= 500) return "the service failed: try again later";
  return "unexpected answer from the service";
}

std::string normalize_error_type(std::string_view raw) {
  if (size_t colon = raw.find(':'); colon != std::string_view::npos) raw = raw.substr(0, colon);
  if (size_t hash = raw.rfind('#'); hash != std::string_view::npos) raw = raw.substr(hash + 1);
  while (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);
  while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
  return std::string(raw);
}

ApiError parse_error(std::string_view operation, const HttpResponse& response) {
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object()) body = nlohmann::json::object();
  auto text = [&](const char* key) -> std::string {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string type;
  if (auto header = response.header("x-amzn-ErrorType")) type = normalize_error_type(*header);
  if (type.empty()) type = normalize_error_type(text("__type"));
  if (type.empty()) type = normalize_error_type(text("code"));
  if (type.empty()) type = type_for_status(response.status);

  std::string message = text("message");
  if (message.empty()) message = text("Message");  // some services capitalize it
  std::vector<FieldError> fields;
  if (auto it = body.find("fieldList"); it != body.end() && it->is_array()) {
    for (const auto& f : *it) {
      if (!f.is_object()) continue;
      fields.push_back({f.value("path", ""), f.value("message", "")});
    }
  }
  return ApiError(std::string(operation), type, response.status, message, std::move(fields),
                  response.header("x-amzn-RequestId").value_or(""));
}

}  // namespace skillkit::upload
