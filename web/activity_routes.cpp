#include "web/activity_routes.hpp"

#include "web/activity_json.hpp"
#include "web/json_response.hpp"
#include "web/query_string.hpp"
#include "web/request_values.hpp"

namespace casus::web {

Response PostActivity(domain::GuardedActivityService& service, const domain::Actor& actor,
                      const Request& request) {
  return JsonResponse(request, http::status::created,
                      ActivityJson(service.Record(actor, ActivityFromJson(request.body()))));
}

Response ListActivities(domain::GuardedActivityService& service, const domain::Actor& actor,
                        const Request& request, std::string_view query) {
  const QueryString parameters(query, {"type", "year", "limit", "after"});
  domain::ActivityFilter filter;
  filter.type = EnumParameter<domain::ActivityType>(parameters, "type");
  filter.year = YearParameter(parameters);
  filter.limit = LimitParameter(parameters);
  filter.after = AfterParameter(parameters);
  return JsonResponse(request, http::status::ok, ActivityPageJson(service.List(actor, filter)));
}

}  // namespace casus::web
