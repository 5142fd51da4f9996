#include "web/audit_routes.hpp"

#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "web/audit_json.hpp"
#include "web/json_response.hpp"
#include "web/query_string.hpp"
#include "web/request_values.hpp"

namespace casus::web {

namespace {

// Two digits at `at` of `text` with a value from 0 to `max`.
bool IsTwoDigits(std::string_view text, std::size_t at, int max) {
  const auto value = ParseDigits(text.substr(at, 2));
  return value && *value <= max;
}

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC, as the audit trail records instants).
bool IsDayOrInstant(std::string_view text) {
  constexpr std::size_t kDay = 10;  // "YYYY-MM-DD"
  if (text.size() < kDay || !domain::Date::Parse(text.substr(0, kDay))) return false;
  if (text.size() == kDay) return true;
  const std::string_view time = text.substr(kDay);  // "THH:MM:SSZ"
  return time.size() == 10 && time[0] == 'T' && IsTwoDigits(time, 1, 23) && time[3] == ':' &&
         IsTwoDigits(time, 4, 59) && time[6] == ':' && IsTwoDigits(time, 7, 59) && time[9] == 'Z';
}

std::optional<std::string> InstantParameter(const QueryString& query, std::string_view name) {
  auto value = query.Get(name);
  if (value && !IsDayOrInstant(*value)) {
    throw domain::DomainError(domain::ErrorCode::kMalformed,
                              "query parameter '" + std::string(name) +
                                  "' must be a date YYYY-MM-DD or an instant "
                                  "YYYY-MM-DDTHH:MM:SSZ");
  }
  return value;
}

}  // namespace

Response GetAudit(domain::GuardedAuditService& service, const domain::Actor& actor,
                  const Request& request, std::string_view query) {
  const QueryString parameters(query, {"object", "from", "to", "limit", "after"});
  domain::AuditFilter filter;
  filter.object = parameters.Get("object");
  filter.from = InstantParameter(parameters, "from");
  filter.to = InstantParameter(parameters, "to");
  filter.limit = LimitParameter(parameters);
  filter.after = AfterParameter(parameters);
  return JsonResponse(request, http::status::ok, AuditPageJson(service.Query(actor, filter)));
}

}  // namespace casus::web
