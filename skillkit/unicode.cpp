#include "skillkit/unicode.h"

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include <cstdlib>

namespace skillkit::unicode {

std::string nfkc(std::string_view text) {
  size_t length = 0;
  uint8_t* out = u8_normalize(UNINORM_NFKC, reinterpret_cast<const uint8_t*>(text.data()),
                              text.size(), nullptr, &length);
  if (!out) return std::string(text);
  std::string result(reinterpret_cast<const char*>(out), length);
  std::free(out);
  return result;
}

bool is_alnum(char32_t cp) {
  return uc_is_alnum(static_cast<ucs4_t>(cp));
}

bool has_lowercase_form(char32_t cp) {
  return uc_tolower(static_cast<ucs4_t>(cp)) != static_cast<ucs4_t>(cp);
}

}  // namespace skillkit::unicode
