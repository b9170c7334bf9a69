// Text encodings the AWS wire format needs: hex, base64, RFC 3986 percent-encoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skillkit::upload {

/// Query parameters in order, names and values decoded.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// Lowercase hex of `bytes`.
std::string hex(std::string_view bytes);

/// Standard base64 (RFC 4648, with padding) of `bytes`.
std::string base64_encode(std::string_view bytes);

/// Bytes of standard base64 `text`; nullopt when it is not valid base64.
std::optional<std::string> base64_decode(std::string_view text);

/// RFC 3986 encoding: keeps A-Z a-z 0-9 - . _ ~ (and '/' when `keep_slash`), %XX the rest.
std::string uri_encode(std::string_view text, bool keep_slash = false);

/// Decodes %XX escapes; a '+' stays a '+' (AWS never uses form encoding in paths or queries).
std::string uri_decode(std::string_view text);

/// Splits a raw query string ("a=1&b") into decoded pairs, keeping order ("b" -> {"b",""}).
QueryParams parse_query(std::string_view raw);

/// Encodes decoded pairs back into a query string in the given order.
std::string format_query(const QueryParams& params);

}  // namespace skillkit::upload
