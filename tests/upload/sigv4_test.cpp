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

#include "upload/crypto.h"
#include "upload/encoding.h"
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
  for (const char* text : {"20240229T235959Z", "19700101T000000Z", "21000101T000001Z"}) {
    ASSERT_TRUE(parse_amz_date(text, t)) << text;
    EXPECT_EQ(amz_date(t), text);
    EXPECT_EQ(amz_date(t + std::chrono::milliseconds(999)), text);  // whole seconds, down
  }
  EXPECT_EQ(amz_date(std::chrono::system_clock::time_point{} - std::chrono::seconds(1)),
            "19691231T235959Z");
}

// FIPS 180-2 and RFC 4231 vectors (case 6: a key longer than a block is hashed first).
TEST(Crypto, Sha256AndHmacVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex(sha256("abc")), sha256_hex("abc"));
  EXPECT_EQ(hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hex(hmac_sha256(std::string(131, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(hex(hmac_sha256(std::string(64, 'k'), "block-size key")),
            "3639ed45f96410ae1abf821aaf15a4e616209464f7e06fb79435d35e485bd3c2");
}

// The signing key is derived once per secret, day, region and service: any change derives it
// again (values from an independent HMAC implementation; the first is AWS's documented one).
TEST(SigV4, SigningKeyFollowsSecretDayAndRegion) {
  const std::string sts =
      "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
      "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
  const std::string secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  std::chrono::system_clock::time_point day;
  ASSERT_TRUE(parse_amz_date("20150830T123600Z", day));
  const SigningScope iam{"us-east-1", "iam", day};
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(signature(secret, iam, sts),
              "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    EXPECT_EQ(signature("other-secret", iam, sts),
              "b82a29806487eb7fda96276b4ae8846ab19ec23616285c31a894156d827ad6aa");
    EXPECT_EQ(signature(secret, {"us-east-1", "iam", day + std::chrono::hours(24)}, sts),
              "d9a0b58c17e7b1169085a8705d460aebe0158f0adb73b66eb96359a6edd070b8");
    EXPECT_EQ(signature(secret, {"eu-west-1", "iam", day}, sts),
              "115b5c29359e4c4c25c6a9f97868fe2af9ebbd9a0074ccff228e0ecb42cc0b10");
  }
}

}  // namespace
}  // namespace skillkit::upload
