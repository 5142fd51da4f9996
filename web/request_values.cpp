#include "web/request_values.hpp"

#include <charconv>
#include <limits>

#include "domain/cases/case_service.hpp"
#include "domain/field_rules.hpp"
#include "web/text.hpp"

namespace casus::web {

std::optional<std::int64_t> ParseDigits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::int64_t ParseId(std::string_view text, std::string_view what, std::string_view noun,
                     bool allow_zero) {
  const auto id = ParseDigits(text);
  if (!id || (*id == 0 && !allow_zero)) {
    ThrowMalformed(std::string(what) + " must be " + std::string(noun) + ": a whole number from " +
                   (allow_zero ? "0" : "1") + " to " +
                   std::to_string(std::numeric_limits<std::int64_t>::max()));
  }
  return *id;
}

int ParseYear(std::string_view text, std::string_view what) {
  const auto year = text.size() == 4 ? ParseDigits(text) : std::nullopt;
  if (!year || *year < domain::kFirstYear || *year > domain::kLastYear) {
    ThrowMalformed(std::string(what) + " must be four digits from " +
                   std::to_string(domain::kFirstYear) + " to " + std::to_string(domain::kLastYear));
  }
  return static_cast<int>(*year);
}

std::optional<int> YearParameter(const QueryString& query) {
  const auto year = query.Get("year");
  if (!year) return std::nullopt;
  return ParseYear(*year, "query parameter 'year'");
}

int LimitParameter(const QueryString& query) {
  const auto limit = query.Get("limit");
  if (!limit) return domain::CaseService::kDefaultPageSize;
  const auto value = ParseDigits(*limit);
  if (!value || *value < 1 || *value > domain::CaseService::kMaxPageSize) {
    ThrowMalformed("query parameter 'limit' must be a whole number from 1 to " +
                   std::to_string(domain::CaseService::kMaxPageSize));
  }
  return static_cast<int>(*value);
}

std::optional<std::int64_t> AfterParameter(const QueryString& query) {
  const auto after = query.Get("after");
  if (!after) return std::nullopt;
  return ParseId(*after, "query parameter 'after'", "an id", /*allow_zero=*/true);
}

}  // namespace casus::web
