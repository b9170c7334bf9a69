// AWS Signature Version 4 (header signing, standard non-S3 canonicalization).
//
// Request.path is the wire path, i.e. already percent-encoded once; the canonical request
// encodes each segment once more, which is the "double encoding" every service except S3
// expects. Query parameters are kept decoded and encoded while canonicalizing.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "upload/credentials.h"
#include "upload/encoding.h"

namespace skillkit::upload {

/// One header as sent: the name keeps its case, the value its raw text.
struct Header {
  std::string name;
  std::string value;
};

/// An HTTP request as the signer sees it.
struct Request {
  std::string method = "GET";
  std::string path = "/";  ///< wire path, already percent-encoded once
  QueryParams query;       ///< decoded names and values, in sending order
  std::vector<Header> headers;
  std::string body;

  /// The first header named `name` (case-insensitive), or nullptr.
  const Header* find_header(std::string_view name) const;
  /// Drops every header named `name` (case-insensitive).
  void remove_header(std::string_view name);
};

/// Where and when a signature applies.
struct SigningScope {
  std::string region;
  std::string service;
  std::chrono::system_clock::time_point time;
};

/// Knobs the official test suite exercises; the defaults are what DevOps Agent expects.
struct SigningOptions {
  bool normalize_path = true;       ///< remove "." / ".." segments and repeated slashes
  bool add_content_sha256 = false;  ///< add and sign x-amz-content-sha256 (S3-style services)
  bool omit_session_token = false;  ///< add X-Amz-Security-Token after signing (unsigned)
};

/// "20150830T123600Z" for `time` (UTC).
std::string amz_date(std::chrono::system_clock::time_point time);

/// Parses "YYYYMMDDTHHMMSSZ"; false when malformed.
bool parse_amz_date(std::string_view text, std::chrono::system_clock::time_point& out);

/// The canonical URI of a wire path: optionally normalized, each segment encoded again.
std::string canonical_path(std::string_view wire_path, bool normalize);

/// The canonical query string: every name and value encoded, pairs sorted.
std::string canonical_query(const QueryParams& query);

/// Lowercase names of the headers `sign` covers (all but hop-by-hop and tracing), sorted.
std::vector<std::string> default_signed_headers(const Request& request);

/// The canonical request over the headers in `signed_headers` (lowercase, sorted).
std::string canonical_request(const Request& request,
                              const std::vector<std::string>& signed_headers,
                              const SigningOptions& options = {});

/// "yyyymmdd/region/service/aws4_request".
std::string credential_scope(const SigningScope& scope);

/// The string to sign for a canonical request.
std::string string_to_sign(std::string_view canonical_request, const SigningScope& scope);

/// Hex HMAC signature of `string_to_sign` with the key derived from `secret` and `scope`.
std::string signature(std::string_view secret, const SigningScope& scope,
                      std::string_view string_to_sign);

/// Signs `request` in place: adds X-Amz-Security-Token (for temporary credentials),
/// X-Amz-Date and Authorization, replacing any left by an earlier attempt.
void sign(Request& request, const Credentials& credentials, const SigningScope& scope,
          const SigningOptions& options = {});

}  // namespace skillkit::upload
