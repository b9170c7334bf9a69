// What an emulated operation answers: a status, a JSON body and, for errors, the type.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "upload/api_error.h"

namespace skillkit::upload::emulator {

/// One operation's answer before it becomes an HTTP response.
struct Reply {
  int status = 200;
  nlohmann::json body = nlohmann::json::object();
  std::string error_type;  ///< set for errors; sent as x-amzn-ErrorType
};

/// An error answer in the restJson1 shape: {"message": ..., "fieldList": [...]}.
Reply error_reply(int status, std::string type, std::string message,
                  const std::vector<FieldError>& fields = {});

/// 400 ValidationException listing `fields`, with AWS's "N validation errors detected" text.
Reply validation_error(const std::vector<FieldError>& fields);

}  // namespace skillkit::upload::emulator
