#include "web/activity_routes.hpp"

#include <catch2/catch.hpp>

#include "api_fixture.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::IdList;
using testing::kOndermijningBody;
using testing::ParseJson;
using testing::RequireProblem;

constexpr const char* kControlDayBody =
    R"({"type":"control_day","on":"2024-05-14","companies_checked":6,)"
    R"("partners":["Politie","Arbeidsinspectie"],"findings":"Twee overtredingen"})";

std::string ControlDayReplacing(const std::string& from, const std::string& to) {
  std::string body = kControlDayBody;
  const auto start = body.find(from);
  REQUIRE(start != std::string::npos);
  body.replace(start, from.size(), to);
  return body;
}

Response Record(Api& api, const std::string& body) { return api.Post("/api/v1/activities", body); }

TEST_CASE("Recording a control day answers 201 with the stored activity", "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  const Response response = Record(api, kControlDayBody);
  REQUIRE(response.result() == http::status::created);
  CHECK(Header(response, http::field::content_type) == "application/json");
  CHECK(response.body() ==
        R"({"id":1,"type":"control_day","on":"2024-05-14","companies_checked":6,)"
        R"("partners":["Politie","Arbeidsinspectie"],"findings":"Twee overtredingen",)"
        R"("business_park":null,"heit_type":null,"case_ids":[],)"
        R"("recorded_at":"2025-01-15T12:00:00Z"})");
  CHECK(api.StoredActivityCount() == 1);
}

TEST_CASE("A knock-and-talk names its business park, a HEIT control its type and casussen",
          "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  const auto case_id = api.Register(kOndermijningBody);
  const Response knock =
      Record(api, R"({"type":"knock_and_talk","on":"2024-06-03","business_park":"Lansinghage"})");
  REQUIRE(knock.result() == http::status::created);
  CHECK(knock.body() ==
        R"({"id":1,"type":"knock_and_talk","on":"2024-06-03","companies_checked":null,)"
        R"("partners":[],"findings":null,"business_park":"Lansinghage","heit_type":null,)"
        R"("case_ids":[],"recorded_at":"2025-01-15T12:00:00Z"})");

  const Response heit =
      Record(api, R"({"type":"heit_control","on":"2024-07-01","heit_type":"autobedrijven",)"
                  R"("case_ids":[)" +
                      std::to_string(case_id) + "]}");
  REQUIRE(heit.result() == http::status::created);
  const auto json = ParseJson(heit.body());
  CHECK(std::string(json["heit_type"].GetString()) == "autobedrijven");
  REQUIRE(json["case_ids"].Size() == 1);
  CHECK(json["case_ids"][0].GetInt64() == case_id);
}

TEST_CASE("The activity list filters on type and year and pages by id", "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  REQUIRE(Record(api, kControlDayBody).result() == http::status::created);  // 1
  REQUIRE(Record(api, ControlDayReplacing("2024-05-14", "2023-11-02")).result() ==
          http::status::created);  // 2
  REQUIRE(Record(api, R"({"type":"knock_and_talk","on":"2024-06-03"})").result() ==
          http::status::created);  // 3

  CHECK(api.ListedIds("/api/v1/activities") == IdList{1, 2, 3});
  CHECK(api.ListedIds("/api/v1/activities?type=control_day") == IdList{1, 2});
  CHECK(api.ListedIds("/api/v1/activities?year=2024") == IdList{1, 3});
  CHECK(api.ListedIds("/api/v1/activities?type=control_day&year=2023") == IdList{2});
  CHECK(api.ListedIds("/api/v1/activities?type=heit_control").empty());

  const auto first = ParseJson(api.Get("/api/v1/activities?limit=2").body());
  CHECK(first["items"].Size() == 2);
  CHECK(first["next"].GetInt64() == 2);
  CHECK(api.ListedIds("/api/v1/activities?limit=2&after=2") == IdList{3});
}

TEST_CASE("A control day without companies_checked is refused with 422 and nothing is stored",
          "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  const auto detail =
      RequireProblem(Record(api, ControlDayReplacing(R"("companies_checked":6,)", "")),
                     http::status::unprocessable_entity, "invalid-request", "/api/v1/activities");
  CHECK(detail == "a control_day needs companies_checked");
  RequireProblem(Record(api, ControlDayReplacing("6", "null")), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/activities");
  CHECK(api.StoredActivityCount() == 0);
}

TEST_CASE("An unknown activity type is refused with 422, a missing type or date with 400",
          "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  const auto unknown =
      RequireProblem(Record(api, ControlDayReplacing("control_day", "raid")),
                     http::status::unprocessable_entity, "invalid-request", "/api/v1/activities");
  CHECK(unknown == "field 'type' must be one of: control_day, knock_and_talk, heit_control");
  const auto no_type =
      RequireProblem(Record(api, ControlDayReplacing(R"("type":"control_day",)", "")),
                     http::status::bad_request, "malformed-request", "/api/v1/activities");
  CHECK(no_type == "field 'type' is required");
  const auto no_date =
      RequireProblem(Record(api, ControlDayReplacing(R"("on":"2024-05-14",)", "")),
                     http::status::bad_request, "malformed-request", "/api/v1/activities");
  CHECK(no_date == "field 'on' is required");
  CHECK(api.StoredActivityCount() == 0);
}

TEST_CASE("Activity fields of the wrong type are refused with 400 naming them",
          "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  const std::pair<std::string, const char*> cases[] = {
      {ControlDayReplacing("6", R"("6")"),
       "field 'companies_checked' must be a number, not a string"},
      {ControlDayReplacing(R"(["Politie","Arbeidsinspectie"])", R"("Politie")"),
       "field 'partners' must be an array, not a string"},
      {ControlDayReplacing(R"("Arbeidsinspectie")", "7"),
       "field 'partners[1]' must be a string, not a number"},
      {ControlDayReplacing(R"("Twee overtredingen")", "true"),
       "field 'findings' must be a string, not a boolean"},
      {ControlDayReplacing(R"("partners")", R"("case_ids":["1"],"partners")"),
       "field 'case_ids[0]' must be a number, not a string"},
      {ControlDayReplacing(R"("partners")", R"("weather":"rain","partners")"),
       "unknown field 'weather'"},
  };
  for (const auto& [body, expected] : cases) {
    const auto detail = RequireProblem(Record(api, body), http::status::bad_request,
                                       "malformed-request", "/api/v1/activities");
    CHECK(detail == expected);
  }
  CHECK(api.StoredActivityCount() == 0);
}

TEST_CASE("Activity values outside the contract are refused with 422", "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  const auto woonoverlast = api.As(domain::Role::kWoonoverlast, [&] { return api.Register(); });
  const std::string values[] = {
      ControlDayReplacing("6", "2.5"),
      ControlDayReplacing("6", "-1"),
      ControlDayReplacing("6", "99999999999"),
      ControlDayReplacing("2024-05-14", "14-05-2024"),
      ControlDayReplacing("2024-05-14", "2025-01-16"),
      ControlDayReplacing(R"("partners")", R"("business_park":"Lansinghage","partners")"),
      ControlDayReplacing(R"("partners")", R"("heit_type":"horeca","partners")"),
      ControlDayReplacing(R"("partners")",
                          R"("case_ids":[)" + std::to_string(woonoverlast) + R"(],"partners")"),
      ControlDayReplacing(R"("partners")", R"("case_ids":[77],"partners")"),
  };
  for (const auto& body : values) {
    INFO(body);
    RequireProblem(Record(api, body), http::status::unprocessable_entity, "invalid-request",
                   "/api/v1/activities");
  }
  CHECK(api.StoredActivityCount() == 0);
}

TEST_CASE("A request list over 50 items or with a duplicate is refused with 422, storing nothing",
          "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  std::string fifty;
  for (int i = 1; i <= 50; ++i) {
    fifty += (i > 1 ? ",\"Partner " : "\"Partner ") + std::to_string(i) + "\"";
  }
  const std::string fifty_one = fifty + R"(,"Partner 51")";
  for (const auto& partners : {fifty_one, std::string(R"("Politie","Politie")")}) {
    RequireProblem(Record(api, ControlDayReplacing(R"("Politie","Arbeidsinspectie")", partners)),
                   http::status::unprocessable_entity, "invalid-request", "/api/v1/activities");
  }
  CHECK(api.StoredActivityCount() == 0);
  CHECK(Record(api, ControlDayReplacing(R"("Politie","Arbeidsinspectie")", fifty)).result() ==
        http::status::created);
}

TEST_CASE("Bad activity list queries are refused with 400", "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  for (const char* query : {"?type=raid", "?year=24", "?year=1899", "?year=twee", "?limit=501",
                            "?after=x", "?source=mma"}) {
    INFO(query);
    RequireProblem(api.Get(std::string("/api/v1/activities") + query), http::status::bad_request,
                   "malformed-request", "/api/v1/activities");
  }
}

TEST_CASE("The activity routes answer 405 for other methods and 404 below the collection",
          "[web][activities]") {
  Api api{domain::Role::kOndermijning};
  const Response put =
      api.Send(http::verb::put, "/api/v1/activities", kControlDayBody, "application/json");
  RequireProblem(put, http::status::method_not_allowed, "method-not-allowed", "/api/v1/activities");
  CHECK(Header(put, http::field::allow) == "GET, POST");
  RequireProblem(api.Get("/api/v1/activities/1"), http::status::not_found, "not-found",
                 "/api/v1/activities/1");
  RequireProblem(api.Send(http::verb::post, "/api/v1/activities", kControlDayBody, std::nullopt),
                 http::status::unsupported_media_type, "unsupported-media-type",
                 "/api/v1/activities");
  CHECK(api.StoredActivityCount() == 0);
}

}  // namespace
}  // namespace casus::web
