// Access control over the wire, on real tokens (SHA-256 hashes in SQLite) and the real
// hash-chained audit trail: a team sees only its own casussen, and the beheerder reads back
// who did what from where.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "running_server.hpp"
#include "web/router.hpp"

namespace casus::e2e {
namespace {

using domain::Role;

// Words that occur only in the ondermijning team's data below.
const std::vector<std::string> kOndermijningWords = {"Hennep", "Industrieweg", "de Vries",
                                                     "Lansinghage", ":\"ondermijning\""};

// Casus 1 and signal 1 of the ondermijning team (with a reporter and an address), an activity
// of theirs, and casus 2 of the woonoverlast team.
void RecordBothTeams(RunningServer& running) {
  HttpClient ondermijning = running.Client(Role::kOndermijning);
  REQUIRE(ondermijning
              .Post("/api/v1/signals",
                    R"({"received_on":"2024-04-01","source":"meldpunt","themes":["drugs"],)"
                    R"("summary":"Hennep bij loods","district":"Rokkeveen",)"
                    R"("address":{"street":"Industrieweg","number":"7","postcode":"2712 LB"},)"
                    R"("reporter":{"name":"J. de Vries"}})")
              .result() == http::status::created);
  REQUIRE(ondermijning
              .Post("/api/v1/signals/1/assessment",
                    R"({"decision":"new_case","reported_on":"2024-04-05","themes":["drugs"],)"
                    R"("summary":"Hennepkwekerij Industrieweg"})")
              .result() == http::status::created);
  REQUIRE(ondermijning
              .Post("/api/v1/activities",
                    R"({"type":"knock_and_talk","on":"2024-06-03","business_park":"Lansinghage"})")
              .result() == http::status::created);
  HttpClient woonoverlast = running.Client(Role::kWoonoverlast);
  REQUIRE(woonoverlast
              .Post("/api/v1/cases",
                    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
                    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Muziek"})")
              .result() == http::status::created);
}

// A path of `pattern` with every {name} filled in.
std::string Instantiate(std::string pattern, const std::string& id) {
  for (const auto& [name, value] : {std::pair<std::string, std::string>{"{id}", id},
                                    std::pair<std::string, std::string>{"{year}", "2024"}}) {
    if (const auto at = pattern.find(name); at != std::string::npos) {
      pattern.replace(at, name.size(), value);
    }
  }
  return pattern;
}

TEST_CASE("Over HTTP a woonoverlast token reads no ondermijning data by any route",
          "[e2e][access]") {
  RunningServer running;
  RecordBothTeams(running);
  HttpClient client = running.Client(Role::kWoonoverlast);
  int answered = 0;
  for (const web::RouteInfo& route : web::Router::Routes()) {
    for (const std::string id : {"1", "2"}) {
      for (const std::string query : {"", "?kind=ondermijning", "?format=csv"}) {
        const std::string target = Instantiate(std::string(route.pattern), id) + query;
        INFO(std::string(web::ToStd(http::to_string(route.method))) << " " << target);
        Request request{route.method, target, 11};
        if (route.method == http::verb::post) {
          request.set(http::field::content_type, "application/json");
          request.body() = R"({"to":"lopend","on":"2024-04-10"})";
        }
        const Response response = client.Send(request);
        ++answered;
        for (const std::string& word : kOndermijningWords) {
          CHECK(response.body().find(word) == std::string::npos);
        }
      }
    }
  }
  CHECK(answered == 6 * static_cast<int>(web::Router::Routes().size()));

  // And the refusals say so plainly: hidden as missing, or forbidden outright.
  CHECK(client.Get("/api/v1/cases/1").result() == http::status::not_found);
  CHECK(client.Get("/api/v1/cases/1/history").result() == http::status::not_found);
  CHECK(client.Get("/api/v1/signals/1").result() == http::status::forbidden);
  CHECK(client.Get("/api/v1/activities").result() == http::status::forbidden);
  CHECK(client.Get("/api/v1/reports/ondermijning/2024").result() == http::status::forbidden);
  CHECK(client.Get("/api/v1/audit").result() == http::status::forbidden);
  const auto own = Json(client.Get("/api/v1/cases"));
  REQUIRE(own["items"].Size() == 1);
  CHECK(own["items"][0]["id"].GetInt64() == 2);
  // The ondermijning casus is untouched by the transitions tried above.
  CHECK(std::string(Json(running.Client(Role::kOndermijning).Get("/api/v1/cases/1"))["state"]
                        .GetString()) == "gemeld");
}

TEST_CASE("Over HTTP the beheerder reads who read a casus, from where, in the audit trail",
          "[e2e][access][audit]") {
  RunningServer running;
  RecordBothTeams(running);
  REQUIRE(running.Client(Role::kOndermijning).Get("/api/v1/cases/1").result() == http::status::ok);
  REQUIRE(running.Client(Role::kWoonoverlast).Get("/api/v1/cases/1").result() ==
          http::status::not_found);
  REQUIRE(HttpClient(running.port).Get("/api/v1/cases/1").result() == http::status::unauthorized);
  running.services.gate.FlushRefusals(/*all=*/true);  // as the server does when a minute is over

  HttpClient beheerder = running.Client(Role::kBeheerder);
  const Response response = beheerder.Get("/api/v1/audit?object=cases/1&action=read_case");
  REQUIRE(response.result() == http::status::ok);
  const auto page = Json(response);
  REQUIRE(page["items"].Size() == 3);
  const auto& rows = page["items"];
  const auto text = [&](int i, const char* key) { return std::string(rows[i][key].GetString()); };
  CHECK(text(0, "token") == "ondermijning");
  CHECK(text(0, "result") == "ok");
  CHECK(text(1, "token") == "woonoverlast");
  CHECK(text(1, "role") == "woonoverlast");
  CHECK(text(1, "result") == "denied");
  CHECK(text(2, "token") == "-");
  CHECK(text(2, "result") == "unauthenticated");
  for (int i = 0; i < 3; ++i) {
    CHECK(text(i, "action") == "read_case");
    CHECK(text(i, "object") == "cases/1");
    CHECK(text(i, "client") == "127.0.0.1");
    CHECK(text(i, "at") == "2025-01-15T12:00:00Z");
    CHECK(text(i, "hash").size() == 64);
  }
  CHECK(page["next"].IsNull());

  // Paged one at a time, and filtered by period.
  const auto first = Json(beheerder.Get("/api/v1/audit?object=cases/1&action=read_case&limit=1"));
  REQUIRE(first["items"].Size() == 1);
  const auto after = first["next"].GetInt64();
  const auto second = Json(beheerder.Get(
      "/api/v1/audit?object=cases/1&action=read_case&limit=1&after=" + std::to_string(after)));
  CHECK(std::string(second["items"][0]["token"].GetString()) == "woonoverlast");
  const auto count = [&](const std::string& period) {
    const Response answer = beheerder.Get("/api/v1/audit?object=cases/1&action=read_case" + period);
    REQUIRE(answer.result() == http::status::ok);
    return Json(answer)["items"].Size();
  };
  CHECK(count("&from=2025-01-15&to=2025-01-15") == 3);
  CHECK(count("&from=2025-01-15T12:00:00Z") == 3);
  CHECK(count("&from=2025-01-16") == 0);
  CHECK(count("&to=2025-01-14") == 0);
  CHECK(count("&to=2025-01-15T11:59:59Z") == 0);
  CHECK(beheerder.Get("/api/v1/audit?from=morgen").result() == http::status::bad_request);
  CHECK(running.audit_trail.Verify().intact);
}

TEST_CASE(
    "Over HTTP a request without a valid token is 401, stores nothing and is counted in one "
    "audit row per client and minute",
    "[e2e][access]") {
  RunningServer running;
  const std::string body =
      R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
      R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Muziek"})";
  running.services.tokens.Revoke("woonoverlast");
  for (const std::string& token :
       {std::string(), std::string("casus_nonsense"), running.Token(Role::kWoonoverlast)}) {
    HttpClient client(running.port, token);
    const Response refused = client.Post("/api/v1/cases", body);
    CHECK(refused.result() == http::status::unauthorized);
    CHECK(Field(refused, http::field::www_authenticate) == "Bearer");
    CHECK(Field(refused, http::field::content_type) == "application/problem+json");
  }
  domain::CaseFilter all;
  all.limit = domain::CaseService::kMaxPageSize;
  CHECK(running.cases.List(all).items.empty());
  domain::AuditFilter unauthenticated;
  unauthenticated.objects = {"cases"};
  CHECK(running.audit_trail.Query(unauthenticated).items.empty());  // the minute is not over
  running.services.gate.FlushRefusals(/*all=*/true);
  const auto rows = running.audit_trail.Query(unauthenticated).items;
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event.result == "unauthenticated");
  CHECK(rows[0].event.client == "127.0.0.1");
  CHECK(rows[0].event.count == 3);
  CHECK(running.audit_trail.Verify().intact);
}

}  // namespace
}  // namespace casus::e2e
