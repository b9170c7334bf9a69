// A small blocking HTTPS client over libcurl, safe to share between worker threads.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "upload/sigv4.h"

namespace skillkit::upload {

/// One HTTP exchange to send.
struct HttpRequest {
  std::string method = "GET";
  std::string url;  ///< scheme://host[:port]/path?query, already encoded
  std::vector<Header> headers;
  std::string body;
};

/// What came back; `headers` keep their order, names their case.
struct HttpResponse {
  long status = 0;
  std::vector<Header> headers;
  std::string body;

  /// The first header named `name` (case-insensitive).
  std::optional<std::string> header(std::string_view name) const;
};

/// Transport settings. TLS peer and host verification are always on.
struct HttpOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{120'000};
  std::string ca_bundle;  ///< PEM file of extra CAs; empty: AWS_CA_BUNDLE, else system CAs
};

/// DNS, connect, TLS, timeout or reset: no complete response arrived.
class NetworkError : public std::runtime_error {
 public:
  NetworkError(const std::string& message, int curl_code)
      : std::runtime_error(message), curl_code(curl_code) {}
  int curl_code;  ///< CURLcode
};

/// Sends requests, keeping one pooled curl handle (and its open connections) per concurrent
/// caller so keep-alive connections are reused across calls.
class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Sends `request`; any HTTP status is a response, transport failures throw NetworkError.
  HttpResponse send(const HttpRequest& request);

 private:
  struct Pool;
  HttpOptions options_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace skillkit::upload
