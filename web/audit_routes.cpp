#include "web/audit_routes.hpp"

#include <algorithm>
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

// Longer than any object, token name or result an audit row holds.
constexpr std::size_t kMaxObjectBytes = 256;
constexpr std::size_t kMaxResultBytes = 64;

std::optional<std::string> InstantParameter(const QueryString& query, std::string_view name) {
  auto value = query.Get(name);
  if (value && !domain::IsDateOrInstant(*value)) {
    throw domain::DomainError(domain::ErrorCode::kMalformed,
                              "query parameter '" + std::string(name) +
                                  "' must be a date YYYY-MM-DD or an instant "
                                  "YYYY-MM-DDTHH:MM:SSZ");
  }
  return value;
}

// A text filter of 1 to `max_bytes` bytes without control characters (token and person
// names may hold spaces and accents); nullopt when not given.
std::optional<std::string> TextParameter(const QueryString& query, std::string_view name,
                                         std::size_t max_bytes) {
  auto value = query.Get(name);
  if (value && (value->empty() || value->size() > max_bytes ||
                std::any_of(value->begin(), value->end(),
                            [](char c) { return (c >= 0 && c < 0x20) || c == 0x7f; }))) {
    throw domain::DomainError(domain::ErrorCode::kMalformed,
                              "query parameter '" + std::string(name) + "' must be 1 to " +
                                  std::to_string(max_bytes) + " bytes without control characters");
  }
  return value;
}

}  // namespace

Response GetAudit(domain::GuardedAuditService& service, const domain::Actor& actor,
                  const Request& request, std::string_view query) {
  const QueryString parameters(
      query, {"object", "token", "action", "result", "from", "to", "limit", "after"});
  domain::AuditFilter filter;
  if (auto object = TextParameter(parameters, "object", kMaxObjectBytes)) {
    filter.objects.push_back(std::move(*object));
  }
  filter.token = TextParameter(parameters, "token", kMaxObjectBytes);
  if (const auto action = EnumParameter<domain::Action>(parameters, "action")) {
    filter.action = std::string(domain::Name(*action));
  }
  filter.result = TextParameter(parameters, "result", kMaxResultBytes);
  filter.from = InstantParameter(parameters, "from");
  filter.to = InstantParameter(parameters, "to");
  filter.limit = LimitParameter(parameters);
  filter.after = AfterParameter(parameters);
  return JsonResponse(request, http::status::ok, AuditPageJson(service.Query(actor, filter)));
}

}  // namespace casus::web
