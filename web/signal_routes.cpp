#include "web/signal_routes.hpp"

#include <string>

#include "web/case_routes.hpp"
#include "web/json_response.hpp"
#include "web/query_string.hpp"
#include "web/request_values.hpp"
#include "web/signal_json.hpp"

namespace casus::web {

namespace {

Response SignalResponse(const Request& request, http::status status, const domain::Signal& signal) {
  return VersionedJsonResponse(request, status, SignalJson(signal), signal.version);
}

}  // namespace

Response PostSignal(domain::GuardedSignalService& service, const domain::Actor& actor,
                    const Request& request) {
  const domain::Signal signal = service.Receive(actor, NewSignalFromJson(request.body()));
  Response response = SignalResponse(request, http::status::created, signal);
  response.set(http::field::location, "/api/v1/signals/" + std::to_string(signal.id));
  return response;
}

Response ListSignals(domain::GuardedSignalService& service, const domain::Actor& actor,
                     const Request& request, std::string_view query) {
  const QueryString parameters(query, {"source", "theme", "status", "limit", "after"});
  domain::SignalFilter filter;
  filter.source = EnumParameter<domain::SignalSource>(parameters, "source");
  filter.theme = EnumParameter<domain::Theme>(parameters, "theme");
  filter.status = EnumParameter<domain::SignalStatus>(parameters, "status");
  filter.limit = LimitParameter(parameters);
  filter.after = AfterParameter(parameters);
  return JsonResponse(request, http::status::ok, SignalPageJson(service.List(actor, filter)));
}

Response GetSignal(domain::GuardedSignalService& service, const domain::Actor& actor,
                   const Request& request, domain::SignalId id) {
  return SignalResponse(request, http::status::ok, service.Get(actor, id));
}

Response PostAssessment(domain::GuardedSignalService& service, const domain::Actor& actor,
                        const Request& request, domain::SignalId id) {
  const domain::AssessmentOutcome outcome =
      service.Assess(actor, id, AssessmentRequestFromJson(request.body()));
  if (outcome.new_case) return CreatedCaseResponse(request, *outcome.new_case);
  return SignalResponse(request, http::status::ok, outcome.signal);
}

}  // namespace casus::web
