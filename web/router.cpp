#include "web/router.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "web/activity_routes.hpp"
#include "web/case_routes.hpp"
#include "web/json_response.hpp"
#include "web/problem.hpp"
#include "web/query_string.hpp"
#include "web/report_routes.hpp"
#include "web/request_values.hpp"
#include "web/signal_routes.hpp"

namespace casus::web {

namespace {

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

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// application/json, with parameters allowed ("; charset=utf-8"); a charset other than UTF-8
// is refused, since every body is read as UTF-8.
bool IsJson(std::string_view content_type) {
  bool media_type = true;
  std::size_t start = 0;
  while (true) {
    const auto end = content_type.find(';', start);
    const std::string_view part =
        Trim(content_type.substr(start, end == std::string_view::npos ? end : end - start));
    if (media_type) {
      if (!EqualsIgnoreCase(part, "application/json")) return false;
      media_type = false;
    } else if (const auto equals = part.find('=');
               equals != std::string_view::npos &&
               EqualsIgnoreCase(Trim(part.substr(0, equals)), "charset")) {
      std::string_view charset = Trim(part.substr(equals + 1));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
        charset = charset.substr(1, charset.size() - 2);
      }
      if (!EqualsIgnoreCase(charset, "utf-8")) return false;
    }
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

// Routes without query parameters refuse any, as the list routes refuse unknown ones.
void RejectQuery(std::string_view query) { [[maybe_unused]] const QueryString none(query, {}); }

Response ProtocolProblem(const Request& request, std::string_view path, ProtocolError error,
                         std::string detail) {
  return ProblemResponse(ProblemFor(error, std::move(detail)), path, request.version(),
                         request.keep_alive());
}

// One request on its way to a handler: its path split into segments, and the checks every
// route makes before its handler runs, in this order: the method, for a POST the media type
// (before anything reads the body), and the query of a route that takes none.
class Call {
 public:
  explicit Call(const Request& request)
      : request_(request),
        target_(SplitTarget(ToStd(request.target()))),
        segments_(Segments(target_.path)) {}

  const Request& request() const { return request_; }
  std::string_view query() const { return target_.query; }
  std::size_t size() const { return segments_.size(); }
  std::string_view operator[](std::size_t i) const { return segments_[i]; }

  Response NotFound() const {
    return ProtocolProblem(request_, target_.path, ProtocolError::kRouteNotFound,
                           "there is no resource at this path");
  }

  // A refusal when the request's method is not `method` (405 listing `allow`), or when it is
  // a POST whose body is not JSON (415); nullopt when the route may go on.
  std::optional<Response> Refuse(http::verb method, const char* allow) const {
    if (request_.method() != method) {
      Response response = ProtocolProblem(request_, target_.path, ProtocolError::kMethodNotAllowed,
                                          std::string("this resource supports ") + allow);
      response.set(http::field::allow, allow);
      return response;
    }
    if (method == http::verb::post && !IsJson(ToStd(request_[http::field::content_type]))) {
      return ProtocolProblem(request_, target_.path, ProtocolError::kUnsupportedMediaType,
                             "the request body must be application/json");
    }
    return std::nullopt;
  }

  // As Refuse, for a route that takes no query parameters (400 when given).
  std::optional<Response> RefuseWithoutQuery(http::verb method, const char* allow) const {
    auto refusal = Refuse(method, allow);
    if (!refusal) RejectQuery(target_.query);
    return refusal;
  }

  // For a collection, listed with GET (its query its filters) and added to with POST.
  bool IsGet() const { return request_.method() == http::verb::get; }

 private:
  const Request& request_;
  Target target_;
  std::vector<std::string_view> segments_;
};

// Each resource's routes, below /api/v1/<resource>; `c.size()` is at least 3.

domain::CaseId CaseIdInPath(const Call& c) { return ParseCaseId(c[3], "the case id in the path"); }

domain::SignalId SignalIdInPath(const Call& c) {
  return ParseId(c[3], "the signal id in the path", "a signal id");
}

Response CaseRoute(const Call& c, domain::CaseService& cases) {
  if (c.size() == 3) {
    if (c.IsGet()) return ListCases(cases, c.request(), c.query());
    if (auto refusal = c.RefuseWithoutQuery(http::verb::post, "GET, POST")) return *refusal;
    return PostCase(cases, c.request());
  }
  if (c.size() == 4) {
    if (auto refusal = c.RefuseWithoutQuery(http::verb::get, "GET")) return *refusal;
    return GetCase(cases, c.request(), CaseIdInPath(c));
  }
  if (c.size() == 5 && c[4] == "transitions") {
    if (auto refusal = c.RefuseWithoutQuery(http::verb::post, "POST")) return *refusal;
    return PostTransition(cases, c.request(), CaseIdInPath(c));
  }
  if (c.size() == 5 && c[4] == "history") {
    if (auto refusal = c.RefuseWithoutQuery(http::verb::get, "GET")) return *refusal;
    return GetHistory(cases, c.request(), CaseIdInPath(c));
  }
  return c.NotFound();
}

Response SignalRoute(const Call& c, domain::SignalService& signals) {
  if (c.size() == 3) {
    if (c.IsGet()) return ListSignals(signals, c.request(), c.query());
    if (auto refusal = c.RefuseWithoutQuery(http::verb::post, "GET, POST")) return *refusal;
    return PostSignal(signals, c.request());
  }
  if (c.size() == 4) {
    if (auto refusal = c.RefuseWithoutQuery(http::verb::get, "GET")) return *refusal;
    return GetSignal(signals, c.request(), SignalIdInPath(c));
  }
  if (c.size() == 5 && c[4] == "assessment") {
    if (auto refusal = c.RefuseWithoutQuery(http::verb::post, "POST")) return *refusal;
    return PostAssessment(signals, c.request(), SignalIdInPath(c));
  }
  return c.NotFound();
}

Response ActivityRoute(const Call& c, domain::ActivityService& activities) {
  if (c.size() != 3) return c.NotFound();
  if (c.IsGet()) return ListActivities(activities, c.request(), c.query());
  if (auto refusal = c.RefuseWithoutQuery(http::verb::post, "GET, POST")) return *refusal;
  return PostActivity(activities, c.request());
}

Response ReportRoute(const Call& c, const ApiServices& services) {
  if (c.size() != 5) return c.NotFound();
  if (c[3] == "woonoverlast") {
    if (auto refusal = c.Refuse(http::verb::get, "GET")) return *refusal;
    return GetWoonoverlastReport(services.cases, c.request(), c[4], c.query());
  }
  if (c[3] == "ondermijning") {
    if (auto refusal = c.Refuse(http::verb::get, "GET")) return *refusal;
    return GetOndermijningReport(services.ondermijning_reports, c.request(), c[4], c.query());
  }
  return c.NotFound();
}

}  // namespace

Response Router::Handle(const Request& request) {
  Response response = HandleOrProblem(request);
  response.set(http::field::server, "casus");
  return response;
}

Response Router::HandleOrProblem(const Request& request) {
  const std::string_view path = SplitTarget(ToStd(request.target())).path;
  try {
    return Dispatch(request);
  } catch (const domain::DomainError& error) {
    return ProblemResponse(ProblemFor(error), path, request.version(), request.keep_alive());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "casus: internal error on %s %.*s: %s\n",
                 std::string(ToStd(request.method_string())).c_str(), static_cast<int>(path.size()),
                 path.data(), error.what());
  } catch (...) {
    std::fprintf(stderr, "casus: internal error on %s %.*s: unknown exception\n",
                 std::string(ToStd(request.method_string())).c_str(), static_cast<int>(path.size()),
                 path.data());
  }
  return ProtocolProblem(request, path, ProtocolError::kInternal,
                         "the server could not handle this request");
}

Response Router::Dispatch(const Request& request) {
  const Call c(request);
  if (c.size() == 1 && c[0] == "healthz") {
    if (auto refusal = c.Refuse(http::verb::get, "GET")) return *refusal;
    return JsonResponse(request, http::status::ok, R"({"status":"ok"})");
  }
  if (c.size() < 3 || c[0] != "api" || c[1] != "v1") return c.NotFound();
  if (c[2] == "cases") return CaseRoute(c, services_.cases);
  if (c[2] == "signals") return SignalRoute(c, services_.signals);
  if (c[2] == "activities") return ActivityRoute(c, services_.activities);
  if (c[2] == "reports") return ReportRoute(c, services_);
  return c.NotFound();
}

}  // namespace casus::web
