#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "web/http.hpp"

namespace casus::web {

// Which request this is and who sent it, as the Session knows them before the Router runs.
struct RequestContext {
  // The peer's IP address, or the client a trusted proxy forwarded for (TrustedProxies), as
  // the audit trail, the access log and /metrics' loopback check take it.
  std::string client;
  std::string request_id;  // RequestIdOf the request

  // The problem+json `instance` of a problem with the request at `path`: the path, with the
  // request id as its fragment ("/api/v1/cases/7#4f2a..."), so that a client's report of the
  // problem finds its line in the server's log.
  std::string Instance(std::string_view path) const;
};

// The rest of a response's body, made a piece at a time once its header is sent (chunked):
// each call gives the next piece, nullopt at the end. Called on a request worker, one call at
// a time, so it may read the database; throws when it cannot go on, and the response is then
// cut short (no last chunk), so that the client knows it is incomplete.
using BodyStream = std::function<std::optional<std::string>()>;

// What the Router learned about a request, for the access log; and, where the caller can send
// a body piece by piece (a Session), the piece maker of a response too large to hold.
struct RequestTrace {
  std::string route = "-";  // the matched route's pattern ("/api/v1/cases/{id}"); "-" for none
  std::size_t route_index = static_cast<std::size_t>(-1);  // in RouteTable(); -1 for none
  std::string who = "-";   // the token or person name, once authenticated; "-" before
  bool streams = false;    // set by the caller: it sends `body_stream` after the response
  BodyStream body_stream;  // set by a handler, only when `streams`: the body follows from it
};

// Whether `id` may be taken over from a client's X-Request-Id: 1 to 128 characters, each a
// letter, digit or one of - . _ ~ : + / = (a UUID, a ULID, base64 all fit; nothing that
// would need escaping in a URI fragment, a JSON string or a log line).
bool IsWellFormedRequestId(std::string_view id);

// A new request id: a random UUID (version 4) from a per-thread generator. Not a secret.
std::string NewRequestId();

// The request's X-Request-Id when there is exactly one and it is well-formed, else a new one.
std::string RequestIdOf(const Request& request);

}  // namespace casus::web
