// Error parsing, idempotency tokens and encodings.
#include <gtest/gtest.h>

#include "upload/api.h"
#include "upload/encoding.h"

namespace skillkit::upload {
namespace {

HttpResponse response(long status, std::string body, std::vector<Header> headers = {}) {
  return {status, std::move(headers), std::move(body)};
}

TEST(ApiError, TypeComesFromTheHeaderThenTheBody) {
  ApiError e = parse_error(
      "CreateAsset",
      response(400, R"({"message":"bad","fieldList":[{"path":"metadata.status","message":"no"}]})",
               {{"X-Amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/"},
                {"x-amzn-RequestId", "req-1"}}));
  EXPECT_EQ(e.type, "ValidationException");
  EXPECT_EQ(e.message, "bad");
  ASSERT_EQ(e.fields.size(), 1u);
  EXPECT_EQ(e.fields[0].path, "metadata.status");
  EXPECT_EQ(e.request_id, "req-1");
  EXPECT_STREQ(e.what(), "CreateAsset: ValidationException (HTTP 400): bad; metadata.status: no");

  EXPECT_EQ(parse_error("X", response(409, R"({"__type":"com.amazonaws.aidevops#ConflictException",
                                                "message":"m"})"))
                .type,
            "ConflictException");
  EXPECT_EQ(parse_error("X", response(429, R"({"code":"ThrottlingException"})")).type,
            "ThrottlingException");
  EXPECT_TRUE(parse_error("X", response(429, "")).retryable());
  EXPECT_EQ(parse_error("X", response(502, "<html>")).type, "InternalServerException");
  EXPECT_EQ(parse_error("X", response(418, "")).type, "UnknownError");
}

TEST(ApiError, NormalizesTypes) {
  EXPECT_EQ(normalize_error_type("aws.protocols#ValidationException:http://x"),
            "ValidationException");
  EXPECT_EQ(normalize_error_type("AccessDeniedException"), "AccessDeniedException");
  EXPECT_EQ(normalize_error_type(""), "");
}

TEST(ApiError, EveryDocumentedTypeHasAHint) {
  for (const char* type :
       {"ValidationException", "InvalidParameterException", "ServiceQuotaExceededException",
        "AccessDeniedException", "ResourceNotFoundException", "ConflictException",
        "ContentSizeExceededException", "ThrottlingException", "InternalServerException"}) {
    ApiError e("Op", type, 400, "m");
    EXPECT_NE(e.hint(), "unexpected answer from the service") << type;
  }
}

TEST(ClientToken, IsAStable64CharacterHash) {
  std::string a = client_token("CreateAsset\n/p\n{\"a\":1}");
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a, client_token("CreateAsset\n/p\n{\"a\":1}"));
  EXPECT_NE(a, client_token("CreateAsset\n/p\n{\"a\":2}"));
}

TEST(Encoding, Base64RoundTripsAndRejectsGarbage) {
  for (std::string s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar",
                                                std::string("\0\xff", 2)}) {
    EXPECT_EQ(base64_decode(base64_encode(s)), s);
  }
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_FALSE(base64_decode("Zm9"));
  EXPECT_FALSE(base64_decode("Zm=v"));
  EXPECT_FALSE(base64_decode("Zm9v!A=="));
}

TEST(Encoding, UriEncodingAndQueries) {
  EXPECT_EQ(uri_encode("a b/c~"), "a%20b%2Fc~");
  EXPECT_EQ(uri_encode("a b/c", true), "a%20b/c");
  EXPECT_EQ(uri_decode("a%20b%2fc+%zz"), "a b/c+%zz");
  QueryParams q = parse_query("b=2&a&c=x%3Dy");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"a", ""}));
  EXPECT_EQ(q[2].second, "x=y");
  EXPECT_EQ(format_query(q), "b=2&a=&c=x%3Dy");
}

}  // namespace
}  // namespace skillkit::upload
