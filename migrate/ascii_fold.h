// ASCII approximations of Unicode text, for skill names and copied file names.
#pragma once

#include <string>
#include <string_view>

namespace skillkit::migrate {

/// An ASCII approximation of valid UTF-8 `text`: compatibility decomposition (NFKD) with the
/// combining marks dropped, a few letters that do not decompose spelled out (ß -> ss, æ -> ae,
/// ø -> o, ...), and any other non-ASCII character turned into a space, so that words in other
/// scripts still separate the words around them. Example: "Redémarrer Straße" ->
/// "Redemarrer Strasse".
std::string ascii_fold(std::string_view text);

}  // namespace skillkit::migrate
