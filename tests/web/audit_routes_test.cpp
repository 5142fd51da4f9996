// The audit trail as the API writes and shows it: one row per read or write of a casus or
// signal, refusals included, and GET /api/v1/audit for the beheerder.

#include "web/audit_routes.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "api_fixture.hpp"

namespace casus::web {
namespace {

using domain::Role;
using testing::Api;
using testing::kOndermijningBody;
using testing::ParseJson;
using testing::RequireProblem;

// The rows of the audit trail as "token action object result", oldest first.
std::vector<std::string> Rows(Api& api) {
  std::vector<std::string> rows;
  for (const auto& row : api.audit_trail.Rows()) {
    const auto& e = row.event;
    rows.push_back(e.token + " " + e.action + " " + e.object + " " + e.result);
  }
  return rows;
}

using Lines = std::vector<std::string>;

TEST_CASE("Reads, writes and refusals of casussen and signals each leave one audit row",
          "[web][audit]") {
  Api api;
  api.Register();
  api.Get("/api/v1/cases/1");
  api.Transition(1, R"({"to":"lopend","on":"2024-03-05"})");
  api.Get("/api/v1/cases/1/history");
  api.Get("/api/v1/cases/9");
  api.Get("/api/v1/cases");
  api.Get("/api/v1/signals");  // not the woonoverlast team's
  api.As(Role::kOndermijning, [&] {
    api.Get("/api/v1/cases/1");  // another team's casus
    api.Receive();
    api.Get("/api/v1/signals/1");
  });
  api.As(Role::kAnalist, [&] { api.Get("/api/v1/cases/1"); });
  CHECK(Rows(api) == Lines{
                         "woonoverlast write_case cases/1 ok",
                         "woonoverlast read_case cases/1 ok",
                         "woonoverlast write_case cases/1/transitions ok",
                         "woonoverlast read_case cases/1/history ok",
                         "woonoverlast read_case cases/9 not_found",
                         "woonoverlast read_case cases ok",
                         "woonoverlast read_signal signals denied",
                         "ondermijning read_case cases/1 denied",
                         "ondermijning write_signal signals/1 ok",
                         "ondermijning read_signal signals/1 ok",
                         "analist read_case cases/1 denied",
                     });
  for (const auto& row : api.audit_trail.Rows()) {
    CHECK(row.event.client == testing::kClient);
    CHECK(row.event.at == "2025-01-15T12:00:00Z");
    CHECK(row.event.role == row.event.token);  // the fixture names tokens after their role
  }
}

TEST_CASE("A request refused for its shape with a valid token is audited once, nothing changed",
          "[web][audit]") {
  Api api;
  api.Register();
  api.Get("/api/v1/cases?limit=9999");                                           // 400, query
  api.Get("/api/v1/cases/abc");                                                  // 400, path
  api.Post("/api/v1/cases", "{not json");                                        // 400, body
  api.Send(http::verb::post, "/api/v1/cases", kOndermijningBody, "text/plain");  // 415
  api.Transition(1, R"({"to":"lopend","on":"someday"})");                        // 422, web value
  CHECK(Rows(api) == Lines{
                         "woonoverlast write_case cases/1 ok",
                         "woonoverlast read_case cases malformed",
                         "woonoverlast read_case cases/abc malformed",
                         "woonoverlast write_case cases malformed",
                         "woonoverlast write_case cases unsupported_media_type",
                         "woonoverlast write_case cases/1/transitions invalid",
                     });
  CHECK(api.StoredCaseCount() == 1);
}

TEST_CASE("A write the domain refuses is audited with its outcome", "[web][audit]") {
  Api api;
  api.Register();
  api.Transition(1, R"({"to":"afgerond","on":"2024-03-05","result":"opgelost"})");  // not yet
  api.Transition(1, R"({"to":"lopend","on":"2024-03-05"})", "\"7\"");
  api.Post("/api/v1/cases", kOndermijningBody);  // not the woonoverlast team's kind
  CHECK(Rows(api) == Lines{
                         "woonoverlast write_case cases/1 ok",
                         "woonoverlast write_case cases/1/transitions forbidden_transition",
                         "woonoverlast write_case cases/1/transitions stale_version",
                         "woonoverlast write_case cases denied",
                     });
}

TEST_CASE("GET /api/v1/audit answers the beheerder the rows of one object with their fields",
          "[web][audit]") {
  Api api;
  api.Register();
  api.Register();
  api.Get("/api/v1/cases/1");
  api.Get("/api/v1/cases/2");
  api.As(Role::kOndermijning, [&] { api.Get("/api/v1/cases/1"); });
  api.role = Role::kBeheerder;
  const Response response = api.Get("/api/v1/audit?object=cases/1");
  REQUIRE(response.result() == http::status::ok);
  CHECK(testing::Header(response, http::field::content_type) == "application/json");
  CHECK(response.body() ==
        R"({"items":[)"
        R"({"id":1,"at":"2025-01-15T12:00:00Z","token":"woonoverlast","role":"woonoverlast",)"
        R"("action":"write_case","object":"cases/1","result":"ok","client":"192.0.2.7",)"
        R"("hash":"","count":1},)"
        R"({"id":3,"at":"2025-01-15T12:00:00Z","token":"woonoverlast","role":"woonoverlast",)"
        R"("action":"read_case","object":"cases/1","result":"ok","client":"192.0.2.7",)"
        R"("hash":"","count":1},)"
        R"({"id":5,"at":"2025-01-15T12:00:00Z","token":"ondermijning","role":"ondermijning",)"
        R"("action":"read_case","object":"cases/1","result":"denied","client":"192.0.2.7",)"
        R"("hash":"","count":1}],"next":null})");
  // Percent-encoded, the object is the same.
  CHECK(api.Get("/api/v1/audit?object=cases%2F1").body() == response.body());
  // Reading the trail is audited too.
  CHECK(Rows(api).back() == "beheerder read_audit audit ok");
}

TEST_CASE("A casus's audit trail holds everything under it and its linked signals",
          "[web][audit]") {
  Api api{Role::kOndermijning};
  api.Receive();  // signal 1
  api.Post("/api/v1/signals/1/assessment",
           R"({"decision":"new_case","on":"2024-04-05","reported_on":"2024-04-05",)"
           R"("themes":["drugs"],"summary":"Onderzoek loods","district":"Rokkeveen"})");
  api.Receive();  // signal 2, unrelated
  api.Get("/api/v1/cases/1/history");
  api.Transition(1, R"({"to":"afgerond","on":"2024-01-01","result":"opgelost"})");  // refused
  api.Post("/api/v1/cases/1/transitions", R"({"to":)");  // 400, its shape
  api.Get("/api/v1/cases/10");
  api.role = Role::kBeheerder;
  const auto objects = [&](const std::string& query) {
    std::vector<std::string> found;
    const auto page = ParseJson(api.Get("/api/v1/audit" + query).body());
    for (const auto& item : page["items"].GetArray()) {
      found.push_back(std::string(item["object"].GetString()) + " " + item["result"].GetString());
    }
    return found;
  };
  CHECK(objects("?object=cases/1") == Lines{
                                          "signals/1 ok",
                                          "signals/1/assessment ok",
                                          "cases/1/history ok",
                                          "cases/1/transitions forbidden_transition",
                                          "cases/1/transitions malformed",
                                      });
  CHECK(objects("?object=cases/1/history") == Lines{"cases/1/history ok"});
  CHECK(objects("?object=cases/1&result=malformed") == Lines{"cases/1/transitions malformed"});
  CHECK(objects("?object=signals/2") == Lines{"signals/2 ok"});
  CHECK(objects("?action=write_signal&token=ondermijning") ==
        Lines{"signals/1 ok", "signals/1/assessment ok", "signals/2 ok"});
  CHECK(objects("?object=cases/10") == Lines{"cases/10 not_found"});
}

TEST_CASE("The audit trail pages with limit and after", "[web][audit]") {
  Api api;
  for (int i = 0; i < 5; ++i) api.Get("/api/v1/cases");
  api.role = Role::kBeheerder;
  const auto first = ParseJson(api.Get("/api/v1/audit?limit=2").body());
  REQUIRE(first["items"].Size() == 2);
  CHECK(first["items"][0]["id"].GetInt64() == 1);
  CHECK(first["next"].GetInt64() == 2);
  const auto second = ParseJson(api.Get("/api/v1/audit?limit=2&after=2").body());
  REQUIRE(second["items"].Size() == 2);
  CHECK(second["items"][0]["id"].GetInt64() == 3);
  CHECK(second["next"].GetInt64() == 4);
  // Rows 5 and the two reads above: the trail grows while it is read.
  const auto last = ParseJson(api.Get("/api/v1/audit?after=4").body());
  CHECK(last["items"].Size() == 3);
  CHECK(last["next"].IsNull());
}

TEST_CASE("GET /api/v1/audit takes dates and UTC instants for from and to", "[web][audit]") {
  Api api{Role::kBeheerder};
  for (const char* query :
       {"?from=2025-01-15", "?to=2025-01-15", "?from=2025-01-15T00:00:00Z&to=2025-01-15T23:59:59Z",
        "?object=signals/3&from=2024-02-29&to=2025-12-31T12:00:00Z&limit=500&after=0",
        "?token=Jan%20de%20Vries&action=read_case&result=not_found"}) {
    INFO(query);
    CHECK(api.Get(std::string("/api/v1/audit") + query).result() == http::status::ok);
  }
}

TEST_CASE("A bad audit query is refused with 400", "[web][audit]") {
  Api api{Role::kBeheerder};
  for (const char* query :
       {"?from=15-01-2025", "?from=2025-02-30", "?to=2025-01-15T24:00:00Z",
        "?to=2025-01-15T12:00:00", "?to=2025-01-15 12:00:00Z", "?from=2025-01-15T12:00Z",
        "?from=2025-01-15T12:00:00+01:00", "?from=gisteren", "?limit=0", "?limit=501", "?after=-1",
        "?object=a&object=b", "?token=a%0Ab", "?action=read", "?action=READ_CASE",
        "?result=ok&result=denied", "?subject=cases/1"}) {
    INFO(query);
    RequireProblem(api.Get(std::string("/api/v1/audit") + query), http::status::bad_request,
                   "malformed-request", "/api/v1/audit");
  }
}

}  // namespace
}  // namespace casus::web
