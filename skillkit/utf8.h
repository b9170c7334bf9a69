// UTF-8 helpers. Text in skillkit is kept as UTF-8 bytes; these count and check characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace skillkit::utf8 {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when `text` is valid.
/// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::optional<size_t> first_invalid(std::string_view text);

/// Number of code points in valid UTF-8 `text` (continuation bytes are not counted).
size_t length(std::string_view text);

/// Decodes the code point starting at text[i] and advances i; returns U+FFFD on bad input.
char32_t next(std::string_view text, size_t& i);

bool is_ascii(std::string_view text);

}  // namespace skillkit::utf8
