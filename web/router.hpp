#pragma once

#include "web/api_services.hpp"
#include "web/http.hpp"

namespace casus::web {

// The HTTP API as a plain function from request to response: no socket, no I/O of its own
// beyond the calls to the domain services, so it is tested by calling Handle directly.
//
//   GET  /healthz                                  {"status":"ok"}
//   POST /api/v1/cases                             201, Location, ETag "1"
//   GET  /api/v1/cases?kind=&state=&district=&housing_type=&limit=&after=
//   GET  /api/v1/cases/{id}                        ETag "<version>"
//   POST /api/v1/cases/{id}/transitions            honours If-Match; ETag of the new version
//   GET  /api/v1/cases/{id}/history                JSON array, oldest first
//   POST /api/v1/signals                           201, Location, ETag "1"
//   GET  /api/v1/signals?source=&theme=&status=&limit=&after=
//   GET  /api/v1/signals/{id}                      ETag "<version>"
//   POST /api/v1/signals/{id}/assessment           link, dismiss: 200 with the signal;
//                                                  new_case: 201 with the new casus, Location
//   POST /api/v1/activities                        201 with the activity (no Location)
//   GET  /api/v1/activities?type=&year=&limit=&after=
//   GET  /api/v1/reports/woonoverlast/{year}[?format=json|csv]
//   GET  /api/v1/reports/ondermijning/{year}[?format=json|csv]
//
// Status policy (as README.md's table): a body of the wrong shape is 400 (syntax, nesting over
// kMaxJsonDepth, unknown/repeated/missing fields, wrong JSON types); a well-formed body with an
// unacceptable value is 422, whether the web layer sees it (an enum name outside the
// vocabulary, a date that is not YYYY-MM-DD, 1.5 where a whole number belongs) or the domain
// does (unknown wijk, future date, date out of order, re-opening without reason, fields that
// do not fit the casus's kind or the move, reporter details on an anonymous mma signal, a
// control_day without companies_checked, a link to a casus that is not ondermijning or does
// not exist). An assessment is read by its decision: a member that belongs to another
// decision (case_id on a dismiss, reason on a link) is an unknown field, 400. Anything wrong
// in the path, query or If-Match is 400 (ids, limit over 500, unknown parameters or enum
// values, year, format). The domain further answers 404 (no such case or signal), 409
// (forbidden transition; a signal assessed already), 412 (stale If-Match). Bodies must be
// application/json (415 otherwise); 404 for an unknown path, 405 with Allow for a known path
// with another method. Size limits (413, 431) are the Session's.
//
// Handle never throws. Every failure becomes an `application/problem+json` response: domain
// errors through ProblemFor (web/problem.hpp), protocol errors (404 route, 405 method with
// Allow, 415 media type, 400 syntax) likewise, and anything unexpected as a generic 500 whose
// cause goes to stderr only. The response's keep-alive follows the request's.
//
// Thread-safety: Handle may be called from several threads at once when the services allow
// it (they do when their ports do). Does not own the services, which must outlive it.
class Router {
 public:
  explicit Router(ApiServices services) : services_(services) {}

  Response Handle(const Request& request);

 private:
  Response HandleOrProblem(const Request& request);  // the one catch site
  Response Dispatch(const Request& request);

  ApiServices services_;
};

}  // namespace casus::web
