#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casus::web::oidc {

// Base64url without padding (RFC 7515 section 2), as JWTs and JWKs use it.
std::string Base64UrlEncode(std::string_view bytes);

// Strict decoding: only the url-safe alphabet, no '=' padding, no whitespace, no length that
// no encoding produces (4n+1), and the unused low bits of the last character must be zero, so
// that each byte string has exactly one accepted spelling and a token cannot be altered
// without changing what is signed. nullopt for anything else.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace casus::web::oidc
