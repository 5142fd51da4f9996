// Authorization: Bearer on every /api/v1 route: without a valid token a request gets 401,
// touches nothing and leaves one audit row.

#include <string>

#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "web/query_string.hpp"

namespace casus::web {
namespace {

using domain::Role;
using testing::Api;
using testing::Header;
using testing::kWoonoverlastBody;
using testing::RequireProblem;

// A POST /api/v1/cases as Api::Build makes it, its Authorization replaced by `authorization`
// (none when nullopt).
Request PostCaseWith(const Api& api, const std::optional<std::string>& authorization,
                     const std::string& body = kWoonoverlastBody,
                     const std::string& content_type = "application/json") {
  Request request = api.Build(http::verb::post, "/api/v1/cases", body, content_type);
  request.erase(http::field::authorization);
  if (authorization) request.set(http::field::authorization, *authorization);
  return request;
}

void RequireUnauthenticated(const Response& response, const std::string& instance) {
  RequireProblem(response, http::status::unauthorized, "unauthenticated", instance);
  CHECK(Header(response, http::field::www_authenticate) == "Bearer");
}

// The last audit row records a refused, unidentified attempt from the fixture's client, once
// the refusals counted so far are written (their minute is over, or the server stops).
void RequireUnauthenticatedRow(Api& api, const std::string& action, const std::string& object) {
  api.services.gate.FlushRefusals(/*all=*/true);
  const auto rows = api.audit_trail.Rows();
  REQUIRE_FALSE(rows.empty());
  const auto& event = rows.back().event;
  CHECK(event.at == "2025-01-15T12:00:00Z");
  CHECK(event.token == "-");
  CHECK(event.role == "-");
  CHECK(event.action == action);
  CHECK(event.object == object);
  CHECK(event.result == "unauthenticated");
  CHECK(event.client == testing::kClient);
}

TEST_CASE("A request without a valid bearer token is 401, stores nothing and is audited",
          "[web][auth]") {
  Api api;
  api.services.tokens.Revoke("beheerder");
  REQUIRE(api.token_store.Create(
      {{"expired", Role::kWoonoverlast, "2024-01-01T00:00:00Z", domain::Date(2025, 1, 14)},
       api.crypto.Hash("old-secret")}));
  const std::string valid = api.secrets.at(Role::kWoonoverlast);
  const std::optional<std::string> refused[] = {
      std::nullopt,                                  // no header
      "Basic d286c2VjcmV0",                          // another scheme
      "Bearer",                                      // no token
      "Bearer ",                                     // an empty token
      valid,                                         // no scheme
      "garbage",                                     //
      "Bearer secret-999",                           // unknown
      "Bearer " + valid + "x",                       // almost right
      "Bearer  " + valid,                            // not quite the token
      "Bearer old-secret",                           // expired yesterday
      "Bearer " + api.secrets.at(Role::kBeheerder),  // revoked
      "Bearer " + std::string(600, 'a'),             // over-long
  };
  for (const auto& authorization : refused) {
    INFO(authorization.value_or("(none)"));
    const std::size_t rows = api.audit_trail.Rows().size();
    RequireUnauthenticated(api.Handle(PostCaseWith(api, authorization)), "/api/v1/cases");
    RequireUnauthenticatedRow(api, "write_case", "cases");
    CHECK(api.audit_trail.Rows().size() == rows + 1);
  }
  CHECK(api.StoredCaseCount() == 0);
  CHECK(api.ListedIds("/api/v1/cases").empty());
}

TEST_CASE("The token of every role is accepted, the scheme in any case", "[web][auth]") {
  Api api;
  const std::string secret = api.secrets.at(Role::kWoonoverlast);
  for (const char* scheme : {"Bearer ", "bearer ", "BEARER "}) {
    CHECK(api.Handle(PostCaseWith(api, scheme + secret)).result() == http::status::created);
  }
  for (const Role role : domain::AllOf<Role>()) {
    api.role = role;
    CHECK(api.Get("/api/v1/cases").result() != http::status::unauthorized);
  }
}

TEST_CASE("Two Authorization fields are refused even when one holds a valid token", "[web][auth]") {
  Api api;
  Request request = api.Build(http::verb::get, "/api/v1/cases");
  request.insert(http::field::authorization, "Bearer nonsense");
  RequireUnauthenticated(api.Handle(request), "/api/v1/cases");
}

TEST_CASE("Without a token nothing of the request is read: bad bodies, ids and queries are 401",
          "[web][auth]") {
  Api api;
  RequireUnauthenticated(api.Handle(PostCaseWith(api, std::nullopt, "{not json")), "/api/v1/cases");
  RequireUnauthenticated(
      api.Handle(PostCaseWith(api, std::nullopt, kWoonoverlastBody, "text/plain")),
      "/api/v1/cases");
  for (const char* target : {"/api/v1/cases/abc", "/api/v1/cases?limit=9999",
                             "/api/v1/reports/woonoverlast/24", "/api/v1/audit?from=gisteren"}) {
    Request request{http::verb::get, target, 11};
    RequireUnauthenticated(api.Handle(request), std::string(SplitTarget(target).path));
  }
  // Six refusals from one client in one minute: one row, the first of them, counting all.
  RequireUnauthenticatedRow(api, "write_case", "cases");
  CHECK(api.audit_trail.Rows().size() == 1);
  CHECK(api.audit_trail.Rows().back().event.count == 6);
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("The audit row of a refused request names the object by its path, made safe",
          "[web][auth]") {
  Api api;
  api.Handle(Request{http::verb::get, "/api/v1/cases/7/history", 11});
  RequireUnauthenticatedRow(api, "read_case", "cases/7/history");
  api.Handle(Request{http::verb::post, "/api/v1/signals/3/assessment", 11});
  RequireUnauthenticatedRow(api, "write_signal", "signals/3/assessment");
  api.Handle(Request{http::verb::get, "/api/v1/reports/ondermijning/2024?format=csv", 11});
  RequireUnauthenticatedRow(api, "read_ondermijning_report", "reports/ondermijning/2024");
  api.Handle(Request{http::verb::get, "/api/v1/cases/\xff\"" + std::string(300, 'x'), 11});
  api.services.gate.FlushRefusals(/*all=*/true);
  const std::string object = api.audit_trail.Rows().back().event.object;
  CHECK(object.starts_with("cases/%FF%22xxx"));
  CHECK(object.size() == 203);
  CHECK(object.ends_with("..."));
}

TEST_CASE("/healthz, unknown routes and wrong methods need no token and are not audited",
          "[web][auth]") {
  Api api;
  CHECK(api.Handle(Request{http::verb::get, "/healthz", 11}).result() == http::status::ok);
  RequireProblem(api.Handle(Request{http::verb::get, "/api/v1/zaken", 11}), http::status::not_found,
                 "not-found", "/api/v1/zaken");
  const Response put = api.Handle(Request{http::verb::put, "/api/v1/cases", 11});
  RequireProblem(put, http::status::method_not_allowed, "method-not-allowed", "/api/v1/cases");
  CHECK(Header(put, http::field::allow) == "GET, POST");
  CHECK(api.audit_trail.Rows().empty());
}

}  // namespace
}  // namespace casus::web
