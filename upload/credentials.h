// AWS credentials, region and endpoint from the standard chain (flags, environment, profile
// files, credential_process). Secrets never appear in messages or formatted output.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace skillkit::upload {

/// An access key pair, with a session token for temporary credentials.
struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  ///< empty for long-term keys
  std::optional<std::chrono::system_clock::time_point> expiration;
  std::string source;  ///< where they came from, e.g. "environment" or "profile dev"
};

/// "AKIA****MPLE (environment, session token)": safe for logs, never holds the secret.
std::string redacted(const Credentials& credentials);

/// Prints `redacted(credentials)`.
std::ostream& operator<<(std::ostream& out, const Credentials& credentials);

/// A credentials, region or config problem, with a one-line message for users.
class CredentialsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Looks up an environment variable; injectable so tests need not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// Reads the process environment (empty values count as unset).
std::optional<std::string> process_env(std::string_view name);

/// The command-line overrides plus where to read the environment from.
struct ResolveOptions {
  std::string profile;       ///< --profile; empty: AWS_PROFILE, then "default"
  std::string region;        ///< --region
  std::string endpoint_url;  ///< --endpoint-url
  EnvLookup env = process_env;
};

/// The profile in use: --profile, then AWS_PROFILE, then "default".
std::string profile_name(const ResolveOptions& options);

/// Credentials from the chain: environment (unless --profile was given), then the profile's
/// keys or credential_process. Throws CredentialsError naming what to set.
Credentials resolve_credentials(const ResolveOptions& options);

/// Region: --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`.
std::string resolve_region(const ResolveOptions& options);

/// Endpoint: --endpoint-url, AWS_ENDPOINT_URL_DEVOPS_AGENT, AWS_ENDPOINT_URL, the profile's
/// endpoint_url, else https://dp.aidevops.{region}.api.aws (aidevops-fips with
/// AWS_USE_FIPS_ENDPOINT=true). A custom endpoint is used as given, without trailing '/'.
std::string resolve_endpoint(const ResolveOptions& options, std::string_view region);

/// Runs a credential_process command and parses its Version 1 JSON output.
Credentials run_credential_process(const std::string& command, std::string_view profile);

/// Parses credential_process JSON output; throws CredentialsError when invalid or expired.
Credentials parse_credential_process_output(std::string_view json, std::string_view profile,
                                            std::chrono::system_clock::time_point now);

}  // namespace skillkit::upload

template <>
struct fmt::formatter<skillkit::upload::Credentials> : fmt::formatter<std::string_view> {
  auto format(const skillkit::upload::Credentials& c, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(skillkit::upload::redacted(c), ctx);
  }
};
