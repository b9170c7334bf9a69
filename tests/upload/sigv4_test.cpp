// Runs every case of the official SigV4 test suite (read from ../shared at test time).
//
// The suite's context.json carries three knobs and we honour each rather than skip cases:
// "normalize": false (S3-style paths, kept as sent), "sign_body": true (adds the
// x-amz-content-sha256 header S3 wants) and "omit_session_token" (token added unsigned).
// DevOps Agent itself uses the defaults: normalized paths, no body header, signed token.
// Only the header-* files are compared: skillkit never presigns URLs (query-* files).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "upload/sigv4.h"
#include "upload/time_format.h"

namespace skillkit::upload {
namespace {

namespace fs = std::filesystem;

fs::path suite_dir() {
  return fs::path(SKILLKIT_SHARED_DIR) / "sigv4-test-suite" / "v4";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A request.txt split into what the signer needs, keeping the raw request line for .sreq.
struct ParsedRequest {
  std::string request_line;
  Request request;
};

ParsedRequest parse_request(const std::string& text) {
  ParsedRequest out;
  std::istringstream in(text);
  std::getline(in, out.request_line);
  const std::string& line = out.request_line;
  size_t sp = line.find(' ');
  size_t proto = line.rfind(" HTTP/");
  out.request.method = line.substr(0, sp);
  std::string target = line.substr(sp + 1, proto - sp - 1);  // may hold spaces
  size_t q = target.find('?');
  out.request.path = target.substr(0, q);
  if (q != std::string::npos) out.request.query = parse_query(target.substr(q + 1));
  std::string header;
  bool in_body = false;
  std::string body;
  while (std::getline(in, header)) {
    if (in_body) {
      body += (body.empty() ? "" : "\n") + header;
    } else if (header.empty()) {
      in_body = true;
    } else if (header.front() == ' ' || header.front() == '\t') {
      out.request.headers.back().value += "\n" + header;  // obsolete line folding
    } else {
      size_t colon = header.find(':');
      out.request.headers.push_back({header.substr(0, colon), header.substr(colon + 1)});
    }
  }
  out.request.body = body;
  return out;
}

std::string serialize(const ParsedRequest& parsed) {
  std::string out = parsed.request_line + "\n";
  for (const Header& h : parsed.request.headers) out += h.name + ":" + h.value + "\n";
  return out + "\n" + parsed.request.body;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(suite_dir(), ec)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class SigV4Suite : public testing::TestWithParam<std::string> {};

TEST_P(SigV4Suite, MatchesEveryHeaderFile) {
  fs::path dir = suite_dir() / GetParam();
  nlohmann::json context = nlohmann::json::parse(slurp(dir / "context.json"));
  Credentials creds{context["credentials"]["access_key_id"],
                    context["credentials"]["secret_access_key"],
                    context["credentials"].value("token", ""), std::nullopt, "test"};
  SigningScope scope{context["region"], context["service"],
                     *parse_iso8601(context["timestamp"].get<std::string>())};
  SigningOptions options{context.value("normalize", true), context.value("sign_body", false),
                         context.value("omit_session_token", false)};

  ParsedRequest parsed = parse_request(slurp(dir / "request.txt"));
  sign(parsed.request, creds, scope, options);

  std::vector<std::string> names = default_signed_headers(parsed.request);
  if (options.omit_session_token) std::erase(names, "x-amz-security-token");
  std::string creq = canonical_request(parsed.request, names, options);
  EXPECT_EQ(creq, slurp(dir / "header-canonical-request.txt"));
  std::string sts = string_to_sign(creq, scope);
  EXPECT_EQ(sts, slurp(dir / "header-string-to-sign.txt"));
  EXPECT_EQ(signature(creds.secret_access_key, scope, sts), slurp(dir / "header-signature.txt"));
  EXPECT_EQ(serialize(parsed), slurp(dir / "header-signed-request.txt"));
}

INSTANTIATE_TEST_SUITE_P(Official, SigV4Suite, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SigV4Suite);

TEST(SigV4, SuiteIsPresent) {
  if (!fs::exists(suite_dir())) GTEST_SKIP() << "no SigV4 test suite at " << suite_dir();
  EXPECT_GE(case_names().size(), 30u);
}

TEST(SigV4, ResigningReplacesEarlierHeaders) {
  Request r{"POST", "/asset/agent-space/s-1/assets", {}, {{"Host", "example.com"}}, "{}"};
  Credentials c{"AKIDEXAMPLE", "secret", "token", std::nullopt, "test"};
  SigningScope scope{"us-east-1", "aidevops", std::chrono::system_clock::time_point{}};
  sign(r, c, scope);
  sign(r, c, scope);
  EXPECT_EQ(r.headers.size(), 4u);  // Host, token, date, Authorization: no duplicates
}

TEST(SigV4, PathSegmentsAreEncodedTwice) {
  EXPECT_EQ(canonical_path("/assets/a%20b", true), "/assets/a%2520b");
  EXPECT_EQ(canonical_path("", true), "/");
}

TEST(SigV4, AmzDateRoundTrips) {
  std::chrono::system_clock::time_point t;
  ASSERT_TRUE(parse_amz_date("20150830T123600Z", t));
  EXPECT_EQ(amz_date(t), "20150830T123600Z");
  EXPECT_FALSE(parse_amz_date("2015-08-30T12:36", t));
}

}  // namespace
}  // namespace skillkit::upload
