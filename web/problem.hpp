#pragma once

#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "web/http.hpp"

namespace casus::web {

// Errors of the HTTP protocol itself, detected before the domain is asked anything.
// When adding an enumerator, add its row (status, slug, title) to problem.cpp's table.
enum class ProtocolError {
  kMalformedMessage,      // not parseable as HTTP/1.1
  kRouteNotFound,         // no resource at this path
  kMethodNotAllowed,      // the resource exists but not with this method
  kUnsupportedMediaType,  // a body that is not application/json
  kPayloadTooLarge,       // body over ServerOptions::body_limit
  kHeaderTooLarge,        // header over ServerOptions::header_limit
  kUnsupportedCoding,     // a Transfer-Encoding other than chunked alone
  kInternal,              // anything unexpected; the detail never leaks the cause
};

// An RFC 9457 problem about to be sent: status, type "/problems/<slug>", title and detail.
struct Problem {
  http::status status = http::status::internal_server_error;
  std::string_view slug;
  std::string_view title;
  std::string detail;
};

// The only place where domain error codes meet HTTP statuses.
http::status StatusFor(domain::ErrorCode code);

// A domain error as a problem; its detail is the error's what(), which the domain promises
// is safe to show to the client.
Problem ProblemFor(const domain::DomainError& error);

Problem ProblemFor(ProtocolError error, std::string detail);

// An `application/problem+json` response. `instance` is RequestContext::Instance: the request
// path without its query (queries may carry search terms that do not belong in logs or
// caches) and the request id as fragment, a URI reference. A 401 carries
// `WWW-Authenticate: Bearer`.
Response ProblemResponse(const Problem& problem, std::string_view instance, unsigned version,
                         bool keep_alive);

}  // namespace casus::web
