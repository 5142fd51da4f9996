#include "web/report_routes.hpp"

#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "domain/reports/cell_suppression.hpp"
#include "domain/reports/report_paragraph.hpp"
#include "domain/reports/woonoverlast_report.hpp"
#include "support/disclosure_attacker.hpp"
#include "web/report_html.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::ParseJson;
using testing::RequireProblem;

// Two casussen in Centrum (koop): one reported in 2023 and closed in 2024, one reported in 2024
// and still open; one in De Leyens (particulier) reported in 2024.
void RegisterThree(Api& api) {
  api.Register(R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
               R"("reported_on":"2023-06-01","categories":["geluid"],"summary":"a"})");
  REQUIRE(api.Transition(1, R"({"to":"lopend","on":"2023-06-02"})").result() == http::status::ok);
  REQUIRE(
      api.Transition(1, R"({"to":"afgerond","on":"2024-02-01","result":"opgelost"})").result() ==
      http::status::ok);
  api.Register(R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
               R"("reported_on":"2024-03-01","categories":["zorg"],"summary":"b"})");
  api.Register(R"({"kind":"woonoverlast","district":"De Leyens","housing_type":"particulier",)"
               R"("reported_on":"2024-04-01","categories":["vervuiling"],"summary":"c"})");
}

TEST_CASE("The woonoverlast report is Tabel 5.1 as JSON", "[web]") {
  Api api;
  RegisterThree(api);
  const Response response = api.Get("/api/v1/reports/woonoverlast/2024");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "application/json");
  const auto json = ParseJson(response.body());
  CHECK(json["year"].GetInt() == 2024);
  CHECK(std::string(json["peildatum"].GetString()) == "2024-12-31");
  REQUIRE(json["rows"].Size() == 8);
  const auto& centrum = json["rows"][0];
  CHECK(std::string(centrum["district"].GetString()) == "Centrum");
  CHECK(centrum["koop"]["lopend"].GetInt() == 1);
  CHECK(centrum["koop"]["afgerond"].GetInt() == 1);
  CHECK(centrum["corporatie"]["lopend"].GetInt() == 0);
  CHECK(centrum["particulier"]["afgerond"].GetInt() == 0);
  CHECK(centrum["total"].GetInt() == 2);
  CHECK(centrum["district_code"].IsNull());  // migration 002's wijken have none until loaded
  CHECK(centrum.MemberCount() == 6);
  CHECK(std::string(json["rows"][3]["district"].GetString()) == "De Leyens");
  CHECK(json["rows"][3]["particulier"]["lopend"].GetInt() == 1);
  const auto& totals = json["totals"];
  CHECK(std::string(totals["district"].GetString()) == "Totaal");
  CHECK(totals["total"].GetInt() == 3);
  CHECK(json["new_in_year"].GetInt() == 2);
  CHECK(json["previous_year"]["lopend"].GetInt() == 1);
  CHECK(json["previous_year"]["afgerond"].GetInt() == 0);
  CHECK(json["previous_year"]["total"].GetInt() == 1);
  CHECK(std::string(json["municipality"].GetString()) == "Zoetermeer");
  CHECK(std::string(json["title"].GetString()) == "Tabel 5.1 Woonoverlast");
  CHECK(json.MemberCount() == 8);
}

TEST_CASE("format=json is the same as no format", "[web]") {
  Api api;
  RegisterThree(api);
  CHECK(api.Get("/api/v1/reports/woonoverlast/2024?format=json").body() ==
        api.Get("/api/v1/reports/woonoverlast/2024").body());
}

TEST_CASE("format=csv answers text/csv with the domain's CSV", "[web]") {
  Api api;
  RegisterThree(api);
  const Response response = api.Get("/api/v1/reports/woonoverlast/2024?format=csv");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "text/csv; charset=utf-8");
  CHECK(response.body() ==
        domain::WoonoverlastReportCsv(api.services.cases.WoonoverlastYearReport(2024)));
  CHECK_THAT(response.body(), Catch::StartsWith("name,koop_lopend,"));
}

TEST_CASE("A report format other than json, csv, text or html is refused with 400", "[web]") {
  Api api;
  const auto detail = RequireProblem(api.Get("/api/v1/reports/woonoverlast/2024?format=xml"),
                                     http::status::bad_request, "malformed-request",
                                     "/api/v1/reports/woonoverlast/2024");
  CHECK(detail == "query parameter 'format' must be json, csv, text or html");
}

TEST_CASE("format=text answers the Dutch paragraph of the year, as the domain writes it",
          "[web][reports]") {
  Api api;
  RegisterThree(api);
  const Response woonoverlast = api.Get("/api/v1/reports/woonoverlast/2024?format=text");
  REQUIRE(woonoverlast.result() == http::status::ok);
  CHECK(Header(woonoverlast, http::field::content_type) == "text/plain; charset=utf-8");
  CHECK(Header(woonoverlast, http::field::content_language) == "nl");
  CHECK(woonoverlast.body() ==
        domain::WoonoverlastParagraph(api.services.cases.WoonoverlastYearReport(2024)));
  CHECK_THAT(woonoverlast.body(), Catch::StartsWith("In 2024 behandelde team Woonoverlast"));

  api.As(domain::Role::kAnalist, [&] {
    const Response ondermijning = api.Get("/api/v1/reports/ondermijning/2024?format=text");
    REQUIRE(ondermijning.result() == http::status::ok);
    CHECK_THAT(ondermijning.body(), Catch::StartsWith("In 2024 kwamen geen signalen"));
  });
}

TEST_CASE("format=html answers one self-contained Dutch page with the table, accessible",
          "[web][reports]") {
  Api api;
  RegisterThree(api);
  const Response page = api.Get("/api/v1/reports/woonoverlast/2024?format=html");
  REQUIRE(page.result() == http::status::ok);
  CHECK(Header(page, http::field::content_type) == "text/html; charset=utf-8");
  CHECK(std::string(page["Content-Security-Policy"]) ==
        "default-src 'none'; style-src 'unsafe-inline'");
  const std::string& html = page.body();
  CHECK(html == WoonoverlastReportHtml(api.services.cases.WoonoverlastYearReport(2024)));
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"nl\">"));
  CHECK_THAT(html, Catch::Contains("<caption>Tabel 5.1 Woonoverlast 2024"));
  CHECK_THAT(html,
             Catch::Contains("<tr><th scope=\"row\">Centrum</th><td>1</td><td>1</td><td>0</td>"
                             "<td>0</td><td>0</td><td>0</td><td>2</td></tr>"));
  CHECK_THAT(html, Catch::Contains("<th scope=\"colgroup\" colspan=\"2\">Corporatie</th>"));
  CHECK_THAT(html, Catch::Contains("<svg"));
  CHECK(html.find("src=") == std::string::npos);  // nothing fetched
  CHECK(html.find("<script") == std::string::npos);

  // Suppressed: the markers in the table, the chart of what stays true, no paragraph.
  const Response hidden = api.Get("/api/v1/reports/woonoverlast/2024?format=html&suppress_below=5");
  REQUIRE(hidden.result() == http::status::ok);
  CHECK_THAT(hidden.body(), Catch::Contains("<td>&lt;5</td>"));
  CHECK(hidden.body().find("behandelde team Woonoverlast") == std::string::npos);

  api.As(domain::Role::kAnalist, [&] {
    const Response ondermijning = api.Get("/api/v1/reports/ondermijning/2024?format=html");
    REQUIRE(ondermijning.result() == http::status::ok);
    CHECK_THAT(ondermijning.body(), Catch::Contains("<caption>Signalen naar bron</caption>"));
  });
}

TEST_CASE("A district name is escaped on the page", "[web][reports]") {
  domain::WoonoverlastReport report;
  report.year = 2024;
  report.peildatum = domain::Date(2024, 12, 31);
  domain::WoonoverlastRow row;
  row.district = "<script>alert(1)</script> & \"Co\"";
  report.rows = {row};
  const std::string html = WoonoverlastReportHtml(report);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"));
}

TEST_CASE("format=text is refused with 400 for a period and with suppress_below above 1",
          "[web][reports]") {
  Api api;
  RequireProblem(api.Get("/api/v1/reports/woonoverlast/2024?format=text&suppress_below=5"),
                 http::status::bad_request, "malformed-request",
                 "/api/v1/reports/woonoverlast/2024");
  RequireProblem(api.Get("/api/v1/reports/woonoverlast?from=2024-01-01&to=2024-03-31&format=text"),
                 http::status::bad_request, "malformed-request", "/api/v1/reports/woonoverlast");
  CHECK(api.Get("/api/v1/reports/woonoverlast/2024?format=text&suppress_below=1").result() ==
        http::status::ok);
}

TEST_CASE("A report year that is not four digits from 1900 to 2999 is refused with 400", "[web]") {
  Api api;
  for (const char* year : {"24", "02024", "20x4", "1899", "3000", "-2024", "+202"}) {
    const std::string target = std::string("/api/v1/reports/woonoverlast/") + year;
    RequireProblem(api.Get(target), http::status::bad_request, "malformed-request", target);
  }
  CHECK(api.Get("/api/v1/reports/woonoverlast/1900").result() == http::status::ok);
  CHECK(api.Get("/api/v1/reports/woonoverlast/2999").result() == http::status::ok);
}

TEST_CASE("An unknown report parameter is refused with 400", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/reports/woonoverlast/2024?jaar=2023"), http::status::bad_request,
                 "malformed-request", "/api/v1/reports/woonoverlast/2024");
}

TEST_CASE("suppress_below hides the small wijk cells of the JSON, totals stay true numbers",
          "[web][suppression]") {
  Api api;
  RegisterThree(api);
  const Response response = api.Get("/api/v1/reports/woonoverlast/2024?suppress_below=5");
  REQUIRE(response.result() == http::status::ok);
  const auto json = ParseJson(response.body());
  const auto& centrum = json["rows"][0];
  CHECK(std::string(centrum["koop"]["lopend"].GetString()) == "<5");
  CHECK(std::string(centrum["koop"]["afgerond"].GetString()) == "<5");
  CHECK(centrum["corporatie"]["lopend"].GetInt() == 0);  // zero discloses nobody
  CHECK(centrum["total"].GetInt() == 2);
  CHECK(std::string(json["rows"][3]["particulier"]["lopend"].GetString()) == "<5");
  const auto& totals = json["totals"];
  CHECK(totals["koop"]["lopend"].GetInt() == 1);
  CHECK(totals["koop"]["afgerond"].GetInt() == 1);
  CHECK(totals["particulier"]["lopend"].GetInt() == 1);
  CHECK(totals["total"].GetInt() == 3);
  CHECK(json["new_in_year"].GetInt() == 2);
  CHECK(json["previous_year"]["lopend"].GetInt() == 1);

  // Below 2 a count of 1 is hidden too; 1 hides nothing.
  CHECK(std::string(ParseJson(api.Get("/api/v1/reports/woonoverlast/2024?suppress_below=2")
                                  .body())["rows"][0]["koop"]["lopend"]
                        .GetString()) == "<2");
  CHECK(api.Get("/api/v1/reports/woonoverlast/2024?suppress_below=1").body() ==
        api.Get("/api/v1/reports/woonoverlast/2024").body());
}

// Noordhove's row of issue #11, 8,1,0,1,0,0 (total 10), beside Centrum's larger counts.
void RegisterNoordhove(Api& api) {
  const auto add = [&](const char* district, const char* type, bool closed, int count) {
    for (int i = 0; i < count; ++i) {
      const auto id = api.Register(std::string(R"({"kind":"woonoverlast","district":")") +
                                   district + R"(","housing_type":")" + type +
                                   R"(","reported_on":"2024-02-01","categories":["geluid"],)"
                                   R"("summary":"s"})");
      REQUIRE(api.Transition(id, R"({"to":"lopend","on":"2024-02-02"})").result() ==
              http::status::ok);
      if (closed) {
        REQUIRE(api.Transition(id, R"({"to":"afgerond","on":"2024-06-01","result":"opgelost"})")
                    .result() == http::status::ok);
      }
    }
  };
  add("Noordhove", "koop", false, 8);
  add("Noordhove", "koop", true, 1);
  add("Noordhove", "corporatie", true, 1);
  add("Centrum", "koop", false, 6);
  add("Centrum", "koop", true, 5);
  add("Centrum", "corporatie", true, 7);
}

// A report's JSON table as the attacker reads it: a marker is an unknown cell, each row's
// total and the totals row are the equations.
casus::testing::PublishedTable ReadJsonTable(const rapidjson::Value& json) {
  casus::testing::PublishedTable table;
  const auto cells = [](const rapidjson::Value& row) {
    std::vector<std::optional<int>> out;
    for (const char* type : {"koop", "corporatie", "particulier"}) {
      for (const char* state : {"lopend", "afgerond"}) {
        const auto& cell = row[type][state];
        out.push_back(cell.IsInt() ? std::optional(cell.GetInt()) : std::nullopt);
      }
    }
    return out;
  };
  for (const auto& row : json["rows"].GetArray()) {
    table.cells.push_back(cells(row));
    table.row_totals.push_back(row["total"].GetInt());
  }
  for (const auto& total : cells(json["totals"])) table.column_totals.push_back(total.value());
  return table;
}

TEST_CASE("Noordhove's hidden ones cannot be worked out from the API's JSON or CSV",
          "[web][suppression]") {
  Api api;
  RegisterNoordhove(api);
  for (const std::string target :
       {"/api/v1/reports/woonoverlast/2024?suppress_below=5",
        "/api/v1/reports/woonoverlast?from=2024-01-01&to=2024-12-31&suppress_below=5"}) {
    INFO(target);
    const Response response = api.Get(target);
    REQUIRE(response.result() == http::status::ok);
    const auto json = ParseJson(response.body());
    const auto& noordhove = json["rows"][5];
    REQUIRE(std::string(noordhove["district"].GetString()) == "Noordhove");
    // Before: 8,<5,0,<5,0,0 with total 10 gave both ones away. Now the 8 is hidden too.
    CHECK(std::string(noordhove["koop"]["lopend"].GetString()) == "<5");
    CHECK(std::string(noordhove["koop"]["afgerond"].GetString()) == "<5");
    CHECK(std::string(noordhove["corporatie"]["afgerond"].GetString()) == "<5");
    CHECK(noordhove["corporatie"]["lopend"].GetInt() == 0);
    CHECK(noordhove["total"].GetInt() == 10);
    CHECK(json["totals"]["koop"]["afgerond"].GetInt() == 6);
    const auto published = ReadJsonTable(json);
    casus::testing::DisclosureAttacker attacker;
    CHECK(attacker.CanDiffer(published, 5, 1, 1));
    CHECK(attacker.CanDiffer(published, 5, 3, 1));
  }
  const Response csv = api.Get("/api/v1/reports/woonoverlast/2024?format=csv&suppress_below=5");
  CHECK_THAT(csv.body(), Catch::Contains("Noordhove,<5,<5,0,<5,0,0,10\n"));
  CHECK(csv.body() ==
        domain::WoonoverlastReportCsv(api.services.cases.WoonoverlastYearReport(2024), {5}));
  // Without suppress_below the figures are all there.
  CHECK_THAT(api.Get("/api/v1/reports/woonoverlast/2024?format=csv").body(),
             Catch::Contains("Noordhove,8,1,0,1,0,0,10\n"));
}

TEST_CASE("suppress_below with format=csv is the domain's suppressed CSV", "[web][suppression]") {
  Api api;
  RegisterThree(api);
  const Response response =
      api.Get("/api/v1/reports/woonoverlast/2024?format=csv&suppress_below=3");
  REQUIRE(response.result() == http::status::ok);
  CHECK(response.body() ==
        domain::WoonoverlastReportCsv(api.services.cases.WoonoverlastYearReport(2024),
                                      domain::CellSuppression{3}));
  CHECK_THAT(response.body(), Catch::Contains("Centrum,<3,<3,0,0,0,0,2\n"));
  CHECK_THAT(response.body(), Catch::Contains("Totaal,1,1,0,0,1,0,3\n"));
}

TEST_CASE("A suppress_below that is not a whole number from 1 to 1000 is refused with 400",
          "[web][suppression]") {
  Api api;
  for (const char* value : {"0", "1001", "-1", "2.5", "vijf", "1e2", "%205"}) {
    INFO(value);
    const auto detail = RequireProblem(
        api.Get(std::string("/api/v1/reports/woonoverlast/2024?suppress_below=") + value),
        http::status::bad_request, "malformed-request", "/api/v1/reports/woonoverlast/2024");
    CHECK(detail == "query parameter 'suppress_below' must be a whole number from 1 to 1000");
  }
  CHECK(api.Get("/api/v1/reports/woonoverlast/2024?suppress_below=1000").result() ==
        http::status::ok);
}

TEST_CASE("The woonoverlast series gives each year's Totaal, as the year reports have them",
          "[web][reports]") {
  Api api;
  RegisterThree(api);
  const Response response = api.Get("/api/v1/reports/woonoverlast/series?from=2022&to=2024");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "application/json");
  const auto json = ParseJson(response.body());
  CHECK(json["from"].GetInt() == 2022);
  CHECK(json["to"].GetInt() == 2024);
  const auto& years = json["years"];
  REQUIRE(years.Size() == 3);
  for (rapidjson::SizeType i = 0; i < years.Size(); ++i) {
    const int year = 2022 + static_cast<int>(i);
    INFO(year);
    CHECK(years[i]["year"].GetInt() == year);
    const auto report =
        ParseJson(api.Get("/api/v1/reports/woonoverlast/" + std::to_string(year)).body());
    const auto& totals = report["totals"];
    int lopend = 0;
    int afgerond = 0;
    for (const char* type : {"koop", "corporatie", "particulier"}) {
      lopend += totals[type]["lopend"].GetInt();
      afgerond += totals[type]["afgerond"].GetInt();
    }
    CHECK(years[i]["lopend"].GetInt() == lopend);
    CHECK(years[i]["afgerond"].GetInt() == afgerond);
    CHECK(years[i]["total"].GetInt() == lopend + afgerond);
    CHECK(years[i]["new_in_year"].GetInt() == report["new_in_year"].GetInt());
  }
  // 2023: one casus lopend at its peildatum; 2024: one afgerond, two lopend, two new.
  CHECK(years[1]["lopend"].GetInt() == 1);
  CHECK(years[2]["afgerond"].GetInt() == 1);
  CHECK(years[2]["lopend"].GetInt() == 2);
  CHECK(years[2]["new_in_year"].GetInt() == 2);
}

TEST_CASE("A series needs from and to as years, from not after to, at most ten years",
          "[web][reports]") {
  Api api;
  const std::string path = "/api/v1/reports/woonoverlast/series";
  for (const char* query : {"", "?from=2020", "?to=2024", "?from=20x0&to=2024",
                            "?from=2020&to=3000", "?from=2020&to=2024&format=csv"}) {
    INFO(query);
    RequireProblem(api.Get(path + query), http::status::bad_request, "malformed-request", path);
  }
  for (const char* query : {"?from=2024&to=2020", "?from=2014&to=2024"}) {
    INFO(query);
    RequireProblem(api.Get(path + query), http::status::unprocessable_entity, "invalid-request",
                   path);
  }
  CHECK(api.Get(path + "?from=2016&to=2025").result() == http::status::ok);
  CHECK(api.Get(path + "?from=2024&to=2024").result() == http::status::ok);
}

TEST_CASE("A period report counts the casussen handled in it, by their state on its last day",
          "[web][reports]") {
  Api api;
  RegisterThree(api);
  // January 2024: casus 1 still open (closed on 1 February), casus 2 and 3 not reported yet.
  const Response january = api.Get("/api/v1/reports/woonoverlast?from=2024-01-01&to=2024-01-31");
  REQUIRE(january.result() == http::status::ok);
  const auto json = ParseJson(january.body());
  CHECK(std::string(json["from"].GetString()) == "2024-01-01");
  CHECK(std::string(json["to"].GetString()) == "2024-01-31");
  CHECK(std::string(json["peildatum"].GetString()) == "2024-01-31");
  CHECK(json["rows"][0]["koop"]["lopend"].GetInt() == 1);
  CHECK(json["rows"][0]["koop"]["afgerond"].GetInt() == 0);
  CHECK(json["totals"]["total"].GetInt() == 1);
  CHECK(json["new_in_period"].GetInt() == 0);
  CHECK(json.MemberCount() == 8);

  // March to April: casus 1 closed before it began, so not handled; the other two new.
  const auto spring =
      ParseJson(api.Get("/api/v1/reports/woonoverlast?from=2024-03-01&to=2024-04-30").body());
  CHECK(spring["rows"][0]["koop"]["lopend"].GetInt() == 1);
  CHECK(spring["rows"][0]["koop"]["afgerond"].GetInt() == 0);
  CHECK(spring["rows"][3]["particulier"]["lopend"].GetInt() == 1);
  CHECK(spring["totals"]["total"].GetInt() == 2);
  CHECK(spring["new_in_period"].GetInt() == 2);
}

TEST_CASE("A calendar-year period gives the year report's table", "[web][reports]") {
  Api api;
  RegisterThree(api);
  const auto year = ParseJson(api.Get("/api/v1/reports/woonoverlast/2024").body());
  const auto period =
      ParseJson(api.Get("/api/v1/reports/woonoverlast?from=2024-01-01&to=2024-12-31").body());
  CHECK(period["rows"] == year["rows"]);
  CHECK(period["totals"] == year["totals"]);
  CHECK(period["new_in_period"] == year["new_in_year"]);
}

TEST_CASE("A period report as CSV is the year's layout, named after the period", "[web][reports]") {
  Api api;
  RegisterThree(api);
  const Response response =
      api.Get("/api/v1/reports/woonoverlast?from=2024-01-01&to=2024-12-31&format=csv");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "text/csv; charset=utf-8");
  CHECK(Header(response, http::field::content_disposition) ==
        "attachment; filename=\"woonoverlast-2024-01-01-2024-12-31.csv\"");
  CHECK(response.body() == api.Get("/api/v1/reports/woonoverlast/2024?format=csv").body());
}

TEST_CASE("A period needs from and to as dates, from not after to, at most ten years",
          "[web][reports]") {
  for (const std::string path : {"/api/v1/reports/woonoverlast", "/api/v1/reports/ondermijning"}) {
    Api api{path.ends_with("woonoverlast") ? domain::Role::kWoonoverlast
                                           : domain::Role::kOndermijning};
    for (const char* query :
         {"", "?from=2024-01-01", "?to=2024-03-31", "?from=2024-1-1&to=2024-03-31",
          "?from=2024-02-30&to=2024-03-31", "?from=2024&to=2025", "?from=1899-12-31&to=1900-01-31",
          "?from=2024-01-01&to=2024-03-31&year=2024",
          "?from=2024-01-01&to=2024-03-31&format=pdf"}) {
      INFO(path << query);
      RequireProblem(api.Get(path + query), http::status::bad_request, "malformed-request", path);
    }
    for (const char* query : {"?from=2024-04-01&to=2024-03-31", "?from=2014-01-01&to=2024-01-01",
                              "?from=2016-02-29&to=2026-03-01"}) {
      INFO(path << query);
      RequireProblem(api.Get(path + query), http::status::unprocessable_entity, "invalid-request",
                     path);
    }
    for (const char* query : {"?from=2014-01-02&to=2024-01-01", "?from=2016-02-29&to=2026-02-28",
                              "?from=2024-03-31&to=2024-03-31"}) {
      INFO(path << query);
      CHECK(api.Get(path + query).result() == http::status::ok);
    }
  }
}

}  // namespace
}  // namespace casus::web
