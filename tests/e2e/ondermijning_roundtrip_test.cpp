// The ondermijning API over the real server and a real SQLite file: signals received and
// assessed, a casus enforced and closed, activities recorded, the year report read back.

#include <string>

#include <catch2/catch.hpp>

#include "running_server.hpp"

namespace casus::e2e {
namespace {

Response Transition(HttpClient& client, const std::string& body) {
  return client.Post("/api/v1/cases/1/transitions", body);
}

std::string Text(const rapidjson::Value& value) {
  REQUIRE(value.IsString());
  return value.GetString();
}

TEST_CASE("Over HTTP signals become a casus that is enforced, closed and reported", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(domain::Role::kOndermijning);

  // Signals: one from the meldpunt with its reporter, one anonymous, one from last year; an
  // anonymous one with reporter details is refused and leaves nothing behind.
  const Response meldpunt = client.Post(
      "/api/v1/signals", R"({"received_on":"2024-04-01","source":"meldpunt","themes":["drugs"],)"
                         R"("summary":"Stank van hennep bij loods","district":"Rokkeveen",)"
                         R"("address":{"street":"Industrieweg","number":"7","postcode":"2712 LB"},)"
                         R"("reporter":{"name":"J. de Vries","email":"jdv@example.nl"}})");
  REQUIRE(meldpunt.result() == http::status::created);
  CHECK(Field(meldpunt, http::field::location) == "/api/v1/signals/1");
  CHECK(Field(meldpunt, http::field::etag) == "\"1\"");
  CHECK(Text(Json(meldpunt)["reporter"]["email"]) == "jdv@example.nl");
  const std::string mma_body =
      R"({"received_on":"2024-04-03","source":"mma","themes":["drugs","prostitutie"],)"
      R"("summary":"Anonieme melding drugshandel"})";
  REQUIRE(client.Post("/api/v1/signals", mma_body).result() == http::status::created);
  REQUIRE(client
              .Post("/api/v1/signals",
                    R"({"received_on":"2023-11-20","source":"partner","themes":["witwassen"],)"
                    R"("summary":"Melding Belastingdienst"})")
              .result() == http::status::created);
  std::string named_mma = mma_body;
  named_mma.insert(named_mma.size() - 1, R"(,"reporter":{"name":"Anoniem"})");
  const Response refused = client.Post("/api/v1/signals", named_mma);
  CHECK(refused.result() == http::status::unprocessable_entity);
  CHECK(Json(client.Get("/api/v1/signals"))["items"].Size() == 3);

  // The meldpunt signal opens a casus; the anonymous one is linked to it, once.
  const Response opened =
      client.Post("/api/v1/signals/1/assessment",
                  R"({"decision":"new_case","on":"2024-04-05","reported_on":"2024-04-05",)"
                  R"("themes":["drugs"],"summary":"Loods Industrieweg","district":"Rokkeveen"})");
  REQUIRE(opened.result() == http::status::created);
  CHECK(Field(opened, http::field::location) == "/api/v1/cases/1");
  CHECK(Text(Json(opened)["kind"]) == "ondermijning");
  const Response linked = client.Post("/api/v1/signals/2/assessment",
                                      R"({"decision":"link","case_id":1,"on":"2024-04-06"})");
  REQUIRE(linked.result() == http::status::ok);
  CHECK(Text(Json(linked)["status"]) == "linked");
  CHECK(Json(linked)["assessment"]["case_id"].GetInt64() == 1);
  CHECK(client.Post("/api/v1/signals/2/assessment", R"({"decision":"dismiss","reason":"x"})")
            .result() == http::status::conflict);
  const auto casus = Json(client.Get("/api/v1/cases/1"));
  REQUIRE(casus["signal_ids"].Size() == 2);
  CHECK(casus["signal_ids"][0].GetInt64() == 1);
  CHECK(casus["signal_ids"][1].GetInt64() == 2);
  CHECK(Text(casus["themes"][0]) == "drugs");
  CHECK(Json(client.Get("/api/v1/signals?status=linked"))["items"].Size() == 2);

  // Enforcement: handhaving by the police, a closure under art. 13b, then closed.
  REQUIRE(Transition(client, R"({"to":"lopend","on":"2024-04-10"})").result() == http::status::ok);
  REQUIRE(Transition(client, R"({"to":"handhaving","on":"2024-05-01","partner":"Politie",)"
                             R"("measure":"bestuurlijke_waarschuwing"})")
              .result() == http::status::ok);
  CHECK(Transition(client, R"({"to":"sluiting","on":"2024-06-01"})").result() ==
        http::status::unprocessable_entity);
  REQUIRE(Transition(client, R"({"to":"sluiting","on":"2024-06-01",)"
                             R"("legal_basis":"art_13b_opiumwet","until":"2024-09-01"})")
              .result() == http::status::ok);
  const Response closed = Transition(
      client, R"({"to":"afgerond","on":"2024-10-01","result":"onvoldoende_aanknopingspunten"})");
  REQUIRE(closed.result() == http::status::ok);
  CHECK(Field(closed, http::field::etag) == "\"5\"");
  const auto history = Json(client.Get("/api/v1/cases/1/history"));
  REQUIRE(history.Size() == 5);
  CHECK(Text(history[2]["partner"]) == "Politie");
  CHECK(Text(history[2]["measure"]) == "bestuurlijke_waarschuwing");
  CHECK(history[2]["until"].IsNull());
  CHECK(Text(history[3]["legal_basis"]) == "art_13b_opiumwet");
  CHECK(Text(history[3]["until"]) == "2024-09-01");
  CHECK(Text(history[4]["result"]) == "onvoldoende_aanknopingspunten");

  // Activities of the year, one of them about the casus.
  const Response control_day =
      client.Post("/api/v1/activities",
                  R"({"type":"control_day","on":"2024-05-14","companies_checked":6,)"
                  R"("partners":["Politie","Arbeidsinspectie"],"findings":"Twee overtredingen",)"
                  R"("case_ids":[1]})");
  REQUIRE(control_day.result() == http::status::created);
  CHECK(Json(control_day)["case_ids"][0].GetInt64() == 1);
  CHECK(Text(Json(control_day)["partners"][1]) == "Arbeidsinspectie");
  CHECK(client.Post("/api/v1/activities", R"({"type":"control_day","on":"2024-05-15"})").result() ==
        http::status::unprocessable_entity);
  REQUIRE(client
              .Post("/api/v1/activities",
                    R"({"type":"knock_and_talk","on":"2024-06-03","business_park":"Lansinghage"})")
              .result() == http::status::created);
  REQUIRE(client
              .Post("/api/v1/activities",
                    R"({"type":"heit_control","on":"2024-07-01","heit_type":"autobedrijven"})")
              .result() == http::status::created);
  CHECK(Json(client.Get("/api/v1/activities?year=2024&type=control_day"))["items"].Size() == 1);

  // The year report, read back from the database.
  const Response report = client.Get("/api/v1/reports/ondermijning/2024");
  REQUIRE(report.result() == http::status::ok);
  const auto figures = Json(report);
  CHECK(figures["signals"]["total"].GetInt() == 2);
  CHECK(figures["signals"]["by_source"]["mma"]["count"].GetInt() == 1);
  CHECK(figures["signals"]["by_source"]["mma"]["percent"].GetInt() == 50);
  CHECK(figures["signals"]["by_source"]["meldpunt"]["percent"].GetInt() == 50);
  CHECK(figures["signals"]["by_theme"]["drugs"].GetInt() == 2);
  CHECK(figures["signals"]["by_theme"]["prostitutie"].GetInt() == 1);
  CHECK(figures["cases"]["handled"].GetInt() == 1);
  CHECK(figures["cases"]["started_in_year"].GetInt() == 1);
  CHECK(figures["cases"]["closed"].GetInt() == 1);
  CHECK(figures["cases"]["continuing"].GetInt() == 0);
  CHECK(figures["cases"]["outcomes"]["handhaving"].GetInt() == 1);
  CHECK(figures["cases"]["outcomes"]["sluiting"].GetInt() == 1);
  CHECK(figures["cases"]["outcomes"]["ontkracht"].GetInt() == 0);
  CHECK(figures["activities"]["control_days"].GetInt() == 1);
  CHECK(figures["activities"]["companies_checked"].GetInt() == 6);
  CHECK(figures["activities"]["knock_and_talk"].GetInt() == 1);
  CHECK(figures["activities"]["heit_controls"].GetInt() == 1);
  CHECK(figures["previous_year"]["signals"]["total"].GetInt() == 1);
  CHECK(figures["previous_year"]["signals"]["by_source"]["partner"]["percent"].GetInt() == 100);
  CHECK(figures["previous_year"]["cases"]["handled"].GetInt() == 0);

  const Response csv = client.Get("/api/v1/reports/ondermijning/2024?format=csv");
  REQUIRE(csv.result() == http::status::ok);
  CHECK(Field(csv, http::field::content_type) == "text/csv; charset=utf-8");
  CHECK(csv.body().find("signals.by_source.mma,percent,50\n") != std::string::npos);
}

}  // namespace
}  // namespace casus::e2e
