#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "web/enum_vocabulary.hpp"
#include "web/query_string.hpp"

namespace casus::web {

// Values read from a request's path and query. Each refuses an unacceptable value by throwing
// DomainError(kMalformed) (400), with a detail naming it by `what` (e.g. "the case id in the
// path", "query parameter 'after'").

// Decimal digits only (no sign, no spaces), parsed without overflow; nullopt otherwise.
std::optional<std::int64_t> ParseDigits(std::string_view text);

// An id as it appears in a path or cursor: decimal digits only, 1..INT64_MAX (0 too when
// `allow_zero`). `noun` says what it must be, e.g. "a case id".
std::int64_t ParseId(std::string_view text, std::string_view what, std::string_view noun,
                     bool allow_zero = false);

inline std::int64_t ParseCaseId(std::string_view text, std::string_view what,
                                bool allow_zero = false) {
  return ParseId(text, what, "a case id", allow_zero);
}

// A year in a path or query: four digits, domain::kFirstYear..kLastYear.
int ParseYear(std::string_view text, std::string_view what);

// The query parameter `name` as an enumerator of E; nullopt when not given.
template <typename E>
std::optional<E> EnumParameter(const QueryString& query, std::string_view name) {
  const auto text = query.Get(name);
  if (!text) return std::nullopt;
  if (const auto value = domain::Parse<E>(*text)) return value;
  throw domain::DomainError(
      domain::ErrorCode::kMalformed,
      "query parameter '" + std::string(name) + "' must be one of: " + Vocabulary<E>());
}

// `year`, as ParseYear; nullopt when not given.
std::optional<int> YearParameter(const QueryString& query);

// The keyset paging of every list: `limit` 1..CaseService::kMaxPageSize (default
// kDefaultPageSize) and `after`, an id from 0 (nullopt when not given).
int LimitParameter(const QueryString& query);
std::optional<std::int64_t> AfterParameter(const QueryString& query);

}  // namespace casus::web
