#include "web/case_routes.hpp"

#include <string>

#include "domain/access/access_policy.hpp"
#include "domain/cases/search_words.hpp"
#include "domain/error.hpp"
#include "domain/field_rules.hpp"
#include "web/case_json.hpp"
#include "web/json_response.hpp"
#include "web/query_string.hpp"
#include "web/request_values.hpp"
#include "web/text.hpp"

namespace casus::web {

namespace {

Response CaseResponse(const Request& request, http::status status, const domain::Casus& casus) {
  return VersionedJsonResponse(request, status, CaseJson(casus), casus.version);
}

}  // namespace

std::optional<std::int64_t> ParseIfMatch(const Request& request) {
  if (request.count(http::field::if_match) == 0) return std::nullopt;
  const auto refuse = [] {
    throw domain::DomainError(domain::ErrorCode::kMalformed,
                              R"(If-Match must be "*" or one quoted version, e.g. "3")");
  };
  if (request.count(http::field::if_match) > 1) refuse();
  std::string_view value = TrimWhitespace(ToStd(request[http::field::if_match]));
  if (value == "*") return std::nullopt;
  // Only a strong entity-tag: If-Match compares strongly (RFC 9110 13.1.1), so a weak W/"3"
  // can never match, and an unquoted 3 is no entity-tag at all. Both were once read as version
  // 3; a client sending them has a bug that a 400 shows, where a guess would hide it.
  if (value.size() < 2 || value.front() != '"' || value.back() != '"') refuse();
  value = value.substr(1, value.size() - 2);
  const auto version = ParseDigits(value);
  if (!version || *version == 0) refuse();
  return version;
}

Response CreatedCaseResponse(const Request& request, const domain::Casus& casus) {
  Response response = CaseResponse(request, http::status::created, casus);
  response.set(http::field::location, "/api/v1/cases/" + std::to_string(casus.id));
  return response;
}

Response PostCase(domain::GuardedCaseService& service, const domain::Actor& actor,
                  const Request& request) {
  return CreatedCaseResponse(request, service.Register(actor, NewCaseFromJson(request.body())));
}

namespace {

std::optional<domain::Date> DateParameter(const QueryString& parameters, std::string_view name) {
  const auto text = parameters.Get(name);
  if (!text) return std::nullopt;
  const auto day = domain::Date::Parse(*text);
  if (!day) ThrowMalformed("query parameter '" + std::string(name) + "' must be a date YYYY-MM-DD");
  return day;
}

// The search parameters of the case list; every refusal is 400, a query being wrong.
void ReadSearchParameters(const QueryString& parameters, domain::CaseFilter& filter) {
  filter.reported_from = DateParameter(parameters, "reported_from");
  filter.reported_to = DateParameter(parameters, "reported_to");
  if (const auto postcode = parameters.Get("postcode")) {
    try {
      filter.postcode = domain::NormalPostcode(*postcode);
    } catch (const domain::DomainError&) {
      ThrowMalformed("query parameter 'postcode' must be a Dutch postcode, e.g. 2711AA");
    }
  }
  if (const auto q = parameters.Get("q")) filter.words = domain::SearchWords::Parse(*q);
  filter.sort = EnumParameter<domain::CaseSort>(parameters, "sort").value_or(domain::CaseSort::kId);
  if (const auto count = parameters.Get("count")) {
    if (*count != "true" && *count != "false") {
      ThrowMalformed("query parameter 'count' must be true or false");
    }
    filter.count = *count == "true";
  }
}

}  // namespace

Response ListCases(domain::GuardedCaseService& service, const domain::Actor& actor,
                   const Request& request, std::string_view query) {
  const QueryString parameters(
      query, {"kind", "state", "district", "housing_type", "assignee", "limit", "after",
              "reported_from", "reported_to", "postcode", "q", "sort", "count"});
  domain::CaseFilter filter;
  ReadSearchParameters(parameters, filter);
  filter.kind = EnumParameter<domain::CaseKind>(parameters, "kind");
  filter.state = EnumParameter<domain::CaseState>(parameters, "state");
  filter.district = parameters.Get("district");
  filter.housing_type = EnumParameter<domain::HousingType>(parameters, "housing_type");
  filter.assignee = parameters.Get("assignee");
  if (filter.assignee == "me") filter.assignee = actor.token_name;  // the caller's own casussen
  filter.limit = LimitParameter(parameters);
  filter.after = AfterParameter(parameters);
  return JsonResponse(request, http::status::ok, CasePageJson(service.List(actor, filter)));
}

Response ExportCases(domain::GuardedCaseService& service, const domain::Actor& actor,
                     const Request& request, std::string_view query, BodyStream* body_stream) {
  const QueryString parameters(query, {"kind", "from", "to", "delimiter"});
  domain::CaseExportRequest export_request;
  export_request.kind =
      EnumParameter<domain::CaseKind>(parameters, "kind")
          .value_or(
              domain::AccessPolicy::TeamKind(actor.role).value_or(domain::CaseKind::kWoonoverlast));
  export_request.from = DateParameter(parameters, "from");
  export_request.to = DateParameter(parameters, "to");
  const std::string delimiter = parameters.Get("delimiter").value_or(",");
  if (delimiter != "," && delimiter != ";") ThrowMalformed("query parameter 'delimiter' is , or ;");
  export_request.separator = delimiter[0];
  // Audited, with the count, before the first piece is read.
  auto cursor = std::make_shared<domain::CaseExportCursor>(service.Export(actor, export_request));
  std::string file;
  if (body_stream != nullptr) {
    *body_stream = [cursor] { return cursor->Next(); };
  } else {
    while (const auto piece = cursor->Next()) file += *piece;
  }
  Response response =
      BodyResponse(request, http::status::ok, "text/csv; charset=utf-8", std::move(file));
  response.set(http::field::content_disposition, R"(attachment; filename="casussen.csv")");
  return response;
}

Response GetCase(domain::GuardedCaseService& service, const domain::Actor& actor,
                 const Request& request, domain::CaseId id) {
  return CaseResponse(request, http::status::ok, service.Get(actor, id));
}

Response PostTransition(domain::GuardedCaseService& service, const domain::Actor& actor,
                        const Request& request, domain::CaseId id) {
  const std::optional<std::int64_t> if_match = ParseIfMatch(request);
  const domain::TransitionRequest transition = TransitionRequestFromJson(request.body());
  return CaseResponse(request, http::status::ok,
                      service.Transition(actor, id, transition, if_match));
}

Response PatchCase(domain::GuardedCaseService& service, const domain::Actor& actor,
                   const Request& request, domain::CaseId id) {
  // A correction always names the version it corrects: without If-Match a client that never
  // read the casus would overwrite what it has not seen (RFC 6585 428).
  if (request.count(http::field::if_match) == 0) {
    throw domain::DomainError(
        domain::ErrorCode::kPreconditionRequired,
        R"(a correction requires If-Match with the casus's version, e.g. "3")");
  }
  const std::optional<std::int64_t> if_match = ParseIfMatch(request);
  const domain::CaseCorrection correction = CaseCorrectionFromJson(request.body());
  return CaseResponse(request, http::status::ok, service.Correct(actor, id, correction, if_match));
}

Response GetChanges(domain::GuardedCaseService& service, const domain::Actor& actor,
                    const Request& request, domain::CaseId id) {
  return JsonResponse(request, http::status::ok, ChangesJson(service.Changes(actor, id)));
}

Response GetHistory(domain::GuardedCaseService& service, const domain::Actor& actor,
                    const Request& request, domain::CaseId id) {
  return JsonResponse(request, http::status::ok, HistoryJson(service.History(actor, id)));
}

Response PostNote(domain::GuardedCaseService& service, const domain::Actor& actor,
                  const Request& request, domain::CaseId id) {
  const std::string text = NoteTextFromJson(request.body());
  return JsonResponse(request, http::status::created, NoteJson(service.AddNote(actor, id, text)));
}

Response ListNotes(domain::GuardedCaseService& service, const domain::Actor& actor,
                   const Request& request, domain::CaseId id, std::string_view query) {
  const QueryString parameters(query, {"limit", "after"});
  const int limit = LimitParameter(parameters);
  const auto after = AfterParameter(parameters);
  return JsonResponse(request, http::status::ok,
                      NotePageJson(service.Notes(actor, id, after, limit)));
}

}  // namespace casus::web
