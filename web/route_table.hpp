#pragma once

#include <span>
#include <stdexcept>
#include <string_view>

#include "domain/access/actor.hpp"
#include "web/api_services.hpp"
#include "web/http.hpp"
#include "web/lane.hpp"
#include "web/request_context.hpp"
#include "web/router.hpp"

namespace casus::web {

// A request the Router has matched to a route, checked (method, token, role, media type,
// query) and now hands to the route's handler. Views only: valid during the call.
struct RouteCall {
  const Request& request;
  std::span<const std::string_view> params;  // the path's values for the pattern's {names}
  std::string_view query;                    // without the '?'
  const ApiServices& services;
  const domain::Actor* caller;  // who is asking; nullptr on an open route
  std::string_view client;      // the peer's IP address
  // Where a handler may leave a large body's piece maker instead of the body (the response
  // then carries the header only); nullptr when the caller needs the whole body at once.
  BodyStream* body_stream = nullptr;

  const domain::Actor& actor() const {
    if (caller == nullptr) throw std::logic_error("an open route asked who is calling");
    return *caller;
  }
};

using RouteHandler = Response (*)(const RouteCall& call);

// For a route on Lane::kReport: whether the call can be answered at once (its report is
// computed already, or the request is one the handler refuses before computing anything).
// Such a call is answered on a request worker; the rest wait for a report worker. Called
// before authentication (`caller` is nullptr), so it must reveal nothing and change nothing.
using ReadyCheck = bool (*)(const RouteCall& call);

// Whether a route takes a query; the Router refuses one (400) where it does not.
enum class Query { kRefused, kAllowed };

struct Route {
  RouteInfo info;
  Query query;
  RouteHandler handler;
  Lane lane = Lane::kWorker;
  ReadyCheck ready = nullptr;  // Lane::kReport only; none: always a report worker
};

// Every route of the API, in the order the Router matches them. A pattern's segments are
// literal or a {name} matching any one non-empty segment.
std::span<const Route> RouteTable();

}  // namespace casus::web
