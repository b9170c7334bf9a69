// UTF-8 checks and line/column arithmetic.
#include <gtest/gtest.h>

#include "skillkit/source.h"
#include "skillkit/unicode.h"
#include "skillkit/utf8.h"

namespace skillkit {
namespace {

TEST(Utf8, FirstInvalid) {
  EXPECT_EQ(utf8::first_invalid("plain ascii"), std::nullopt);
  EXPECT_EQ(utf8::first_invalid("caf\xC3\xA9"), std::nullopt);
  EXPECT_EQ(utf8::first_invalid("caf\xE9!"), 3u);            // Latin-1
  EXPECT_EQ(utf8::first_invalid("a\xC0\xAF"), 1u);           // overlong '/'
  EXPECT_EQ(utf8::first_invalid("a\xED\xA0\x80"), 1u);       // surrogate
  EXPECT_EQ(utf8::first_invalid("ab\xF4\x90\x80\x80"), 2u);  // above U+10FFFF
  EXPECT_EQ(utf8::first_invalid("abc\xE2\x82"), 3u);         // truncated
}

TEST(Utf8, LengthCountsCodePoints) {
  EXPECT_EQ(utf8::length(""), 0u);
  EXPECT_EQ(utf8::length("café"), 4u);
  EXPECT_EQ(utf8::length("日本語"), 3u);
  EXPECT_EQ(utf8::length("😀"), 1u);
}

TEST(SourceText, LinesAndPositions) {
  SourceText src("ab\ncd\r\nef\rgh");
  EXPECT_EQ(src.line_count(), 4);
  EXPECT_EQ(src.line(2), "cd");
  EXPECT_EQ(src.line(3), "ef");
  EXPECT_EQ(src.line(4), "gh");
  EXPECT_EQ(src.position(0), (Position{1, 1}));
  EXPECT_EQ(src.position(4), (Position{2, 2}));
  EXPECT_EQ(src.position(7), (Position{3, 1}));
  EXPECT_EQ(src.position(100), (Position{4, 3}));
}

TEST(SourceText, FinalNewlineDoesNotStartALine) {
  EXPECT_EQ(SourceText("a\nb\n").line_count(), 2);
  EXPECT_EQ(SourceText("").line_count(), 1);
}

TEST(Unicode, Nfkc) {
  EXPECT_EQ(unicode::nfkc("\xEF\xAC\x81le"), "file");   // U+FB01 ligature
  EXPECT_EQ(unicode::nfkc("ｐｄｆ"), "pdf");            // full-width
  EXPECT_EQ(unicode::nfkc("caf\x65\xCC\x81"), "café");  // combining accent composes
}

TEST(Unicode, LetterClasses) {
  EXPECT_TRUE(unicode::is_alnum(U'é'));
  EXPECT_TRUE(unicode::is_alnum(U'7'));
  EXPECT_FALSE(unicode::is_alnum(U'_'));
  EXPECT_TRUE(unicode::has_lowercase_form(U'É'));
  EXPECT_FALSE(unicode::has_lowercase_form(U'é'));
  EXPECT_FALSE(unicode::has_lowercase_form(U'日'));
}

}  // namespace
}  // namespace skillkit
