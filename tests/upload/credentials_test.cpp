// The credentials chain, region and endpoint resolution, each from its own source.
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "upload/aws_config.h"
#include "upload/credentials.h"

namespace skillkit::upload {
namespace {

namespace fs = std::filesystem;

// A temporary HOME with ~/.aws files, and a fake environment.
class CredentialsTest : public testing::Test {
 protected:
  void SetUp() override {
    home_ =
        fs::temp_directory_path() / ("skillkit-creds-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(home_ / ".aws");
    env_["HOME"] = home_.string();
  }
  void TearDown() override { fs::remove_all(home_); }

  void write(const std::string& relative, const std::string& text) {
    std::ofstream(home_ / relative) << text;
  }
  ResolveOptions options(std::string profile = "") {
    ResolveOptions o;
    o.profile = std::move(profile);
    o.env = [this](std::string_view name) -> std::optional<std::string> {
      auto it = env_.find(std::string(name));
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
    return o;
  }

  fs::path home_;
  std::map<std::string, std::string> env_;
};

TEST_F(CredentialsTest, EnvironmentComesFirst) {
  env_["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENT1";
  env_["AWS_SECRET_ACCESS_KEY"] = "env-secret";
  env_["AWS_SESSION_TOKEN"] = "env-token";
  write(".aws/credentials", "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = x\n");
  Credentials c = resolve_credentials(options());
  EXPECT_EQ(c.access_key_id, "AKIAENVIRONMENT1");
  EXPECT_EQ(c.session_token, "env-token");
  EXPECT_EQ(c.source, "environment");
}

TEST_F(CredentialsTest, HalfSetEnvironmentIsAnError) {
  env_["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENT1";
  EXPECT_THROW(resolve_credentials(options()), CredentialsError);
}

TEST_F(CredentialsTest, ProfileFlagBeatsEnvironment) {
  env_["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENT1";
  env_["AWS_SECRET_ACCESS_KEY"] = "env-secret";
  write(".aws/credentials", "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev\n");
  EXPECT_EQ(resolve_credentials(options("dev")).access_key_id, "AKIADEV");
}

TEST_F(CredentialsTest, DefaultProfileFromCredentialsFile) {
  write(".aws/credentials",
        "# comment\n[default]\naws_access_key_id = AKIADEFAULT\n"
        "aws_secret_access_key = def/secret+key\n[other]\naws_access_key_id = AKIAOTHER\n");
  Credentials c = resolve_credentials(options());
  EXPECT_EQ(c.access_key_id, "AKIADEFAULT");
  EXPECT_EQ(c.secret_access_key, "def/secret+key");
  EXPECT_EQ(c.source, "profile default");
}

TEST_F(CredentialsTest, AwsProfileSelectsConfigProfileSection) {
  env_["AWS_PROFILE"] = "work";
  write(".aws/config",
        "[profile work]\naws_access_key_id = AKIAWORK\naws_secret_access_key = w\n"
        "region = eu-west-1\ns3 =\n  addressing_style = path\n[sso-session x]\nregion = no\n");
  EXPECT_EQ(resolve_credentials(options()).access_key_id, "AKIAWORK");
  EXPECT_EQ(resolve_region(options()), "eu-west-1");
}

TEST_F(CredentialsTest, FileLocationsComeFromTheEnvironment) {
  fs::path creds = home_ / "elsewhere-credentials";
  std::ofstream(creds) << "[default]\naws_access_key_id = AKIAMOVED\naws_secret_access_key = m\n";
  env_["AWS_SHARED_CREDENTIALS_FILE"] = creds.string();
  fs::path config = home_ / "elsewhere-config";
  std::ofstream(config) << "[default]\nregion = ap-south-1\n";
  env_["AWS_CONFIG_FILE"] = config.string();
  EXPECT_EQ(resolve_credentials(options()).access_key_id, "AKIAMOVED");
  EXPECT_EQ(resolve_region(options()), "ap-south-1");
}

TEST_F(CredentialsTest, CredentialProcessRunsAndParses) {
  write("proc.sh",
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROC\", \"SecretAccessKey\": "
        "\"p\", \"SessionToken\": \"t\", \"Expiration\": \"2999-01-01T00:00:00Z\"}'\n");
  write(".aws/config",
        "[profile proc]\ncredential_process = sh " + (home_ / "proc.sh").string() + "\n");
  Credentials c = resolve_credentials(options("proc"));
  EXPECT_EQ(c.access_key_id, "AKIAPROC");
  EXPECT_EQ(c.session_token, "t");
  ASSERT_TRUE(c.expiration.has_value());
}

TEST_F(CredentialsTest, CredentialProcessFailuresAreClear) {
  write(".aws/config", "[profile bad]\ncredential_process = sh -c 'exit 3'\n");
  try {
    resolve_credentials(options("bad"));
    FAIL() << "expected an error";
  } catch (const CredentialsError& e) {
    EXPECT_NE(std::string(e.what()).find("exit status 3"), std::string::npos) << e.what();
  }
  auto now = std::chrono::system_clock::now();
  EXPECT_THROW(parse_credential_process_output(R"({"Version": 2})", "p", now), CredentialsError);
  EXPECT_THROW(parse_credential_process_output(
                   R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S",
                       "Expiration":"2000-01-01T00:00:00Z"})",
                   "p", now),
               CredentialsError);
}

TEST_F(CredentialsTest, NothingConfiguredSaysWhatToSet) {
  try {
    resolve_credentials(options());
    FAIL() << "expected an error";
  } catch (const CredentialsError& e) {
    EXPECT_NE(std::string(e.what()).find("no AWS credentials found: set AWS_ACCESS_KEY_ID"),
              std::string::npos);
  }
  EXPECT_THROW(resolve_credentials(options("missing")), CredentialsError);
  EXPECT_THROW(resolve_region(options()), CredentialsError);
}

TEST_F(CredentialsTest, RegionPrecedence) {
  write(".aws/config", "[default]\nregion = from-profile\n");
  EXPECT_EQ(resolve_region(options()), "from-profile");
  env_["AWS_DEFAULT_REGION"] = "from-default";
  EXPECT_EQ(resolve_region(options()), "from-default");
  env_["AWS_REGION"] = "from-region";
  EXPECT_EQ(resolve_region(options()), "from-region");
  ResolveOptions o = options();
  o.region = "from-flag";
  EXPECT_EQ(resolve_region(o), "from-flag");
}

TEST_F(CredentialsTest, EndpointPrecedence) {
  EXPECT_EQ(resolve_endpoint(options(), "us-west-2"), "https://dp.aidevops.us-west-2.api.aws");
  env_["AWS_USE_FIPS_ENDPOINT"] = "true";
  EXPECT_EQ(resolve_endpoint(options(), "us-west-2"), "https://dp.aidevops-fips.us-west-2.api.aws");
  env_["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000/";
  EXPECT_EQ(resolve_endpoint(options(), "us-west-2"), "http://127.0.0.1:9000");
  ResolveOptions o = options();
  o.endpoint_url = "https://proxy.example.com";
  EXPECT_EQ(resolve_endpoint(o, "us-west-2"), "https://proxy.example.com");
}

TEST_F(CredentialsTest, FormattingNeverShowsTheSecret) {
  Credentials c{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "tok",
                std::nullopt, "environment"};
  std::string shown = fmt::format("{}", c);
  EXPECT_EQ(shown, "AKIA****MPLE (environment, session token)");
  EXPECT_EQ(shown.find("wJalr"), std::string::npos);
  std::ostringstream out;
  out << c;
  EXPECT_EQ(out.str(), shown);
}

TEST(AwsIni, ParsesSectionsAndSkipsNested) {
  auto profiles = parse_aws_ini(
      "[default]\nregion=us-east-1\n; note\n[profile a]\nkey = v = w\n[services s]\nx = 1\n", true);
  ASSERT_EQ(profiles.size(), 2u);
  EXPECT_EQ(profiles["default"]["region"], "us-east-1");
  EXPECT_EQ(profiles["a"]["key"], "v = w");
}

}  // namespace
}  // namespace skillkit::upload
