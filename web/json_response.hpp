#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "web/http.hpp"

namespace casus::web {

// A response with `body` of `content_type`, answering `request` (version and keep-alive);
// never cached, since every answer is for one caller.
inline Response BodyResponse(const Request& request, http::status status,
                             std::string_view content_type, std::string body) {
  Response response{status, request.version()};
  response.set(http::field::content_type,
               boost::beast::string_view(content_type.data(), content_type.size()));
  response.set(http::field::cache_control, "no-store");
  response.body() = std::move(body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

// A response with a JSON body.
inline Response JsonResponse(const Request& request, http::status status, std::string body) {
  return BodyResponse(request, status, "application/json", std::move(body));
}

// A JSON response for a resource with a version: its ETag is the version, "3", the value
// clients send back in If-Match.
inline Response VersionedJsonResponse(const Request& request, http::status status, std::string body,
                                      std::int64_t version) {
  Response response = JsonResponse(request, status, std::move(body));
  response.set(http::field::etag, "\"" + std::to_string(version) + "\"");
  return response;
}

}  // namespace casus::web
