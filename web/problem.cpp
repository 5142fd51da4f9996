#include "web/problem.hpp"

#include <array>
#include <cstddef>
#include <utility>

#include "web/json.hpp"
#include "web/query_string.hpp"

namespace casus::web {

namespace {

// What a client is told for each kind of failure: status, problem type slug and title.
struct ProblemKind {
  http::status status;
  std::string_view slug;
  std::string_view title;
};

// The only place where domain error codes meet HTTP: one row per ErrorCode, in its order.
constexpr std::array<std::pair<domain::ErrorCode, ProblemKind>, 11> kDomainProblems = {{
    {domain::ErrorCode::kMalformed,
     {http::status::bad_request, "malformed-request", "Malformed request"}},
    {domain::ErrorCode::kInvalid,
     {http::status::unprocessable_entity, "invalid-request", "Invalid request"}},
    {domain::ErrorCode::kNotFound, {http::status::not_found, "not-found", "Not found"}},
    {domain::ErrorCode::kForbiddenTransition,
     {http::status::conflict, "forbidden-transition", "Transition not allowed"}},
    {domain::ErrorCode::kConflict,
     {http::status::conflict, "conflict", "Conflict with the current state"}},
    {domain::ErrorCode::kStaleVersion,
     {http::status::precondition_failed, "stale-version", "Stale version"}},
    {domain::ErrorCode::kDateOutOfOrder,
     {http::status::unprocessable_entity, "date-out-of-order", "Date out of order"}},
    {domain::ErrorCode::kUnauthenticated,
     {http::status::unauthorized, "unauthenticated", "Not authenticated"}},
    {domain::ErrorCode::kForbidden, {http::status::forbidden, "forbidden", "Forbidden"}},
    {domain::ErrorCode::kUnavailable,
     {http::status::service_unavailable, "unavailable", "Service unavailable"}},
    {domain::ErrorCode::kPreconditionRequired,
     {http::status::precondition_required, "precondition-required", "Precondition required"}},
}};

// The protocol's own failures, likewise one row per ProtocolError in its order.
constexpr std::array<std::pair<ProtocolError, ProblemKind>, 8> kProtocolProblems = {{
    {ProtocolError::kMalformedMessage,
     {http::status::bad_request, "malformed-request", "Malformed request"}},
    {ProtocolError::kRouteNotFound, {http::status::not_found, "not-found", "Not found"}},
    {ProtocolError::kMethodNotAllowed,
     {http::status::method_not_allowed, "method-not-allowed", "Method not allowed"}},
    {ProtocolError::kUnsupportedMediaType,
     {http::status::unsupported_media_type, "unsupported-media-type", "Unsupported media type"}},
    {ProtocolError::kPayloadTooLarge,
     {http::status::payload_too_large, "payload-too-large", "Payload too large"}},
    {ProtocolError::kHeaderTooLarge,
     {http::status::request_header_fields_too_large, "header-too-large",
      "Request header too large"}},
    {ProtocolError::kUnsupportedCoding,
     {http::status::not_implemented, "unsupported-transfer-coding", "Unsupported transfer coding"}},
    {ProtocolError::kInternal,
     {http::status::internal_server_error, "internal-error", "Internal server error"}},
}};

// Every enumerator has its row, at its own position, so lookup is an index.
template <typename Code, std::size_t N>
constexpr bool CoversInOrder(const std::array<std::pair<Code, ProblemKind>, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].first) != i) return false;
  }
  return true;
}
static_assert(kDomainProblems.size() == domain::AllOf<domain::ErrorCode>().size() &&
                  CoversInOrder(kDomainProblems),
              "every domain::ErrorCode needs its row in kDomainProblems, in declaration order");
static_assert(CoversInOrder(kProtocolProblems) &&
                  kProtocolProblems.back().first == ProtocolError::kInternal,
              "every ProtocolError needs its row in kProtocolProblems, in declaration order");

const ProblemKind& KindOf(domain::ErrorCode code) {
  return kDomainProblems[static_cast<std::size_t>(code)].second;
}

const ProblemKind& KindOf(ProtocolError error) {
  return kProtocolProblems[static_cast<std::size_t>(error)].second;
}

}  // namespace

http::status StatusFor(domain::ErrorCode code) { return KindOf(code).status; }

Problem ProblemFor(const domain::DomainError& error) {
  const ProblemKind& kind = KindOf(error.code());
  return {kind.status, kind.slug, kind.title, error.what()};
}

Problem ProblemFor(ProtocolError error, std::string detail) {
  const ProblemKind& kind = KindOf(error);
  return {kind.status, kind.slug, kind.title, std::move(detail)};
}

Response ProblemResponse(const Problem& problem, std::string_view instance, unsigned version,
                         bool keep_alive) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteKey(writer, "type");
  WriteString(writer, "/problems/" + std::string(problem.slug));
  WriteKey(writer, "title");
  WriteString(writer, problem.title);
  WriteKey(writer, "status");
  writer.Int(static_cast<int>(problem.status));
  WriteKey(writer, "detail");
  WriteString(writer, problem.detail);
  if (!instance.empty()) {
    WriteKey(writer, "instance");
    WriteString(writer, UriReference(instance));
  }
  writer.EndObject();

  Response response{problem.status, version};
  response.set(http::field::content_type, "application/problem+json");
  response.set(http::field::cache_control, "no-store");
  // RFC 9110: a 401 names the scheme that would be accepted.
  if (problem.status == http::status::unauthorized) {
    response.set(http::field::www_authenticate, "Bearer");
  }
  // RFC 9110: a 503 may say when to try again; the causes (a locked database, a full queue)
  // pass within a second or so.
  if (problem.status == http::status::service_unavailable) {
    response.set(http::field::retry_after, "1");
  }
  response.body() = buffer.GetString();
  response.keep_alive(keep_alive);
  response.prepare_payload();
  return response;
}

}  // namespace casus::web
