#include "web/router.hpp"

#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access_policy.hpp"
#include "web/idempotency.hpp"
#include "web/log.hpp"
#include "web/media_type.hpp"
#include "web/problem.hpp"
#include "web/query_string.hpp"
#include "web/route_table.hpp"

namespace casus::web {

namespace {

constexpr std::string_view kApiPrefix = "/api/v1/";
// An audit row names a refused request's object by its path, which is whatever the caller
// sent; it is cut short at this length.
constexpr std::size_t kMaxAuditObjectBytes = 200;

// "/api/v1/cases/7/history" -> {"api", "v1", "cases", "7", "history"}. A path with an empty
// segment (a trailing or doubled slash) or not starting with '/' yields no segments at all, so
// no route matches it.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return {};
  path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (segments.back().empty()) return {};
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// The path's values for the pattern's {names}, in order; nullopt when the path does not fit.
std::optional<std::vector<std::string_view>> Params(std::string_view pattern,
                                                    const std::vector<std::string_view>& path) {
  const std::vector<std::string_view> parts = Segments(pattern);
  if (path.empty() || parts.size() != path.size()) return std::nullopt;
  std::vector<std::string_view> params;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].front() == '{') {
      params.push_back(path[i]);
    } else if (parts[i] != path[i]) {
      return std::nullopt;
    }
  }
  return params;
}

// What the audit trail calls the object of a request refused before its handler ran: its
// path below /api/v1/ ("cases/7"), as the guarded services name the objects they touch.
std::string AuditObject(std::string_view path) {
  if (path.substr(0, kApiPrefix.size()) == kApiPrefix) path.remove_prefix(kApiPrefix.size());
  std::string object = UriReference(path);
  if (object.size() > kMaxAuditObjectBytes) {
    object.resize(kMaxAuditObjectBytes);
    object += "...";
  }
  return object;
}

std::optional<std::string_view> AuthorizationHeader(const Request& request) {
  // Two Authorization fields are no valid credentials, whatever each holds.
  if (request.count(http::field::authorization) != 1) return std::nullopt;
  return ToStd(request[http::field::authorization]);
}

// Who is asking, from the request's bearer credential: a token of the identity provider when
// sign-in with OpenID Connect is on and the credential has its shape (a JWT), else an API
// token. Throws DomainError(kUnauthenticated) after recording the refused attempt at `action`
// on `object`, and DomainError(kForbidden), recorded under the person's name, for a person
// without a single Casus role.
domain::Actor Authenticate(const ApiServices& services, const Request& request,
                           const std::string& client, domain::Action action,
                           const std::string& object) {
  try {
    const auto authorization = AuthorizationHeader(request);
    if (services.people != nullptr && services.people->Recognises(authorization)) {
      const domain::SignedInPerson person = services.people->Authenticate(*authorization);
      if (!person.role) services.gate.RefuseWithoutRole(person.name, client, action, object);
      return {person.name, *person.role, client};
    }
    const domain::TokenInfo token = services.tokens.Authenticate(authorization);
    return {token.name, token.role, client};
  } catch (const domain::DomainError& error) {
    if (error.code() == domain::ErrorCode::kUnauthenticated) {
      services.gate.RecordUnauthenticated(client, action, object);
    }
    throw;
  }
}

Response ProtocolProblem(const Request& request, const std::string& instance, ProtocolError error,
                         std::string detail) {
  return ProblemResponse(ProblemFor(error, std::move(detail)), instance, request.version(),
                         request.keep_alive());
}

// The route for `method` at `path`; when there is none, `allow` lists the methods the path
// does have (none: an unknown path).
struct Match {
  const Route* route = nullptr;
  std::vector<std::string_view> params;
  std::string allow;
};

Match FindRoute(http::verb method, std::string_view path) {
  const std::vector<std::string_view> segments = Segments(path);
  Match match;
  for (const Route& candidate : RouteTable()) {
    auto params = Params(candidate.info.pattern, segments);
    if (!params) continue;
    if (candidate.info.method == method) return {&candidate, std::move(*params), {}};
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += ToStd(http::to_string(candidate.info.method));
  }
  return match;
}

}  // namespace

std::vector<RouteInfo> Router::Routes() {
  std::vector<RouteInfo> routes;
  for (const Route& route : RouteTable()) routes.push_back(route.info);
  return routes;
}

bool Router::NeedsDomain(const Request& request) { return LaneOf(request) != Lane::kIoThread; }

Lane Router::LaneOf(const Request& request) {
  const Match match = FindRoute(request.method(), SplitTarget(ToStd(request.target())).path);
  return match.route != nullptr ? match.route->lane : Lane::kIoThread;
}

bool Router::AnswersAtOnce(const Request& request) {
  const Target target = SplitTarget(ToStd(request.target()));
  const Match match = FindRoute(request.method(), target.path);
  if (match.route == nullptr || match.route->ready == nullptr) return false;
  const RouteCall call{request, match.params, target.query, services_, nullptr};
  try {
    return match.route->ready(call);
  } catch (...) {
    return false;  // the report worker will find out what is wrong
  }
}

Response Router::Handle(const Request& request, const std::string& client) {
  return Handle(request, {client, RequestIdOf(request)});
}

Response Router::Handle(const Request& request, const RequestContext& context,
                        RequestTrace* trace) {
  RequestTrace ignored;
  Response response = HandleOrProblem(request, context, trace != nullptr ? *trace : ignored);
  response.set(http::field::server, "casus");
  response.set("X-Request-Id", context.request_id);
  return response;
}

Response Router::HandleOrProblem(const Request& request, const RequestContext& context,
                                 RequestTrace& trace) {
  const std::string_view path = SplitTarget(ToStd(request.target())).path;
  std::string cause;
  try {
    return Dispatch(request, context, trace);
  } catch (const domain::DomainError& error) {
    return ProblemResponse(ProblemFor(error), context.Instance(path), request.version(),
                           request.keep_alive());
  } catch (const std::exception& error) {
    cause = error.what();
  } catch (...) {
    cause = "unknown exception";
  }
  Log::Event("error", "request",
             "internal error on " + std::string(ToStd(request.method_string())) + " " +
                 std::string(trace.route) + " (request " + context.request_id + "): " + cause);
  return ProtocolProblem(request, context.Instance(path), ProtocolError::kInternal,
                         "the server could not handle this request");
}

// The checks run in the order router.hpp's status policy lists them.
Response Router::Dispatch(const Request& request, const RequestContext& context,
                          RequestTrace& trace) {
  const std::string& client = context.client;
  const Target target = SplitTarget(ToStd(request.target()));
  const std::string instance = context.Instance(target.path);
  // The --metrics-listen listener serves /metrics and nothing else.
  const Match match = services_.metrics_only && target.path != "/metrics"
                          ? Match{}
                          : FindRoute(request.method(), target.path);
  if (match.route == nullptr && match.allow.empty()) {
    return ProtocolProblem(request, instance, ProtocolError::kRouteNotFound,
                           "there is no resource at this path");
  }
  if (match.route == nullptr) {
    Response response = ProtocolProblem(request, instance, ProtocolError::kMethodNotAllowed,
                                        "this resource supports " + match.allow);
    response.set(http::field::allow, match.allow);
    return response;
  }
  const Route& route = *match.route;
  trace.route = std::string(route.info.pattern);
  trace.route_index = static_cast<std::size_t>(match.route - RouteTable().data());

  std::optional<domain::Actor> actor;
  std::string object;
  if (const auto action = route.info.action) {
    object = AuditObject(target.path);
    actor = Authenticate(services_, request, client, *action, object);
    trace.who = actor->token_name;
    // A role that may not perform the route's action at all is refused before anything of the
    // request is read, so that it learns nothing from validation either.
    services_.gate.RequireAllowed(*actor, *action, object);
  }
  // From here on a refusal of an identified caller is on the record too: the guarded services
  // audit what reaches them, this what the request's shape stops before.
  const auto audit_refusal = [&](const std::string& result) {
    if (actor) services_.gate.Record(*actor, *route.info.action, object, result);
  };
  if (request.method() == http::verb::post &&
      !IsJsonMediaType(ToStd(request[http::field::content_type]))) {
    audit_refusal("unsupported_media_type");
    return ProtocolProblem(request, instance, ProtocolError::kUnsupportedMediaType,
                           "the request body must be application/json");
  }
  if (request.method() == http::verb::patch &&
      !IsJsonMediaType(ToStd(request[http::field::content_type]), "application/merge-patch+json")) {
    audit_refusal("unsupported_media_type");
    return ProtocolProblem(request, instance, ProtocolError::kUnsupportedMediaType,
                           "the request body must be application/json or "
                           "application/merge-patch+json");
  }
  // The request as today, without a key; its refusals audited as those of the checks above.
  const auto handle = [&] {
    try {
      // Routes without query parameters refuse any, as the list routes refuse unknown ones.
      if (route.query == Query::kRefused) {
        [[maybe_unused]] const QueryString none(target.query, {});
      }
      return route.handler({request, match.params, target.query, services_,
                            actor ? &*actor : nullptr, client,
                            trace.streams ? &trace.body_stream : nullptr});
    } catch (domain::DomainError& error) {
      if (!error.audited() && error.code() != domain::ErrorCode::kUnavailable) {
        audit_refusal(domain::AccessGate::ResultOf(error));
        error.MarkAudited();
      }
      throw;
    }
  };
  const bool keyed_method =
      request.method() == http::verb::post || request.method() == http::verb::patch;
  if (!keyed_method || !actor) return handle();
  std::optional<std::string> key;
  try {
    key = IdempotencyKeyOf(request);
  } catch (domain::DomainError& error) {
    audit_refusal(domain::AccessGate::ResultOf(error));
    error.MarkAudited();
    throw;
  }
  if (!key || !services_.idempotency.Enabled()) return handle();
  return HandleOnce(request, *key, *actor, *route.info.action, object, handle);
}

// One unit of work: look the key up, replay or refuse, or handle and keep a 2xx reply with
// the change it answers. Retries with one key serialise on the writer, so the second finds
// the first's reply. A handler that fails inside rolls its change back alone (a nested unit)
// while the unit commits its refusal's audit row; its exception is rethrown after that.
Response Router::HandleOnce(const Request& request, const std::string& key,
                            const domain::Actor& actor, domain::Action action,
                            const std::string& object, const std::function<Response()>& handle) {
  const std::string fingerprint = FingerprintOf(request);
  std::optional<Response> response;
  std::exception_ptr failure;
  services_.gate.InOneUnit([&] {
    if (const auto kept = services_.idempotency.Find(actor.token_name, key)) {
      if (kept->fingerprint != fingerprint) {
        services_.gate.Record(actor, action, object, "invalid");
        domain::DomainError refusal(domain::ErrorCode::kInvalid,
                                    "this Idempotency-Key was used for another request in the "
                                    "last 24 hours; use a new key for a new request");
        refusal.MarkAudited();
        failure = std::make_exception_ptr(refusal);
        return;
      }
      response = Replay(*kept, request);
      // A replayed create names what the first request created, as its own row did.
      services_.gate.Record(
          actor, action, kept->location.empty() ? object : AuditObject(kept->location), "replayed");
      return;
    }
    try {
      response = handle();
    } catch (...) {
      failure = std::current_exception();
      return;
    }
    const unsigned status = response->result_int();
    if (status >= 200 && status < 300) {
      services_.idempotency.Save(actor.token_name, key, ToStoredReply(*response, fingerprint));
    }
  });
  if (failure) std::rethrow_exception(failure);
  return std::move(*response);
}

}  // namespace casus::web
