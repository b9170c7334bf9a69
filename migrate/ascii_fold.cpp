#include "migrate/ascii_fold.h"

#include <unictype.h>
#include <uninorm.h>

#include <cstdlib>

#include "skillkit/utf8.h"

namespace skillkit::migrate {
namespace {

// Latin letters with no decomposition to a base letter; NFKD leaves them as they are.
const char* spelled_out(char32_t cp) {
  switch (cp) {
    case U'ß':
      return "ss";
    case U'ẞ':
      return "SS";
    case U'æ':
      return "ae";
    case U'Æ':
      return "AE";
    case U'œ':
      return "oe";
    case U'Œ':
      return "OE";
    case U'ø':
      return "o";
    case U'Ø':
      return "O";
    case U'đ':
      return "d";
    case U'Đ':
      return "D";
    case U'ł':
      return "l";
    case U'Ł':
      return "L";
    case U'þ':
      return "th";
    case U'Þ':
      return "TH";
    case U'ð':
      return "d";
    case U'Ð':
      return "D";
    case U'ı':
      return "i";
    case U'ħ':
      return "h";
    case U'Ħ':
      return "H";
    case U'‘':
    case U'’':
      return "'";
    case U'“':
    case U'”':
      return "\"";
    case U'–':
    case U'—':
      return "-";
    default:
      return nullptr;
  }
}

std::string nfkd(std::string_view text) {
  size_t length = 0;
  uint8_t* out = u8_normalize(UNINORM_NFKD, reinterpret_cast<const uint8_t*>(text.data()),
                              text.size(), nullptr, &length);
  if (!out) return std::string(text);
  std::string result(reinterpret_cast<const char*>(out), length);
  std::free(out);
  return result;
}

}  // namespace

std::string ascii_fold(std::string_view text) {
  const std::string decomposed = nfkd(text);
  std::string out;
  out.reserve(decomposed.size());
  for (size_t i = 0; i < decomposed.size();) {
    const char32_t cp = utf8::next(decomposed, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (uc_combining_class(static_cast<ucs4_t>(cp)) != 0 ||
               uc_is_general_category(static_cast<ucs4_t>(cp), UC_NON_SPACING_MARK)) {
      // an accent split off by NFKD: dropped, the base letter stays
    } else if (const char* s = spelled_out(cp)) {
      out += s;
    } else {
      out += ' ';
    }
  }
  return out;
}

}  // namespace skillkit::migrate
