#pragma once

#include <optional>
#include <string_view>

#include "web/json.hpp"

namespace casus::web::oidc {

// JSON nesting deeper than this is refused in tokens and key sets: none of ours nests more
// than four levels.
inline constexpr int kMaxOidcJsonDepth = 16;

// `text` as one JSON object, or nullopt: invalid JSON or UTF-8, nesting over `max_depth`
// (checked before parsing), or an object anywhere holding the same member twice. JOSE
// (RFC 7515 section 4) lets a parser reject duplicates, and we must: parsers disagree on
// which of {"alg":"none","alg":"RS256"} counts, and a token must mean one thing. Never
// throws for bad input.
std::optional<rapidjson::Document> ParseStrictObject(std::string_view text,
                                                     int max_depth = kMaxOidcJsonDepth);

}  // namespace casus::web::oidc
