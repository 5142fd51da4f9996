#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "domain/reports/ondermijning_report.hpp"
#include "support/disclosure_attacker.hpp"
#include "web/report_json.hpp"
#include "web/report_routes.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::kMmaSignalBody;
using testing::kOndermijningBody;
using testing::ParseJson;
using testing::RequireProblem;

// 2023: a partner signal, an ondermijning casus reported (still lopend at the end of the
// year), a HEIT control. 2024: a meldpunt signal assessed into a new casus that goes through
// handhaving and sluiting to afgerond, an mma signal linked to it, the 2023 casus disproven,
// two control days and a knock-and-talk. A woonoverlast casus counts for neither year.
void RecordTwoYears(Api& api) {
  api.As(domain::Role::kWoonoverlast, [&] { api.Register(); });  // 1, woonoverlast
  api.Register(R"({"kind":"ondermijning","reported_on":"2023-06-01","themes":["witwassen"],)"
               R"("summary":"Wasstraat"})");  // 2
  REQUIRE(api.Transition(2, R"({"to":"lopend","on":"2023-06-02"})").result() == http::status::ok);
  api.Receive(R"({"received_on":"2023-12-01","source":"partner","themes":["witwassen"],)"
              R"("summary":"Melding Belastingdienst"})");  // 1
  REQUIRE(api.Post("/api/v1/activities", R"({"type":"heit_control","on":"2023-09-01"})").result() ==
          http::status::created);

  const auto meldpunt = api.Receive();  // 2, 2024-04-01
  const Response opened =
      api.Assess(meldpunt, R"({"decision":"new_case","reported_on":"2024-04-05",)"
                           R"("themes":["drugs"],"summary":"Loods Industrieweg"})");
  REQUIRE(opened.result() == http::status::created);
  const auto casus = Api::IdOf(opened);          // 3
  const auto mma = api.Receive(kMmaSignalBody);  // 3, 2024-04-03
  REQUIRE(
      api.Assess(mma, R"({"decision":"link","case_id":)" + std::to_string(casus) + "}").result() ==
      http::status::ok);
  for (
      const std::string body :
      {R"({"to":"lopend","on":"2024-04-10"})",
       R"({"to":"handhaving","on":"2024-05-01","partner":"Politie","measure":"sluiting"})",
       R"({"to":"sluiting","on":"2024-06-01","legal_basis":"art_13b_opiumwet","until":"2024-09-01"})",
       R"({"to":"afgerond","on":"2024-10-01","result":"onvoldoende_aanknopingspunten"})"}) {
    REQUIRE(api.Transition(casus, body).result() == http::status::ok);
  }
  REQUIRE(api.Transition(2, R"({"to":"ontkracht","on":"2024-02-01"})").result() ==
          http::status::ok);

  for (const char* body : {R"({"type":"control_day","on":"2024-05-14","companies_checked":6})",
                           R"({"type":"control_day","on":"2024-09-10","companies_checked":3})",
                           R"({"type":"knock_and_talk","on":"2024-06-03"})"}) {
    REQUIRE(api.Post("/api/v1/activities", body).result() == http::status::created);
  }
}

TEST_CASE("The ondermijning report JSON has exactly the dashboard's keys, every source and theme",
          "[web][report]") {
  const auto report = domain::BuildOndermijningReport(2024, {}, {}, {});
  const std::string figures_2023 =
      R"("year":2023,"peildatum":"2023-12-31",)"
      R"("signals":{"total":0,"by_source":{"mma":{"count":0,"percent":0},)"
      R"("meldpunt":{"count":0,"percent":0},"partner":{"count":0,"percent":0},)"
      R"("overig":{"count":0,"percent":0}},)"
      R"("by_theme":{"drugs":0,"prostitutie":0,"witwassen":0,"arbeidsuitbuiting":0,)"
      R"("illegale_bewoning":0,"overig":0}},)"
      R"("cases":{"handled":0,"started_before_year":0,"started_in_year":0,"closed":0,)"
      R"("continuing":0,"outcomes":{"ontkracht":0,"onvoldoende_aanknopingspunten":0,)"
      R"("handhaving":0,"sluiting":0}},)"
      R"("activities":{"control_days":0,"companies_checked":0,"knock_and_talk":0,)"
      R"("heit_controls":0})";
  std::string figures_2024 = figures_2023;
  figures_2024.replace(figures_2024.find("2023"), 4, "2024");
  figures_2024.replace(figures_2024.find("2023"), 4, "2024");
  CHECK(OndermijningReportJson(report) ==
        "{" + figures_2024 + R"(,"previous_year":{)" + figures_2023 + "}}");
}

TEST_CASE("The ondermijning report counts signals, casussen and activities of the year",
          "[web][report]") {
  Api api{domain::Role::kOndermijning};
  RecordTwoYears(api);
  const Response response = api.Get("/api/v1/reports/ondermijning/2024");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "application/json");
  const auto json = ParseJson(response.body());
  CHECK(json["year"].GetInt() == 2024);
  CHECK(std::string(json["peildatum"].GetString()) == "2024-12-31");

  const auto& signals = json["signals"];
  CHECK(signals["total"].GetInt() == 2);
  CHECK(signals["by_source"]["mma"]["count"].GetInt() == 1);
  CHECK(signals["by_source"]["mma"]["percent"].GetInt() == 50);
  CHECK(signals["by_source"]["meldpunt"]["count"].GetInt() == 1);
  CHECK(signals["by_source"]["meldpunt"]["percent"].GetInt() == 50);
  CHECK(signals["by_source"]["partner"]["count"].GetInt() == 0);
  CHECK(signals["by_theme"]["drugs"].GetInt() == 2);
  CHECK(signals["by_theme"]["prostitutie"].GetInt() == 1);
  CHECK(signals["by_theme"]["witwassen"].GetInt() == 0);

  const auto& cases = json["cases"];
  CHECK(cases["handled"].GetInt() == 2);
  CHECK(cases["started_before_year"].GetInt() == 1);
  CHECK(cases["started_in_year"].GetInt() == 1);
  CHECK(cases["closed"].GetInt() == 2);
  CHECK(cases["continuing"].GetInt() == 0);
  CHECK(cases["outcomes"]["ontkracht"].GetInt() == 1);
  CHECK(cases["outcomes"]["onvoldoende_aanknopingspunten"].GetInt() == 0);
  CHECK(cases["outcomes"]["handhaving"].GetInt() == 1);
  CHECK(cases["outcomes"]["sluiting"].GetInt() == 1);

  const auto& activities = json["activities"];
  CHECK(activities["control_days"].GetInt() == 2);
  CHECK(activities["companies_checked"].GetInt() == 9);
  CHECK(activities["knock_and_talk"].GetInt() == 1);
  CHECK(activities["heit_controls"].GetInt() == 0);

  const auto& previous = json["previous_year"];
  CHECK(previous["year"].GetInt() == 2023);
  CHECK(previous["signals"]["total"].GetInt() == 1);
  CHECK(previous["signals"]["by_source"]["partner"]["percent"].GetInt() == 100);
  CHECK(previous["cases"]["handled"].GetInt() == 1);
  CHECK(previous["cases"]["continuing"].GetInt() == 1);
  CHECK(previous["activities"]["heit_controls"].GetInt() == 1);
  CHECK_FALSE(previous.HasMember("previous_year"));
}

TEST_CASE("The ondermijning report as CSV is the domain's CSV", "[web][report]") {
  Api api{domain::Role::kOndermijning};
  RecordTwoYears(api);
  const Response response = api.Get("/api/v1/reports/ondermijning/2024?format=csv");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "text/csv; charset=utf-8");
  CHECK(Header(response, http::field::content_disposition) ==
        "attachment; filename=\"ondermijning-2024.csv\"");
  CHECK(response.body() ==
        domain::OndermijningReportCsv(api.services.ondermijning_reports.YearReport(2024)));
  CHECK_THAT(response.body(), Catch::Contains("signals,total,2\n"));
  CHECK(api.Get("/api/v1/reports/ondermijning/2024?format=json").body() ==
        api.Get("/api/v1/reports/ondermijning/2024").body());
}

TEST_CASE("A bad ondermijning report year, format or parameter is refused with 400",
          "[web][report]") {
  Api api{domain::Role::kOndermijning};
  for (const char* year : {"24", "02024", "1899", "3000", "twee"}) {
    const std::string target = std::string("/api/v1/reports/ondermijning/") + year;
    RequireProblem(api.Get(target), http::status::bad_request, "malformed-request", target);
  }
  const auto format = RequireProblem(api.Get("/api/v1/reports/ondermijning/2024?format=pdf"),
                                     http::status::bad_request, "malformed-request",
                                     "/api/v1/reports/ondermijning/2024");
  CHECK(format == "query parameter 'format' must be json, csv, text or html");
  RequireProblem(api.Get("/api/v1/reports/ondermijning/2024?jaar=2023"), http::status::bad_request,
                 "malformed-request", "/api/v1/reports/ondermijning/2024");
  RequireProblem(api.Get("/api/v1/reports/ondermijning/"), http::status::not_found, "not-found",
                 "/api/v1/reports/ondermijning/");
  RequireProblem(api.Get("/api/v1/reports/handhaving/2024"), http::status::not_found, "not-found",
                 "/api/v1/reports/handhaving/2024");
  const Response post =
      api.Send(http::verb::post, "/api/v1/reports/ondermijning/2024", "{}", "application/json");
  CHECK(Header(post, http::field::allow) == "GET");
}

TEST_CASE("suppress_below hides small ondermijning cells in both years, totals stay numbers",
          "[web][suppression]") {
  Api api{domain::Role::kOndermijning};
  RecordTwoYears(api);
  const Response response = api.Get("/api/v1/reports/ondermijning/2024?suppress_below=2");
  REQUIRE(response.result() == http::status::ok);
  const auto json = ParseJson(response.body());
  const auto& signals = json["signals"];
  CHECK(signals["total"].GetInt() == 2);
  CHECK(std::string(signals["by_source"]["mma"]["count"].GetString()) == "<2");
  CHECK(std::string(signals["by_source"]["mma"]["percent"].GetString()) == "<2");
  CHECK(signals["by_source"]["partner"]["count"].GetInt() == 0);
  CHECK(signals["by_source"]["partner"]["percent"].GetInt() == 0);
  CHECK(signals["by_theme"]["drugs"].GetInt() == 2);
  CHECK(std::string(signals["by_theme"]["prostitutie"].GetString()) == "<2");
  CHECK(signals["by_theme"]["witwassen"].GetInt() == 0);
  const auto& cases = json["cases"];
  CHECK(cases["handled"].GetInt() == 2);
  CHECK(cases["closed"].GetInt() == 2);
  CHECK(std::string(cases["outcomes"]["ontkracht"].GetString()) == "<2");
  CHECK(cases["outcomes"]["onvoldoende_aanknopingspunten"].GetInt() == 0);
  CHECK(std::string(cases["outcomes"]["sluiting"].GetString()) == "<2");
  CHECK(json["activities"]["control_days"].GetInt() == 2);
  CHECK(json["activities"]["knock_and_talk"].GetInt() == 1);  // activities are not people
  const auto& previous = json["previous_year"];
  CHECK(previous["signals"]["total"].GetInt() == 1);
  CHECK(std::string(previous["signals"]["by_source"]["partner"]["percent"].GetString()) == "<2");
  CHECK(previous["activities"]["heit_controls"].GetInt() == 1);

  CHECK(api.Get("/api/v1/reports/ondermijning/2024?suppress_below=1").body() ==
        api.Get("/api/v1/reports/ondermijning/2024").body());
}

TEST_CASE("suppress_below with format=csv is the domain's suppressed ondermijning CSV",
          "[web][suppression]") {
  Api api{domain::Role::kOndermijning};
  RecordTwoYears(api);
  const Response response =
      api.Get("/api/v1/reports/ondermijning/2024?suppress_below=3&format=csv");
  REQUIRE(response.result() == http::status::ok);
  CHECK(response.body() ==
        domain::OndermijningReportCsv(api.services.ondermijning_reports.YearReport(2024),
                                      domain::CellSuppression{3}));
  CHECK_THAT(response.body(), Catch::Contains("signals.by_source.mma,percent,<3\n"));
  RequireProblem(api.Get("/api/v1/reports/ondermijning/2024?suppress_below=0"),
                 http::status::bad_request, "malformed-request",
                 "/api/v1/reports/ondermijning/2024");
}

TEST_CASE("The ondermijning figures of a period count what fell in it, casussen at its last day",
          "[web][report]") {
  Api api{domain::Role::kOndermijning};
  RecordTwoYears(api);
  // April to June 2024: the meldpunt and mma signals; casus 3 in sluiting on 30 June (open),
  // casus 2 closed before April (not handled); the knock-and-talk and one control day.
  const Response response = api.Get("/api/v1/reports/ondermijning?from=2024-04-01&to=2024-06-30");
  REQUIRE(response.result() == http::status::ok);
  const auto json = ParseJson(response.body());
  CHECK(std::string(json["from"].GetString()) == "2024-04-01");
  CHECK(std::string(json["to"].GetString()) == "2024-06-30");
  CHECK(std::string(json["peildatum"].GetString()) == "2024-06-30");
  CHECK(!json.HasMember("year"));
  CHECK(json["signals"]["total"].GetInt() == 2);
  CHECK(json["signals"]["by_source"]["meldpunt"]["count"].GetInt() == 1);
  CHECK(json["signals"]["by_source"]["mma"]["percent"].GetInt() == 50);
  const auto& cases = json["cases"];
  CHECK(cases["handled"].GetInt() == 1);
  CHECK(cases["started_before_period"].GetInt() == 0);
  CHECK(cases["started_in_period"].GetInt() == 1);
  CHECK(cases["closed"].GetInt() == 0);
  CHECK(cases["continuing"].GetInt() == 1);
  CHECK(json["activities"]["control_days"].GetInt() == 1);
  CHECK(json["activities"]["companies_checked"].GetInt() == 6);
  CHECK(json["activities"]["knock_and_talk"].GetInt() == 1);

  const Response csv =
      api.Get("/api/v1/reports/ondermijning?from=2024-04-01&to=2024-06-30&format=csv");
  REQUIRE(csv.result() == http::status::ok);
  CHECK(Header(csv, http::field::content_disposition) ==
        "attachment; filename=\"ondermijning-2024-04-01-2024-06-30.csv\"");
  CHECK_THAT(csv.body(), Catch::StartsWith("section,key,value\nreport,from,2024-04-01\n"
                                           "report,to,2024-06-30\nreport,peildatum,2024-06-30\n"));
  CHECK_THAT(csv.body(), Catch::Contains("cases,started_in_period,1\n"));
}

TEST_CASE("The ondermijning figures of a calendar-year period are the year's figures",
          "[web][report]") {
  Api api{domain::Role::kOndermijning};
  RecordTwoYears(api);
  auto year = ParseJson(api.Get("/api/v1/reports/ondermijning/2024").body());
  const auto period =
      ParseJson(api.Get("/api/v1/reports/ondermijning?from=2024-01-01&to=2024-12-31").body());
  CHECK(period["signals"] == year["signals"]);
  CHECK(period["activities"] == year["activities"]);
  CHECK(period["cases"]["handled"] == year["cases"]["handled"]);
  CHECK(period["cases"]["started_before_period"] == year["cases"]["started_before_year"]);
  CHECK(period["cases"]["outcomes"] == year["cases"]["outcomes"]);
}

TEST_CASE("The 9 overig signals of 177 cannot be worked out from the API's JSON",
          "[web][suppression]") {
  Api api{domain::Role::kOndermijning};
  const auto receive = [&](const char* source, int count) {
    for (int i = 0; i < count; ++i) {
      api.Receive(std::string(R"({"received_on":"2024-05-01","source":")") + source +
                  R"(","themes":["drugs"],"summary":"s"})");
    }
  };
  receive("mma", 122);
  receive("meldpunt", 14);
  receive("partner", 32);
  receive("overig", 9);
  for (const std::string target :
       {"/api/v1/reports/ondermijning/2024?suppress_below=10",
        "/api/v1/reports/ondermijning?from=2024-01-01&to=2024-12-31&suppress_below=10"}) {
    INFO(target);
    const Response response = api.Get(target);
    REQUIRE(response.result() == http::status::ok);
    const auto json = ParseJson(response.body());
    const auto& signals = json["signals"];
    CHECK(signals["total"].GetInt() == 177);
    const auto& by_source = signals["by_source"];
    CHECK(by_source["mma"]["count"].GetInt() == 122);
    CHECK(by_source["partner"]["count"].GetInt() == 32);
    // Before: 177 - 122 - 14 - 32 = 9. Now 14 is hidden too: 23 for two cells.
    CHECK(std::string(by_source["overig"]["count"].GetString()) == "<10");
    CHECK(std::string(by_source["meldpunt"]["count"].GetString()) == "<10");
    CHECK(std::string(by_source["meldpunt"]["percent"].GetString()) == "<10");
    casus::testing::PublishedList published{{}, signals["total"].GetInt(), true};
    for (const char* source : {"mma", "meldpunt", "partner", "overig"}) {
      const auto& count = by_source[source]["count"];
      published.cells.push_back(count.IsInt() ? std::optional(count.GetInt()) : std::nullopt);
    }
    CHECK(casus::testing::DisclosureAttacker().CanDiffer(published, 9));
  }
  CHECK_THAT(api.Get("/api/v1/reports/ondermijning/2024?suppress_below=10&format=csv").body(),
             Catch::Contains("signals.by_source.overig,count,<10\n"));
}

}  // namespace
}  // namespace casus::web
