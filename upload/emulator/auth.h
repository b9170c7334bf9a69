// Server-side SigV4 verification, answering the way AWS front ends do.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "upload/sigv4.h"

namespace skillkit::upload::emulator {

/// Who may call and where the emulated service lives.
struct AuthConfig {
  std::string access_key_id = "AKIDEMULATOR";
  std::string secret_access_key = "emulator-secret";
  std::string session_token;  ///< when set, requests must carry it (signed)
  std::string region = "us-east-1";
  std::string service = "aidevops";
  std::chrono::seconds max_skew{300};  ///< AWS allows 5 minutes either way
};

/// Why a request was refused: HTTP status, error type and AWS's message.
struct AuthFailure {
  int status = 403;
  std::string type;
  std::string message;
};

/// Checks `request` (wire path, decoded query, received headers and body) against `config`.
std::optional<AuthFailure> verify_request(const Request& request, const AuthConfig& config,
                                          std::chrono::system_clock::time_point now);

}  // namespace skillkit::upload::emulator
