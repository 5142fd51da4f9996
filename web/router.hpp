#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/action.hpp"
#include "web/api_services.hpp"
#include "web/http.hpp"
#include "web/lane.hpp"
#include "web/request_context.hpp"

namespace casus::web {

// One route of the API as the Router's table declares it (web/route_table.cpp).
struct RouteInfo {
  http::verb method;
  std::string_view pattern;              // e.g. "/api/v1/cases/{id}/transitions"
  std::optional<domain::Action> action;  // what it asks of the domain; nullopt: open, no token
};

// The HTTP API as a plain function from request to response: no socket, no I/O of its own
// beyond the calls to the domain services, so it is tested by calling Handle directly.
//
//   GET  /healthz                                  {"status":"ok"}; open, needs no token, never
//                                                  touches the database
//   GET  /readyz                                   {"status":"ready"}, or 503 when the database
//                                                  does not answer a read or its writer stopped
//   POST /api/v1/cases                             201, Location, ETag "1"
//   GET  /api/v1/cases?kind=&state=&district=&housing_type=&assignee=&limit=&after=
//        &reported_from=&reported_to=&postcode=&q=&sort=id|reported_on|-reported_on
//        &count=true|false                         {"items","next"[,"count"]}; `after` and
//                                                  `next` are casus ids in every sort;
//                                                  assignee=me: the caller's own casussen
//   GET  /api/v1/cases/{id}                        ETag "<version>"
//   PATCH /api/v1/cases/{id}                       a correction (district, housing_type,
//                                                  categories, summary, address, reported_on,
//                                                  themes, assignee; reason); If-Match required
//                                                  (428 without, 412 stale); `state` 409;
//                                                  application/json or merge-patch+json
//   GET  /api/v1/cases/{id}/changes                [{"field","old","new","reason","who","at"}]
//                                                  oldest first
//   POST /api/v1/cases/{id}/transitions            honours If-Match; ETag of the new version
//   GET  /api/v1/cases/{id}/history                JSON array, oldest first
//   POST /api/v1/cases/{id}/notes                  {"text"} -> 201 with the note, no Location;
//                                                  the casus's version stays
//   GET  /api/v1/cases/{id}/notes?limit=&after=    {"items":[{"id","case_id","text","author",
//                                                  "at"}...],"next"}, oldest first
//   POST /api/v1/signals                           201, Location, ETag "1"
//   GET  /api/v1/signals?source=&theme=&status=&limit=&after=
//   GET  /api/v1/signals/{id}                      ETag "<version>"
//   POST /api/v1/signals/{id}/assessment           link, dismiss: 200 with the signal;
//                                                  new_case: 201 with the new casus, Location
//   POST /api/v1/activities                        201 with the activity (no Location)
//   (every POST and PATCH of /api/v1 also takes Idempotency-Key: see below)
//   GET  /api/v1/activities?type=&year=&limit=&after=
//   GET  /api/v1/reports/woonoverlast/{year}[?format=json|csv][&suppress_below=N]
//   GET  /api/v1/reports/ondermijning/{year}[?format=json|csv][&suppress_below=N]
//   GET  /api/v1/audit?object=&from=&to=&limit=&after=
//                                                  {"items":[{"id","at","token","role",
//                                                  "action","object","result","client",
//                                                  "hash"}...],"next"}; from/to YYYY-MM-DD
//                                                  or YYYY-MM-DDTHH:MM:SSZ
//
// Access: every /api/v1 route needs `Authorization: Bearer <token>`: an API token
// (TokenService) or, when sign-in with OpenID Connect is configured, an access token of the
// identity provider (a JWT, domain::PersonSignIn; the person's role comes from a claim). Who may
// do what is decided by domain::AccessPolicy alone, through the guarded services; each route
// declares the domain::Action it performs (Routes()). suppress_below=N (1..1000) replaces
// every report cell counting 1..N-1 with the marker "<N"; totals stay true numbers.
//
// Status policy, in the order the checks run:
//   1. 404 for an unknown path, 405 with Allow for a known path with another method. These
//      need no token: they disclose only the shape of the API documented here.
//   2. 401 problem+json with `WWW-Authenticate: Bearer` when the token is missing, malformed,
//      unknown, expired or revoked, or an identity provider's token is refused for any reason
//      (one answer for all, so tokens cannot be probed). Nothing
//      of the request beyond its route is looked at: no body, query or id is parsed, nothing
//      is stored; one audit row (token "-", result "unauthenticated") records the attempt.
//   3. 403 when the token's role may not perform the route's action at all (analist on a
//      casus, beheerder on case content, ...), likewise before the query or body is read; and
//      for a person the identity provider vouches for who has no Casus role, or several
//      (authenticated but not authorised; one audit row under their name, role "-").
//   4. 415 unless a POST's body is application/json; 400 for a query on a route without one.
//   5. The request itself (README.md's table): a body of the wrong shape is 400 (syntax,
//      nesting over kMaxJsonDepth, unknown/repeated/missing fields, wrong JSON types); a
//      well-formed body with an unacceptable value is 422, whether the web layer sees it (an
//      enum name outside the vocabulary, a date that is not YYYY-MM-DD, 1.5 where a whole
//      number belongs) or the domain does (unknown wijk, future date, date out of order,
//      re-opening without reason, fields that do not fit the casus's kind or the move,
//      reporter details on an anonymous mma signal, a control_day without
//      companies_checked, a link to a casus that is not ondermijning or does not exist). An
//      assessment is read by its decision: a member that belongs to another decision
//      (case_id on a dismiss, reason on a link) is an unknown field, 400. Anything wrong in
//      the path, query or If-Match is 400 (ids, limit over 500, unknown parameters or enum
//      values, year, format, suppress_below, from/to, the case list's search parameters).
//   6. The domain: 404 (no such case or signal, and equally a casus of another team, so that
//      its existence does not leak), 403 (registering a casus of another team's kind), 409
//      (forbidden transition; a signal assessed already), 412 (stale If-Match). List routes
//      answer only the caller's kind of casus whatever the filters say.
//
// Idempotency-Key (README "Safe retries"), on every POST and PATCH of a route with an action,
// checked after step 4: a key that is not 1..255 visible ASCII characters, or two fields, is
// 400. With a key, the request runs in one unit of work (AccessGate::InOneUnit) that looks
// the key up under the caller's scope (their token or person name): found with the same
// fingerprint (SHA-256 of method, target and body), the kept reply is given again (status,
// body, Content-Type, Location, ETag, plus `Idempotent-Replayed: true`; audit result
// "replayed") and the handler is not called; found with another, 422; not found, the handler
// runs nested in the unit and a 2xx reply is kept under the key in the same transaction as
// the change and its audit row. Retries with one key so serialise on the writer, and a crash
// keeps both or neither. A refused request (non-2xx) is not kept: its change rolled back
// alone (nested units roll back alone, domain/unit_of_work.hpp) while the unit commits its
// refusal's audit row, and a retry runs again. Replies expire after 24 hours
// (domain::IdempotencyKeys). New routes get all this from their method alone.
// Every authenticated /api/v1 request from step 3 on leaves exactly one audit row (the
// guarded services write it; refusals are "denied", a hidden casus included). Size limits
// (413, 431) and unparseable HTTP (400) are the Session's and come before all of this.
//
// Handle never throws. Every failure becomes an `application/problem+json` response: domain
// errors through ProblemFor (web/problem.hpp), protocol errors (404 route, 405 method with
// Allow, 415 media type, 400 syntax) likewise, and anything unexpected as a generic 500 whose
// cause goes to the log only (web/log.hpp). Every response carries the request's
// X-Request-Id, and a problem's instance is its path with that id as fragment. The response's
// keep-alive follows the request's.
//
// Thread-safety: Handle may be called from several threads at once when the services allow
// it (they do when their ports do). Does not own the services, which must outlive it.
class Router {
 public:
  explicit Router(ApiServices services) : services_(services) {}

  // `context.client` is the caller's address as the audit trail records it (the peer's IP
  // address, or the client a trusted proxy forwarded for: ServerOptions::trusted_proxies);
  // `context.request_id` goes back in the X-Request-Id header and in the instance of a problem.
  // `trace`, when given, gets the route and the caller, for the access log.
  Response Handle(const Request& request, const RequestContext& context,
                  RequestTrace* trace = nullptr);
  // The same with the request's own id (RequestIdOf), for callers without a session.
  Response Handle(const Request& request, const std::string& client);

  // Every route, in the order they are matched; what the access tests walk.
  static std::vector<RouteInfo> Routes();

  // Whether handling `request` may call the domain (and so wait on the database): true for
  // every route but /healthz; false for an unknown path or method too.
  static bool NeedsDomain(const Request& request);

  // Where to handle `request`: its route's lane; kIoThread for an unknown path or method,
  // which is answered without the domain.
  static Lane LaneOf(const Request& request);

  // For a request on Lane::kReport: whether it can be answered at once, without computing a
  // report (its route's ReadyCheck), so on a request worker. Before authentication; reveals
  // nothing, changes nothing, never throws. False for a route without a check. A change that
  // lands between this answer and Handle makes that one request compute where it runs; the
  // report cache's single flight still computes each report once.
  bool AnswersAtOnce(const Request& request);

 private:
  Response HandleOrProblem(const Request& request, const RequestContext& context,
                           RequestTrace& trace);  // one catch site
  Response Dispatch(const Request& request, const RequestContext& context, RequestTrace& trace);
  // A POST or PATCH with an Idempotency-Key: `handle` at most once per key (see above).
  Response HandleOnce(const Request& request, const std::string& key, const domain::Actor& actor,
                      domain::Action action, const std::string& object,
                      const std::function<Response()>& handle);

  ApiServices services_;
};

}  // namespace casus::web
