// What `skillkit upload` and `skillkit skills` share: AWS options, building a client from the
// credentials chain, and printing service errors with their hints. Secrets are never printed.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "upload/api.h"
#include "upload/sync.h"

namespace skillkit::cli {

struct AwsArgs {
  std::string profile;
  std::string region;
  std::string endpoint_url;
  bool debug = false;
};

/// Adds --profile, --region, --endpoint-url and --debug to `cmd`.
void add_aws_options(CLI::App* cmd, AwsArgs& args);

/// A client for `region` (empty: --region / the chain). Throws CredentialsError.
std::unique_ptr<upload::AssetClient> make_client(const AwsArgs& args, const std::string& region);

/// "ValidationException (HTTP 400): message" plus field lines and the hint, for humans.
std::string error_text(const upload::ItemResult& item, const std::string& indent);

/// The error part of an item as JSON (null when it did not fail).
nlohmann::json error_json(const upload::ItemResult& item);

}  // namespace skillkit::cli
