#include "web/problem.hpp"

#include "web/json.hpp"
#include "web/query_string.hpp"

namespace casus::web {

namespace {

std::string_view SlugFor(domain::ErrorCode code) {
  switch (code) {
    case domain::ErrorCode::kMalformed:
      return "malformed-request";
    case domain::ErrorCode::kInvalid:
      return "invalid-request";
    case domain::ErrorCode::kNotFound:
      return "not-found";
    case domain::ErrorCode::kForbiddenTransition:
      return "forbidden-transition";
    case domain::ErrorCode::kConflict:
      return "conflict";
    case domain::ErrorCode::kStaleVersion:
      return "stale-version";
    case domain::ErrorCode::kDateOutOfOrder:
      return "date-out-of-order";
    case domain::ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case domain::ErrorCode::kForbidden:
      return "forbidden";
  }
  return "internal-error";
}

std::string_view TitleFor(domain::ErrorCode code) {
  switch (code) {
    case domain::ErrorCode::kMalformed:
      return "Malformed request";
    case domain::ErrorCode::kInvalid:
      return "Invalid request";
    case domain::ErrorCode::kNotFound:
      return "Not found";
    case domain::ErrorCode::kForbiddenTransition:
      return "Transition not allowed";
    case domain::ErrorCode::kConflict:
      return "Conflict with the current state";
    case domain::ErrorCode::kStaleVersion:
      return "Stale version";
    case domain::ErrorCode::kDateOutOfOrder:
      return "Date out of order";
    case domain::ErrorCode::kUnauthenticated:
      return "Not authenticated";
    case domain::ErrorCode::kForbidden:
      return "Forbidden";
  }
  return "Internal server error";
}

}  // namespace

http::status StatusFor(domain::ErrorCode code) {
  switch (code) {  // no default: the compiler names a forgotten enumerator
    case domain::ErrorCode::kMalformed:
      return http::status::bad_request;
    case domain::ErrorCode::kInvalid:
      return http::status::unprocessable_entity;
    case domain::ErrorCode::kNotFound:
      return http::status::not_found;
    case domain::ErrorCode::kForbiddenTransition:
      return http::status::conflict;
    case domain::ErrorCode::kConflict:
      return http::status::conflict;
    case domain::ErrorCode::kStaleVersion:
      return http::status::precondition_failed;
    case domain::ErrorCode::kDateOutOfOrder:
      return http::status::unprocessable_entity;
    case domain::ErrorCode::kUnauthenticated:
      return http::status::unauthorized;
    case domain::ErrorCode::kForbidden:
      return http::status::forbidden;
  }
  return http::status::internal_server_error;
}

Problem ProblemFor(const domain::DomainError& error) {
  return {StatusFor(error.code()), SlugFor(error.code()), TitleFor(error.code()), error.what()};
}

Problem ProblemFor(ProtocolError error, std::string detail) {
  switch (error) {  // no default, as above
    case ProtocolError::kMalformedMessage:
      return {http::status::bad_request, "malformed-request", "Malformed request",
              std::move(detail)};
    case ProtocolError::kRouteNotFound:
      return {http::status::not_found, "not-found", "Not found", std::move(detail)};
    case ProtocolError::kMethodNotAllowed:
      return {http::status::method_not_allowed, "method-not-allowed", "Method not allowed",
              std::move(detail)};
    case ProtocolError::kUnsupportedMediaType:
      return {http::status::unsupported_media_type, "unsupported-media-type",
              "Unsupported media type", std::move(detail)};
    case ProtocolError::kPayloadTooLarge:
      return {http::status::payload_too_large, "payload-too-large", "Payload too large",
              std::move(detail)};
    case ProtocolError::kHeaderTooLarge:
      return {http::status::request_header_fields_too_large, "header-too-large",
              "Request header too large", std::move(detail)};
    case ProtocolError::kInternal:
      break;
  }
  return {http::status::internal_server_error, "internal-error", "Internal server error",
          std::move(detail)};
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
  response.body() = buffer.GetString();
  response.keep_alive(keep_alive);
  response.prepare_payload();
  return response;
}

}  // namespace casus::web
