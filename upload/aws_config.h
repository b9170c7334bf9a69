// The AWS shared config and credentials files (INI dialect of the AWS CLI).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "upload/credentials.h"

namespace skillkit::upload {

/// key -> value of one profile.
using ProfileValues = std::map<std::string, std::string>;

/// Profiles of one file by name. In the config file "[profile x]" names profile "x" and
/// "[default]" names "default"; other section kinds (sso-session, services) are skipped.
std::map<std::string, ProfileValues> parse_aws_ini(std::string_view text, bool is_config_file);

/// Paths of the credentials and config files (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE,
/// else ~/.aws/credentials and ~/.aws/config).
std::string credentials_file_path(const EnvLookup& env);
std::string config_file_path(const EnvLookup& env);

/// The profile merged from both files (credentials file wins); nullopt when in neither.
std::optional<ProfileValues> load_profile(std::string_view name, const EnvLookup& env);

}  // namespace skillkit::upload
