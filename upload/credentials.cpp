#include "upload/credentials.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <nlohmann/json.hpp>

#include "upload/aws_config.h"
#include "upload/time_format.h"

namespace skillkit::upload {
namespace {

constexpr std::string_view kNoCredentials =
    "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure "
    "a profile in ~/.aws/credentials (select it with --profile or AWS_PROFILE)";

std::string mask(std::string_view key) {
  if (key.size() <= 8) return std::string(key.size(), '*');
  return std::string(key.substr(0, 4)) + "****" + std::string(key.substr(key.size() - 4));
}

std::optional<Credentials> from_environment(const EnvLookup& env) {
  auto id = env("AWS_ACCESS_KEY_ID");
  auto secret = env("AWS_SECRET_ACCESS_KEY");
  if (!id && !secret) return std::nullopt;
  if (!id) throw CredentialsError("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");
  if (!secret) throw CredentialsError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
  Credentials c{*id, *secret, env("AWS_SESSION_TOKEN").value_or(""), std::nullopt, "environment"};
  return c;
}

std::optional<std::string> value_of(const ProfileValues& p, const std::string& key) {
  auto it = p.find(key);
  if (it == p.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Credentials from_profile(const std::string& name, const ProfileValues& profile) {
  auto id = value_of(profile, "aws_access_key_id");
  auto secret = value_of(profile, "aws_secret_access_key");
  if (id && secret) {
    return {*id, *secret, value_of(profile, "aws_session_token").value_or(""), std::nullopt,
            "profile " + name};
  }
  if (auto command = value_of(profile, "credential_process")) {
    return run_credential_process(*command, name);
  }
  if (id || secret) {
    throw CredentialsError("profile '" + name + "' needs both aws_access_key_id and " +
                           "aws_secret_access_key");
  }
  for (const char* key : {"role_arn", "sso_session", "sso_start_url", "web_identity_token_file"}) {
    if (value_of(profile, key)) {
      throw CredentialsError("profile '" + name + "' uses " + key +
                             ", which skillkit does not resolve: export credentials first " +
                             "(e.g. `aws configure export-credentials --format env`) or use " +
                             "credential_process");
    }
  }
  throw CredentialsError("profile '" + name + "' has no credentials (aws_access_key_id, " +
                         "aws_secret_access_key or credential_process)");
}

}  // namespace

std::string redacted(const Credentials& c) {
  std::string out = mask(c.access_key_id) + " (" + (c.source.empty() ? "unknown" : c.source);
  if (!c.session_token.empty()) out += ", session token";
  return out + ")";
}

std::ostream& operator<<(std::ostream& out, const Credentials& credentials) {
  return out << redacted(credentials);
}

std::optional<std::string> process_env(std::string_view name) {
  const char* value = std::getenv(std::string(name).c_str());
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

std::string profile_name(const ResolveOptions& options) {
  if (!options.profile.empty()) return options.profile;
  return options.env("AWS_PROFILE").value_or("default");
}

Credentials resolve_credentials(const ResolveOptions& options) {
  // An explicit --profile beats environment keys, as in the AWS CLI; AWS_PROFILE does not.
  if (options.profile.empty()) {
    if (auto c = from_environment(options.env)) return *c;
  }
  std::string name = profile_name(options);
  if (auto profile = load_profile(name, options.env)) return from_profile(name, *profile);
  bool chosen = !options.profile.empty() || options.env("AWS_PROFILE");
  if (chosen) {
    throw CredentialsError("AWS profile '" + name + "' not found in " +
                           credentials_file_path(options.env) + " or " +
                           config_file_path(options.env));
  }
  throw CredentialsError(std::string(kNoCredentials));
}

std::string resolve_region(const ResolveOptions& options) {
  if (!options.region.empty()) return options.region;
  if (auto r = options.env("AWS_REGION")) return *r;
  if (auto r = options.env("AWS_DEFAULT_REGION")) return *r;
  if (auto profile = load_profile(profile_name(options), options.env)) {
    if (auto r = value_of(*profile, "region")) return *r;
  }
  throw CredentialsError(
      "no AWS region: pass --region, set AWS_REGION, or set `region` in "
      "profile '" +
      profile_name(options) + "'");
}

std::string resolve_endpoint(const ResolveOptions& options, std::string_view region) {
  std::optional<std::string> url;
  if (!options.endpoint_url.empty()) url = options.endpoint_url;
  if (!url) url = options.env("AWS_ENDPOINT_URL_DEVOPS_AGENT");
  if (!url) url = options.env("AWS_ENDPOINT_URL");
  if (!url) {
    if (auto profile = load_profile(profile_name(options), options.env)) {
      url = value_of(*profile, "endpoint_url");
    }
  }
  if (url) {
    while (url->size() > 1 && url->back() == '/') url->pop_back();
    return *url;
  }
  bool fips = options.env("AWS_USE_FIPS_ENDPOINT").value_or("") == "true";
  return "https://dp.aidevops" + std::string(fips ? "-fips." : ".") + std::string(region) +
         ".api.aws";
}

Credentials run_credential_process(const std::string& command, std::string_view profile) {
  // Like the AWS SDK for C++, the command runs through the shell; its stderr passes through.
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) {
    throw CredentialsError("credential_process of profile '" + std::string(profile) +
                           "' could not start");
  }
  std::string output;
  std::array<char, 4096> buf;
  while (size_t n = std::fread(buf.data(), 1, buf.size(), pipe.get())) output.append(buf.data(), n);
  int status = pclose(pipe.release());
  if (status != 0) {
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    throw CredentialsError("credential_process of profile '" + std::string(profile) +
                           "' failed (exit status " + std::to_string(code) + ")");
  }
  return parse_credential_process_output(output, profile, std::chrono::system_clock::now());
}

Credentials parse_credential_process_output(std::string_view json, std::string_view profile,
                                            std::chrono::system_clock::time_point now) {
  std::string where = "credential_process of profile '" + std::string(profile) + "'";
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (!doc.is_object()) throw CredentialsError(where + " did not print a JSON object");
  if (doc.value("Version", 0) != 1) {
    throw CredentialsError(where + " printed an unsupported Version (expected 1)");
  }
  auto text = [&](const char* key) -> std::string {
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  Credentials c{text("AccessKeyId"), text("SecretAccessKey"), text("SessionToken"), std::nullopt,
                "credential_process (profile " + std::string(profile) + ")"};
  if (c.access_key_id.empty() || c.secret_access_key.empty()) {
    throw CredentialsError(where + " printed no AccessKeyId/SecretAccessKey");
  }
  if (std::string exp = text("Expiration"); !exp.empty()) {
    auto when = parse_iso8601(exp);
    if (!when) throw CredentialsError(where + " printed an invalid Expiration '" + exp + "'");
    if (*when <= now)
      throw CredentialsError(where + " returned credentials that expired at " + exp);
    c.expiration = when;
  }
  return c;
}

}  // namespace skillkit::upload
