// Errors of the DevOps Agent Asset API, parsed the restJson1 way, with hints for users.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "upload/http.h"

namespace skillkit::upload {

/// One entry of a ValidationException's fieldList.
struct FieldError {
  std::string path;
  std::string message;
};

/// A failed API call. what() is one line: "CreateAsset: ValidationException (HTTP 400): ...".
class ApiError : public std::runtime_error {
 public:
  ApiError(std::string operation, std::string type, long status, std::string message,
           std::vector<FieldError> fields = {}, std::string request_id = {});

  std::string operation;  ///< e.g. "CreateAsset"
  std::string type;       ///< e.g. "ValidationException"; "NetworkError" when no answer came
  long status;            ///< HTTP status; 0 for network errors
  std::string message;    ///< the service's message
  std::vector<FieldError> fields;
  std::string request_id;  ///< x-amzn-RequestId, for support cases

  /// Whether retrying the same request later could succeed (throttling, 5xx, network).
  bool retryable() const;
  /// What the user can do about it, one sentence.
  std::string hint() const;
};

/// The bare error type: "aws.protocols#ValidationException:http://..." -> "ValidationException".
std::string normalize_error_type(std::string_view raw);

/// Reads type (x-amzn-ErrorType, else body __type / code), message and fieldList.
ApiError parse_error(std::string_view operation, const HttpResponse& response);

}  // namespace skillkit::upload
