#pragma once

// The web layer's small text helpers: what request parsing and validation share.

#include <string>
#include <string_view>

namespace casus::web {

// Client-supplied names are echoed in problem details at most this long.
inline constexpr std::size_t kMaxEchoedNameBytes = 64;

// `text` without leading and trailing spaces and tabs (HTTP's optional white space).
std::string_view TrimWhitespace(std::string_view text);

// A client-supplied name, shortened for a message without cutting a UTF-8 sequence in two.
std::string Echo(std::string_view name);

// Throws DomainError(kMalformed): the request's shape is wrong (a 400).
[[noreturn]] void ThrowMalformed(const std::string& detail);

}  // namespace casus::web
