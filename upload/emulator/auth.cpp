#include "upload/emulator/auth.h"

#include <algorithm>
#include <cctype>

#include "upload/crypto.h"

namespace skillkit::upload::emulator {
namespace {

constexpr std::string_view kPrefix = "AWS4-HMAC-SHA256 ";

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  while (true) {
    size_t at = s.find(sep);
    parts.emplace_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

AuthFailure fail(int status, std::string type, std::string message) {
  return {status, std::move(type), std::move(message)};
}

}  // namespace

std::optional<AuthFailure> verify_request(const Request& request, const AuthConfig& config,
                                          std::chrono::system_clock::time_point now) {
  const Header* auth = request.find_header("Authorization");
  if (!auth)
    return fail(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
  std::string_view value = trim(auth->value);
  if (!value.starts_with(kPrefix)) {
    return fail(400, "IncompleteSignatureException",
                "Authorization header requires the AWS4-HMAC-SHA256 algorithm.");
  }
  std::string credential, signed_headers, provided;
  for (const std::string& part : split(value.substr(kPrefix.size()), ',')) {
    std::string_view p = trim(part);
    if (p.starts_with("Credential=")) credential = p.substr(11);
    if (p.starts_with("SignedHeaders=")) signed_headers = p.substr(14);
    if (p.starts_with("Signature=")) provided = p.substr(10);
  }
  std::vector<std::string> scope = split(credential, '/');
  if (scope.size() != 5 || signed_headers.empty() || provided.empty()) {
    return fail(400, "IncompleteSignatureException",
                "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' "
                "parameters.");
  }
  if (scope[0] != config.access_key_id) {
    return fail(403, "UnrecognizedClientException",
                "The security token included in the request is invalid.");
  }
  const Header* date = request.find_header("X-Amz-Date");
  std::chrono::system_clock::time_point when;
  if (!date || !parse_amz_date(trim(date->value), when)) {
    return fail(400, "IncompleteSignatureException",
                "Authorization header requires existence of a valid 'X-Amz-Date' header.");
  }
  if (when < now - config.max_skew) {
    return fail(403, "InvalidSignatureException",
                "Signature expired: " + amz_date(when) + " is now earlier than " +
                    amz_date(now - config.max_skew) + " (" + amz_date(now) + " - 5 min.)");
  }
  if (when > now + config.max_skew) {
    return fail(403, "InvalidSignatureException",
                "Signature not yet current: " + amz_date(when) + " is still later than " +
                    amz_date(now + config.max_skew) + " (" + amz_date(now) + " + 5 min.)");
  }
  if (scope[1] != amz_date(when).substr(0, 8)) {
    return fail(403, "InvalidSignatureException",
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                "from HTTP: '" +
                    scope[1] + "' != '" + amz_date(when).substr(0, 8) + "'");
  }
  if (scope[2] != config.region) {
    return fail(403, "InvalidSignatureException",
                "Credential should be scoped to a valid region, not '" + scope[2] + "'.");
  }
  if (scope[3] != config.service || scope[4] != "aws4_request") {
    return fail(403, "InvalidSignatureException",
                "Credential should be scoped to correct service: '" + config.service + "'.");
  }
  std::vector<std::string> names = split(signed_headers, ';');
  if (!std::is_sorted(names.begin(), names.end()) ||
      std::find(names.begin(), names.end(), "host") == names.end()) {
    return fail(403, "InvalidSignatureException",
                "'Host' must be a signed header and SignedHeaders must be sorted.");
  }
  const Header* token = request.find_header("X-Amz-Security-Token");
  std::string token_value = token ? std::string(trim(token->value)) : "";
  if (token_value != config.session_token) {
    return fail(403, "UnrecognizedClientException",
                "The security token included in the request is invalid.");
  }
  SigningScope signing{config.region, config.service, when};
  std::string expected = signature(config.secret_access_key, signing,
                                   string_to_sign(canonical_request(request, names), signing));
  if (!constant_time_equal(expected, provided)) {
    return fail(403, "InvalidSignatureException",
                "The request signature we calculated does not match the signature you "
                "provided. Check your AWS Secret Access Key and signing method. Consult the "
                "service documentation for details.");
  }
  return std::nullopt;
}

}  // namespace skillkit::upload::emulator
