#pragma once

#include <cstddef>
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

// What the Router learned about a request, for the access log.
struct RequestTrace {
  std::string route = "-";  // the matched route's pattern ("/api/v1/cases/{id}"); "-" for none
  std::size_t route_index = static_cast<std::size_t>(-1);  // in RouteTable(); -1 for none
  std::string who = "-";  // the token or person name, once authenticated; "-" before
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
