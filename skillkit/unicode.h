// The few Unicode operations the format needs (through libunistring).
#pragma once

#include <string>
#include <string_view>

namespace skillkit::unicode {

/// NFKC normal form of valid UTF-8 text (the text itself if normalization fails).
std::string nfkc(std::string_view text);
/// A letter or digit in any script (Python's str.isalnum, as the reference validator uses).
bool is_alnum(char32_t cp);
/// Whether lowercasing changes the character (so it is not allowed in a name).
bool has_lowercase_form(char32_t cp);

}  // namespace skillkit::unicode
