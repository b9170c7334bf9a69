// SHA-256 and HMAC-SHA256 through OpenSSL's EVP interface.
#pragma once

#include <string>
#include <string_view>

namespace skillkit::upload {

/// Raw 32-byte SHA-256 digest of `data`.
std::string sha256(std::string_view data);

/// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

/// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view data);

/// Compares two strings in time independent of where they differ (for signatures).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace skillkit::upload
