// Every route walked with every role: what AccessPolicy decides must be what the API answers,
// on the own team's objects and on the other team's. The table below must name every route
// of Router::Routes(); a route added without a line here fails the first test.

#include <array>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "web/router.hpp"

namespace casus::web {
namespace {

using domain::Role;
using testing::Api;
using testing::kOndermijningBody;
using testing::kSignalBody;
using testing::kWoonoverlastBody;

constexpr std::array kRoles = {Role::kWoonoverlast, Role::kOndermijning, Role::kAnalist,
                               Role::kBeheerder};

// The world every probe starts from: casus 1 woonoverlast, casus 2 ondermijning, signal 1.
constexpr const char* kWoonoverlastCase = "/api/v1/cases/1";
constexpr const char* kOndermijningCase = "/api/v1/cases/2";

// One request and the status each role gets, in the order of kRoles.
struct Probe {
  std::string target;
  std::string body;  // a POST's JSON body
  std::array<int, 4> status;
};

struct RouteRow {
  http::verb method;
  std::string_view pattern;
  std::vector<Probe> probes;  // the own and the other team's object, where the route has one
};

// 2xx for the roles the route is for, 403 for roles that may not perform its action at all,
// 404 for a casus of another team (exactly as for a missing one).
const std::vector<RouteRow>& Matrix() {
  using http::verb;
  static const std::string kCase1 = kWoonoverlastCase;
  static const std::string kCase2 = kOndermijningCase;
  static const std::string kToLopend = R"({"to":"lopend","on":"2024-04-10"})";
  static const std::string kCorrection = R"({"summary":"Gecorrigeerd","reason":"typo"})";
  static const std::vector<RouteRow> matrix = {
      //                                                     woon ondm anal beh
      {verb::get, "/healthz", {{"/healthz", "", {200, 200, 200, 200}}}},
      {verb::get, "/readyz", {{"/readyz", "", {200, 200, 200, 200}}}},
      // From another host (the fixture's client) /metrics is hidden, whoever asks.
      {verb::get, "/metrics", {{"/metrics", "", {404, 404, 404, 404}}}},
      {verb::get, "/api/v1/openapi.json", {{"/api/v1/openapi.json", "", {200, 200, 200, 200}}}},
      {verb::get, "/api/v1/cases", {{"/api/v1/cases", "", {200, 200, 403, 403}}}},
      // Another team's kind is refused (403); ondermijning is not exported at all (422, the
      // file is what import woonoverlast reads: case_routes_test).
      {verb::get,
       "/api/v1/cases/export",
       {{"/api/v1/cases/export?kind=woonoverlast", "", {200, 403, 403, 403}}}},
      {verb::post,
       "/api/v1/cases",
       {{"/api/v1/cases", kWoonoverlastBody, {201, 403, 403, 403}},
        {"/api/v1/cases", kOndermijningBody, {403, 201, 403, 403}}}},
      {verb::get,
       "/api/v1/cases/{id}",
       {{kCase1, "", {200, 404, 403, 403}}, {kCase2, "", {404, 200, 403, 403}}}},
      {verb::post,
       "/api/v1/cases/{id}/transitions",
       {{kCase1 + "/transitions", kToLopend, {200, 404, 403, 403}},
        {kCase2 + "/transitions", kToLopend, {404, 200, 403, 403}}}},
      {verb::patch,
       "/api/v1/cases/{id}",
       {{kCase1, kCorrection, {200, 404, 403, 403}}, {kCase2, kCorrection, {404, 200, 403, 403}}}},
      {verb::get,
       "/api/v1/cases/{id}/changes",
       {{kCase1 + "/changes", "", {200, 404, 403, 403}},
        {kCase2 + "/changes", "", {404, 200, 403, 403}}}},
      {verb::get,
       "/api/v1/cases/{id}/history",
       {{kCase1 + "/history", "", {200, 404, 403, 403}},
        {kCase2 + "/history", "", {404, 200, 403, 403}}}},
      {verb::post,
       "/api/v1/cases/{id}/notes",
       {{kCase1 + "/notes", R"({"text":"Huisbezoek"})", {201, 404, 403, 403}},
        {kCase2 + "/notes", R"({"text":"Huisbezoek"})", {404, 201, 403, 403}}}},
      {verb::get,
       "/api/v1/cases/{id}/notes",
       {{kCase1 + "/notes", "", {200, 404, 403, 403}},
        {kCase2 + "/notes", "", {404, 200, 403, 403}}}},
      {verb::get, "/api/v1/signals", {{"/api/v1/signals", "", {403, 200, 403, 403}}}},
      {verb::post, "/api/v1/signals", {{"/api/v1/signals", kSignalBody, {403, 201, 403, 403}}}},
      {verb::get, "/api/v1/signals/{id}", {{"/api/v1/signals/1", "", {403, 200, 403, 403}}}},
      {verb::post,
       "/api/v1/signals/{id}/assessment",
       {{"/api/v1/signals/1/assessment",
         R"({"decision":"dismiss","reason":"dubbel"})",
         {403, 200, 403, 403}}}},
      {verb::get, "/api/v1/activities", {{"/api/v1/activities", "", {403, 200, 403, 403}}}},
      {verb::post,
       "/api/v1/activities",
       {{"/api/v1/activities",
         R"({"type":"knock_and_talk","on":"2024-06-03"})",
         {403, 201, 403, 403}}}},
      {verb::get,
       "/api/v1/reports/woonoverlast",
       {{"/api/v1/reports/woonoverlast?from=2024-01-01&to=2024-04-30", "", {200, 403, 200, 403}}}},
      {verb::get,
       "/api/v1/reports/ondermijning",
       {{"/api/v1/reports/ondermijning?from=2024-01-01&to=2024-04-30", "", {403, 200, 200, 403}}}},
      {verb::get,
       "/api/v1/reports/woonoverlast/series",
       {{"/api/v1/reports/woonoverlast/series?from=2023&to=2024", "", {200, 403, 200, 403}}}},
      {verb::get,
       "/api/v1/reports/woonoverlast/{year}",
       {{"/api/v1/reports/woonoverlast/2024", "", {200, 403, 200, 403}}}},
      {verb::get,
       "/api/v1/reports/ondermijning/{year}",
       {{"/api/v1/reports/ondermijning/2024", "", {403, 200, 200, 403}}}},
      {verb::get, "/api/v1/districts", {{"/api/v1/districts", "", {200, 200, 200, 200}}}},
      {verb::get, "/api/v1/audit", {{"/api/v1/audit", "", {403, 403, 403, 200}}}},
  };
  return matrix;
}

// A fresh world for each probe, so that no probe depends on what another changed.
struct World {
  explicit World(Role role) : api(role) {
    api.As(Role::kWoonoverlast, [&] { REQUIRE(api.Register(kWoonoverlastBody) == 1); });
    api.As(Role::kOndermijning, [&] {
      REQUIRE(api.Register(kOndermijningBody) == 2);
      REQUIRE(api.Receive(kSignalBody) == 1);
    });
  }
  Api api;
};

std::string RouteName(http::verb method, std::string_view pattern) {
  return std::string(ToStd(http::to_string(method))) + " " + std::string(pattern);
}

TEST_CASE("The access matrix names every route of the router, and only those", "[web][access]") {
  std::set<std::string> routes;
  for (const RouteInfo& route : Router::Routes())
    routes.insert(RouteName(route.method, route.pattern));
  std::set<std::string> walked;
  for (const RouteRow& row : Matrix()) walked.insert(RouteName(row.method, row.pattern));
  CHECK(walked == routes);
  CHECK(walked.size() == Matrix().size());  // no route twice
}

// Whether the route asks the domain for an action (and so needs a token and is audited).
bool IsAudited(http::verb method, std::string_view pattern) {
  for (const RouteInfo& route : Router::Routes()) {
    if (route.method == method && route.pattern == pattern) return route.action.has_value();
  }
  FAIL("no route " << pattern);
  return false;
}

TEST_CASE("Every route answers every role as AccessPolicy decides, and audits it once",
          "[web][access]") {
  for (const RouteRow& row : Matrix()) {
    for (const Probe& probe : row.probes) {
      for (std::size_t r = 0; r < kRoles.size(); ++r) {
        const Role role = kRoles[r];
        INFO(RouteName(row.method, probe.target) << " as " << domain::Name(role));
        World world(role);
        const std::size_t rows_before = world.api.audit_trail.Rows().size();
        const bool has_body = row.method == http::verb::post || row.method == http::verb::patch;
        const Response response = world.api.Send(
            row.method, probe.target, probe.body,
            has_body ? std::optional<std::string>("application/json") : std::nullopt,
            row.method == http::verb::patch ? std::optional<std::string>("*") : std::nullopt);
        const int status = static_cast<int>(response.result_int());
        CHECK(status == probe.status[r]);

        // Every authenticated request leaves exactly one row; an open route (/healthz, the
        // OpenAPI document) none.
        const auto rows = world.api.audit_trail.Rows();
        if (!IsAudited(row.method, row.pattern)) {
          CHECK(rows.size() == rows_before);
          continue;
        }
        REQUIRE(rows.size() == rows_before + 1);
        const auto& event = rows.back().event;
        CHECK(event.token == domain::Name(role));
        CHECK(event.role == domain::Name(role));
        CHECK(event.client == testing::kClient);
        CHECK(event.result == (status < 300 ? "ok" : "denied"));
      }
    }
  }
}

TEST_CASE("A casus of another team is answered exactly as a missing one", "[web][access]") {
  World world(Role::kWoonoverlast);  // casus 2 is the ondermijning team's
  Api alone;                         // the same caller where casus 2 does not exist at all
  alone.Register();
  // Both asked with one request id, which is part of a problem's instance.
  const auto same_id = [](Request request) {
    request.set("X-Request-Id", "same-request");
    return request;
  };
  for (const std::string target :
       {"/api/v1/cases/2", "/api/v1/cases/2/history", "/api/v1/cases/2/changes"}) {
    INFO(target);
    const Response hidden = world.api.Handle(same_id(world.api.Build(http::verb::get, target)));
    const Response missing = alone.Handle(same_id(alone.Build(http::verb::get, target)));
    CHECK(hidden.result() == http::status::not_found);
    CHECK(hidden.result() == missing.result());
    CHECK(hidden.body() == missing.body());
  }
  const std::string move = R"({"to":"lopend","on":"2024-04-10"})";
  const std::string transitions = "/api/v1/cases/2/transitions";
  const Response hidden = world.api.Handle(
      same_id(world.api.Build(http::verb::post, transitions, move, "application/json")));
  CHECK(hidden.result() == http::status::not_found);
  CHECK(hidden.body() ==
        alone.Handle(same_id(alone.Build(http::verb::post, transitions, move, "application/json")))
            .body());
  CHECK(world.api.audit_trail.Rows().back().event.result == "denied");
  CHECK(alone.audit_trail.Rows().back().event.result == "not_found");
}

TEST_CASE("The case list answers only the caller's kind, whatever the filters say",
          "[web][access]") {
  World world(Role::kWoonoverlast);
  CHECK(world.api.ListedIds("/api/v1/cases") == testing::IdList{1});
  CHECK(world.api.ListedIds("/api/v1/cases?kind=ondermijning").empty());
  CHECK(world.api.ListedIds("/api/v1/cases?kind=woonoverlast") == testing::IdList{1});
  world.api.role = Role::kOndermijning;
  CHECK(world.api.ListedIds("/api/v1/cases") == testing::IdList{2});
  CHECK(world.api.ListedIds("/api/v1/cases?kind=woonoverlast").empty());
  CHECK(world.api.ListedIds("/api/v1/cases?district=Centrum").empty());
}

TEST_CASE("A role refused a route is told 403 before its query or body is read", "[web][access]") {
  World world(Role::kAnalist);
  testing::RequireProblem(world.api.Get("/api/v1/cases?limit=9999"), http::status::forbidden,
                          "forbidden", "/api/v1/cases");
  testing::RequireProblem(world.api.Post("/api/v1/cases", "{not json"), http::status::forbidden,
                          "forbidden", "/api/v1/cases");
  testing::RequireProblem(world.api.Get("/api/v1/cases/abc"), http::status::forbidden, "forbidden",
                          "/api/v1/cases/abc");
  testing::RequireProblem(
      world.api.Send(http::verb::post, "/api/v1/signals", kSignalBody, "text/plain"),
      http::status::forbidden, "forbidden", "/api/v1/signals");
  const auto rows = world.api.audit_trail.Rows();
  REQUIRE(rows.size() >= 4);
  CHECK(rows.back().event.object == "signals");
  CHECK(rows.back().event.action == "write_signal");
  CHECK(rows.back().event.result == "denied");
  CHECK(world.api.StoredCaseCount() == 2);
}

}  // namespace
}  // namespace casus::web
