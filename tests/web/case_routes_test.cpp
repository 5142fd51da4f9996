#include "web/case_routes.hpp"

#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "web/case_json.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::kWoonoverlastBody;
using testing::ParseJson;
using testing::RequireProblem;

constexpr const char* kCase1Json =
    R"({"id":1,"kind":"woonoverlast","state":"gemeld","district":"Centrum","housing_type":"koop",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"themes":[],)"
    R"("summary":"Harde muziek 's nachts",)"
    R"("address":{"street":"Dorpsstraat","number":"12a","postcode":"2711AB","city":"Zoetermeer"},)"
    R"("signal_ids":[],"assignee":null,"version":1})";

std::string WithField(const std::string& field) {
  // kWoonoverlastBody with one more member before the closing brace.
  std::string body = kWoonoverlastBody;
  body.insert(body.size() - 1, "," + field);
  return body;
}

std::string Without(const std::string& member) {
  std::string body = kWoonoverlastBody;
  const auto start = body.find(member);
  REQUIRE(start != std::string::npos);
  body.erase(start, member.size());
  return body;
}

// ---------------------------------------------------------------------------------------------
// Happy paths

TEST_CASE("Registering a casus answers 201 with Location, ETag 1 and the stored case", "[web]") {
  Api api;
  const Response response = api.Post("/api/v1/cases", kWoonoverlastBody);
  REQUIRE(response.result() == http::status::created);
  CHECK(Header(response, http::field::location) == "/api/v1/cases/1");
  CHECK(Header(response, http::field::etag) == "\"1\"");
  CHECK(Header(response, http::field::content_type) == "application/json");
  CHECK(response.body() == kCase1Json);
  CHECK(api.StoredCaseCount() == 1);
}

TEST_CASE("A casus without address has address null, a city may be left out", "[web]") {
  Api api;
  const Response without = api.Post(
      "/api/v1/cases",
      Without(
          R"(,"address":{"street":"Dorpsstraat","number":"12a","postcode":"2711 AB","city":"Zoetermeer"})"));
  REQUIRE(without.result() == http::status::created);
  CHECK(ParseJson(without.body())["address"].IsNull());

  const Response no_city = api.Post("/api/v1/cases", Without(R"(,"city":"Zoetermeer")"));
  REQUIRE(no_city.result() == http::status::created);
  const auto json = ParseJson(no_city.body());
  CHECK(std::string(json["address"]["street"].GetString()) == "Dorpsstraat");
  CHECK(json["address"]["city"].IsNull());
}

TEST_CASE("A casus without district and housing type shows them as null", "[web]") {
  domain::Casus casus;
  casus.id = 1;
  casus.kind = domain::CaseKind::kOndermijning;
  casus.reported_on = domain::Date(2024, 5, 2);
  casus.summary = "Hennepkwekerij vermoed";
  casus.themes = {domain::Theme::kDrugs, domain::Theme::kIllegaleBewoning};
  casus.signal_ids = {3, 8};
  CHECK(CaseJson(casus) ==
        R"({"id":1,"kind":"ondermijning","state":"gemeld","district":null,"housing_type":null,)"
        R"("reported_on":"2024-05-02","categories":[],"themes":["drugs","illegale_bewoning"],)"
        R"("summary":"Hennepkwekerij vermoed","address":null,"signal_ids":[3,8],)"
        R"("assignee":null,"version":1})");
}

TEST_CASE("Content-Type application/json with a charset parameter is accepted", "[web]") {
  Api api;
  const Response response = api.Send(http::verb::post, "/api/v1/cases", kWoonoverlastBody,
                                     "Application/JSON; charset=UTF-8");
  CHECK(response.result() == http::status::created);
}

TEST_CASE("Getting a casus answers 200 with its version as ETag", "[web]") {
  Api api;
  const auto id = api.Register();
  const Response response = api.Get("/api/v1/cases/" + std::to_string(id));
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::etag) == "\"1\"");
  CHECK(response.body() == kCase1Json);
}

TEST_CASE("An empty list is an empty items array with next null", "[web]") {
  Api api;
  const Response response = api.Get("/api/v1/cases");
  REQUIRE(response.result() == http::status::ok);
  CHECK(response.body() == R"({"items":[],"next":null})");
}

TEST_CASE("The list pages by id with limit and after", "[web]") {
  Api api;
  for (int i = 0; i < 5; ++i) api.Register();

  const auto first = ParseJson(api.Get("/api/v1/cases?limit=2").body());
  REQUIRE(first["items"].Size() == 2);
  CHECK(first["items"][0]["id"].GetInt64() == 1);
  CHECK(first["items"][1]["id"].GetInt64() == 2);
  CHECK(first["next"].GetInt64() == 2);

  const auto second = ParseJson(api.Get("/api/v1/cases?limit=2&after=2").body());
  REQUIRE(second["items"].Size() == 2);
  CHECK(second["items"][0]["id"].GetInt64() == 3);
  CHECK(second["next"].GetInt64() == 4);

  const auto last = ParseJson(api.Get("/api/v1/cases?limit=2&after=4").body());
  REQUIRE(last["items"].Size() == 1);
  CHECK(last["items"][0]["id"].GetInt64() == 5);
  CHECK(last["next"].IsNull());
}

TEST_CASE("The list filters on kind, state, district and housing_type within the team's kind",
          "[web]") {
  Api api;
  api.Register();  // 1: Centrum, koop
  api.Register(R"({"kind":"woonoverlast","district":"De Leyens","housing_type":"corporatie",)"
               R"("reported_on":"2024-03-02","categories":["zorg"],"summary":"Zorgen"})");  // 2
  api.As(domain::Role::kOndermijning, [&] { api.Register(testing::kOndermijningBody); });   // 3
  REQUIRE(api.Transition(1, R"({"to":"lopend","on":"2024-03-05"})").result() == http::status::ok);

  const auto ids = [&](const std::string& query) {
    const Response response = api.Get("/api/v1/cases" + query);
    REQUIRE(response.result() == http::status::ok);
    const auto json = ParseJson(response.body());
    std::vector<std::int64_t> result;
    for (const auto& item : json["items"].GetArray()) result.push_back(item["id"].GetInt64());
    return result;
  };
  using Ids = std::vector<std::int64_t>;
  CHECK(ids("") == (Ids{1, 2}));
  CHECK(ids("?kind=ondermijning").empty());  // another team's kind: none, whatever the filter
  CHECK(ids("?state=lopend") == Ids{1});
  CHECK(ids("?district=De%20Leyens") == Ids{2});
  CHECK(ids("?district=De+Leyens") == Ids{2});
  CHECK(ids("?housing_type=koop") == Ids{1});
  CHECK(ids("?kind=woonoverlast&state=gemeld") == Ids{2});
}

TEST_CASE("Empty query values count as not given", "[web]") {
  Api api;
  api.Register();
  const Response response =
      api.Get("/api/v1/cases?kind=&state=&district=&housing_type=&limit=&after=");
  REQUIRE(response.result() == http::status::ok);
  CHECK(ParseJson(response.body())["items"].Size() == 1);
}

TEST_CASE("A transition answers 200 with the moved case and its new ETag", "[web]") {
  Api api;
  const auto id = api.Register();
  const Response response = api.Transition(id, R"({"to":"lopend","on":"2024-03-05"})");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::etag) == "\"2\"");
  const auto json = ParseJson(response.body());
  CHECK(std::string(json["state"].GetString()) == "lopend");
  CHECK(json["version"].GetInt64() == 2);
}

TEST_CASE("If-Match accepts a quoted version and *", "[web]") {
  Api api;
  const auto id = api.Register();
  CHECK(api.Transition(id, R"({"to":"lopend","on":"2024-03-05"})", "\"1\"").result() ==
        http::status::ok);
  CHECK(api.Transition(id, R"({"to":"handhaving","on":"2024-03-06"})", " \"2\" ").result() ==
        http::status::ok);
  CHECK(api.Transition(id, R"({"to":"sluiting","on":"2024-03-07"})", "\"3\"").result() ==
        http::status::ok);
  const Response last =
      api.Transition(id, R"({"to":"afgerond","on":"2024-03-08","result":"opgelost"})", "*");
  REQUIRE(last.result() == http::status::ok);
  CHECK(Header(last, http::field::etag) == "\"5\"");
}

TEST_CASE("The history is a JSON array of transitions, oldest first", "[web]") {
  Api api;
  const auto id = api.Register();
  REQUIRE(api.Transition(id, R"({"to":"lopend","on":"2024-03-05"})").result() == http::status::ok);
  REQUIRE(api.Transition(id, R"({"to":"afgerond","on":"2024-04-01",)"
                             R"("result":"onvoldoende_aanknopingspunten"})")
              .result() == http::status::ok);
  REQUIRE(api.Transition(id, R"({"to":"lopend","on":"2024-05-01","reason":"Nieuwe klacht"})")
              .result() == http::status::ok);

  const Response response = api.Get("/api/v1/cases/1/history");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "application/json");
  CHECK(response.body() ==
        R"([{"sequence":1,"from":null,"to":"gemeld","on":"2024-03-01","reason":null,)"
        R"("result":null,"recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":null,"until":null},)"
        R"({"sequence":2,"from":"gemeld","to":"lopend","on":"2024-03-05","reason":null,)"
        R"("result":null,"recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":null,"until":null},)"
        R"({"sequence":3,"from":"lopend","to":"afgerond","on":"2024-04-01","reason":null,)"
        R"("result":"onvoldoende_aanknopingspunten","recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":null,"until":null},)"
        R"({"sequence":4,"from":"afgerond","to":"lopend","on":"2024-05-01",)"
        R"("reason":"Nieuwe klacht","result":null,"recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":null,"until":null}])");
}

// ---------------------------------------------------------------------------------------------
// Bad bodies: 400 (or 422 where the domain's reference data decides), nothing stored

TEST_CASE("Malformed JSON is refused with 400 and stores nothing", "[web]") {
  Api api;
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", R"({"kind":"woonoverlast",)"),
                     http::status::bad_request, "malformed-request", "/api/v1/cases");
  CHECK_THAT(detail, Catch::Contains("malformed JSON"));
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An empty body is refused with 400 and stores nothing", "[web]") {
  Api api;
  RequireProblem(api.Post("/api/v1/cases", ""), http::status::bad_request, "malformed-request",
                 "/api/v1/cases");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A body that is not a JSON object is refused with 400 and stores nothing", "[web]") {
  Api api;
  const auto detail = RequireProblem(api.Post("/api/v1/cases", "[1,2]"), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases");
  CHECK_THAT(detail, Catch::Contains("JSON object"));
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A body nesting deeper than 32 levels is refused with 400 and stores nothing", "[web]") {
  Api api;
  const std::string deep = std::string(40, '[') + std::string(40, ']');
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", WithField(R"("summary2":)" + deep)),
                     http::status::bad_request, "malformed-request", "/api/v1/cases");
  CHECK_THAT(detail, Catch::Contains("deeper than 32"));
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A body nested a million levels deep is refused with 400 without crashing", "[web]") {
  Api api;
  const std::string deep = std::string(1000000, '[');
  RequireProblem(api.Post("/api/v1/cases", deep), http::status::bad_request, "malformed-request",
                 "/api/v1/cases");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A body with an unknown field is refused with 400 and stores nothing", "[web]") {
  Api api;
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", WithField(R"("priority":"hoog")")),
                     http::status::bad_request, "malformed-request", "/api/v1/cases");
  CHECK(detail == "unknown field 'priority'");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An unknown field inside the address is refused with 400 naming its path", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.insert(body.find(R"(,"city")"), R"(,"floor":"2")");
  const auto detail = RequireProblem(api.Post("/api/v1/cases", body), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases");
  CHECK(detail == "unknown field 'address.floor'");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A body that sets the id, state or version is refused with 400", "[web]") {
  Api api;
  for (const char* field : {R"("id":7)", R"("state":"afgerond")", R"("version":9)"}) {
    RequireProblem(api.Post("/api/v1/cases", WithField(field)), http::status::bad_request,
                   "malformed-request", "/api/v1/cases");
  }
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A field given twice is refused with 400 and stores nothing", "[web]") {
  Api api;
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", WithField(R"("summary":"nogmaals")")),
                     http::status::bad_request, "malformed-request", "/api/v1/cases");
  CHECK(detail == "field 'summary' appears more than once");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A field of the wrong type is refused with 400 naming the field", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  const std::string summary = R"("Harde muziek 's nachts")";
  body.replace(body.find(summary), summary.size(), "42");
  const auto detail = RequireProblem(api.Post("/api/v1/cases", body), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases");
  CHECK(detail == "field 'summary' must be a string, not a number");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("Categories that are not an array are refused with 400", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.replace(body.find(R"(["geluid"])"), 10, R"("geluid")");
  const auto detail = RequireProblem(api.Post("/api/v1/cases", body), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases");
  CHECK(detail == "field 'categories' must be an array, not a string");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A missing required field is refused with 400 naming the field", "[web]") {
  Api api;
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", Without(R"("reported_on":"2024-03-01",)")),
                     http::status::bad_request, "malformed-request", "/api/v1/cases");
  CHECK(detail == "field 'reported_on' is required");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A missing address field is refused with 400 naming its path", "[web]") {
  Api api;
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", Without(R"("street":"Dorpsstraat",)")),
                     http::status::bad_request, "malformed-request", "/api/v1/cases");
  CHECK(detail == "field 'address.street' is required");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An unknown enum value in a body is refused with 422 listing the allowed ones", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.replace(body.find(R"("koop")"), 6, R"("huur")");
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                     "invalid-request", "/api/v1/cases");
  CHECK(detail == "field 'housing_type' must be one of: koop, corporatie, particulier");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An unknown category is refused with 422 naming its position", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.replace(body.find(R"(["geluid"])"), 10, R"(["geluid","lawaai"])");
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                     "invalid-request", "/api/v1/cases");
  CHECK_THAT(detail, Catch::StartsWith("field 'categories[1]' must be one of: geluid, zorg"));
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A date given as a number is refused with 400", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.replace(body.find(R"("2024-03-01")"), 12, "20240301");
  const auto detail = RequireProblem(api.Post("/api/v1/cases", body), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases");
  CHECK(detail == "field 'reported_on' must be a string, not a number");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A date that is not YYYY-MM-DD is refused with 422", "[web]") {
  Api api;
  for (const char* date : {"2024-02-30", "1-3-2024", "2024-03-01T10:00:00Z"}) {
    std::string body = kWoonoverlastBody;
    body.replace(body.find("2024-03-01"), 10, date);
    const auto detail =
        RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                       "invalid-request", "/api/v1/cases");
    CHECK(detail == "field 'reported_on' must be a date YYYY-MM-DD");
  }
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("Invalid UTF-8 in a body is refused with 400 and stores nothing", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.replace(body.find("Harde"), 5, "H\xC3(rde");
  RequireProblem(api.Post("/api/v1/cases", body), http::status::bad_request, "malformed-request",
                 "/api/v1/cases");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An unknown wijk is refused by the domain with 422 and stores nothing", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.replace(body.find("Centrum"), 7, "Atlantis");
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                     "invalid-request", "/api/v1/cases");
  CHECK_THAT(detail, Catch::Contains("Atlantis"));
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A reported date in the future is refused by the domain with 422", "[web]") {
  Api api;
  std::string body = kWoonoverlastBody;
  body.replace(body.find("2024-03-01"), 10, "2025-01-16");
  RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/cases");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A date before the earliest record date is refused with 422", "[web]") {
  Api api;
  for (const char* date : {"0001-01-01", "1989-12-31"}) {
    std::string body = kWoonoverlastBody;
    body.replace(body.find("2024-03-01"), 10, date);
    RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                   "invalid-request", "/api/v1/cases");
  }
  CHECK(api.StoredCaseCount() == 0);
  const auto id = api.Register();
  RequireProblem(api.Transition(id, R"({"to":"lopend","on":"1989-06-01"})"),
                 http::status::unprocessable_entity, "invalid-request",
                 "/api/v1/cases/1/transitions");
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("A postcode is stored in normal form and anything else is refused with 422", "[web]") {
  Api api;
  std::string lower = kWoonoverlastBody;
  lower.replace(lower.find("2711 AB"), 7, "2711 ab");
  const Response created = api.Post("/api/v1/cases", lower);
  REQUIRE(created.result() == http::status::created);
  CHECK(std::string(ParseJson(created.body())["address"]["postcode"].GetString()) == "2711AB");
  for (const char* postcode : {"<script>", "27111AB", "ABCD 12"}) {
    std::string body = kWoonoverlastBody;
    body.replace(body.find("2711 AB"), 7, postcode);
    RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                   "invalid-request", "/api/v1/cases");
  }
  CHECK(api.StoredCaseCount() == 1);
}

// ---------------------------------------------------------------------------------------------
// Bad ids and queries

TEST_CASE("A case id that is not a number is refused with 400", "[web]") {
  Api api;
  const auto detail = RequireProblem(api.Get("/api/v1/cases/abc"), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases/abc");
  CHECK_THAT(detail, Catch::StartsWith("the case id in the path must be a case id"));
  RequireProblem(api.Get("/api/v1/cases/-1"), http::status::bad_request, "malformed-request",
                 "/api/v1/cases/-1");
  RequireProblem(api.Get("/api/v1/cases/1.5/history"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases/1.5/history");
}

TEST_CASE("A case id out of range is refused with 400", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/cases/0"), http::status::bad_request, "malformed-request",
                 "/api/v1/cases/0");
  RequireProblem(api.Get("/api/v1/cases/9223372036854775808"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases/9223372036854775808");
}

TEST_CASE("A case that does not exist is 404 for the case, its history and a transition", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/cases/42"), http::status::not_found, "not-found",
                 "/api/v1/cases/42");
  RequireProblem(api.Get("/api/v1/cases/42/history"), http::status::not_found, "not-found",
                 "/api/v1/cases/42/history");
  RequireProblem(api.Transition(42, R"({"to":"lopend","on":"2024-03-05"})"),
                 http::status::not_found, "not-found", "/api/v1/cases/42/transitions");
}

TEST_CASE("A limit over 500 is refused with 400", "[web]") {
  Api api;
  const auto detail = RequireProblem(api.Get("/api/v1/cases?limit=501"), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases");
  CHECK(detail == "query parameter 'limit' must be a whole number from 1 to 500");
  CHECK(api.Get("/api/v1/cases?limit=500").result() == http::status::ok);
}

TEST_CASE("A limit of 0 or not a number is refused with 400", "[web]") {
  Api api;
  for (const char* limit : {"0", "ten", "-5", "99999999999999999999"}) {
    RequireProblem(api.Get(std::string("/api/v1/cases?limit=") + limit), http::status::bad_request,
                   "malformed-request", "/api/v1/cases");
  }
}

TEST_CASE("An after cursor that is not an id is refused with 400", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/cases?after=x"), http::status::bad_request, "malformed-request",
                 "/api/v1/cases");
}

TEST_CASE("An unknown query parameter is refused with 400", "[web]") {
  Api api;
  const auto detail =
      RequireProblem(api.Get("/api/v1/cases?wijk=Centrum"), http::status::bad_request,
                     "malformed-request", "/api/v1/cases");
  CHECK(detail == "unknown query parameter 'wijk'");
}

TEST_CASE("A query parameter given twice is refused with 400", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/cases?state=gemeld&state=lopend"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases");
}

TEST_CASE("An unknown enum value in the query is refused with 400", "[web]") {
  Api api;
  const auto detail = RequireProblem(api.Get("/api/v1/cases?state=open"), http::status::bad_request,
                                     "malformed-request", "/api/v1/cases");
  CHECK_THAT(detail, Catch::StartsWith("query parameter 'state' must be one of: gemeld"));
  RequireProblem(api.Get("/api/v1/cases?kind=Woonoverlast"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases");
  RequireProblem(api.Get("/api/v1/cases?housing_type=huur"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases");
}

TEST_CASE("A malformed percent-escape in the query is refused with 400", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/cases?district=De%2"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases");
  RequireProblem(api.Get("/api/v1/cases?district=%zzLeyens"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases");
}

TEST_CASE("A query on a route that takes none is refused with 400", "[web]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(api.Get("/api/v1/cases/" + std::to_string(id) + "?expand=history"),
                 http::status::bad_request, "malformed-request", "/api/v1/cases/1");
}

// ---------------------------------------------------------------------------------------------
// Transitions refused: 409, 412, 422, 400, the case unchanged

TEST_CASE("A forbidden transition is refused with 409 and changes nothing", "[web]") {
  Api api;
  const auto id = api.Register();
  const auto detail = RequireProblem(
      api.Transition(id, R"({"to":"afgerond","on":"2024-03-05","result":"opgelost"})"),
      http::status::conflict, "forbidden-transition", "/api/v1/cases/1/transitions");
  CHECK_THAT(detail, Catch::Contains("gemeld"));
  CHECK(api.cases.Find(id)->state == domain::CaseState::kGemeld);
  CHECK(api.cases.History(id).size() == 1);
}

TEST_CASE("A stale If-Match is refused with 412 and changes nothing", "[web]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(api.Transition(id, R"({"to":"lopend","on":"2024-03-05"})", "\"7\""),
                 http::status::precondition_failed, "stale-version", "/api/v1/cases/1/transitions");
  CHECK(api.cases.Find(id)->version == 1);
  CHECK(api.cases.History(id).size() == 1);
}

TEST_CASE("An If-Match that is not a version or * is refused with 400 and changes nothing",
          "[web]") {
  Api api;
  const auto id = api.Register();
  // W/"1" (weak: never matches strongly) and 1 (unquoted) were once taken as version 1.
  for (const char* if_match :
       {"abc", "\"1", "\"1\", \"2\"", "\"-1\"", "\"0\"", "", "W/\"1\"", "1", "w/\"1\"", "'1'"}) {
    RequireProblem(api.Transition(id, R"({"to":"lopend","on":"2024-03-05"})", if_match),
                   http::status::bad_request, "malformed-request", "/api/v1/cases/1/transitions");
  }
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("A transition dated before the previous one is refused with 422", "[web]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(api.Transition(id, R"({"to":"lopend","on":"2024-02-28"})"),
                 http::status::unprocessable_entity, "date-out-of-order",
                 "/api/v1/cases/1/transitions");
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("Re-opening without a reason is refused with 422", "[web]") {
  Api api;
  const auto id = api.Register();
  REQUIRE(api.Transition(id, R"({"to":"ontkracht","on":"2024-03-05"})").result() ==
          http::status::ok);
  RequireProblem(api.Transition(id, R"({"to":"lopend","on":"2024-03-06"})"),
                 http::status::unprocessable_entity, "invalid-request",
                 "/api/v1/cases/1/transitions");
  CHECK(api.cases.Find(id)->state == domain::CaseState::kOntkracht);
}

TEST_CASE("A transition body with an unknown state is refused with 422", "[web]") {
  Api api;
  const auto id = api.Register();
  const auto detail = RequireProblem(api.Transition(id, R"({"to":"gesloten","on":"2024-03-05"})"),
                                     http::status::unprocessable_entity, "invalid-request",
                                     "/api/v1/cases/1/transitions");
  CHECK_THAT(detail, Catch::StartsWith("field 'to' must be one of:"));
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("A transition body with an unknown field is refused with 400", "[web]") {
  Api api;
  const auto id = api.Register();
  const auto detail =
      RequireProblem(api.Transition(id, R"({"to":"lopend","on":"2024-03-05","by":"jan"})"),
                     http::status::bad_request, "malformed-request", "/api/v1/cases/1/transitions");
  CHECK(detail == "unknown field 'by'");
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("A transition body without the date is refused with 400 naming it", "[web]") {
  Api api;
  const auto id = api.Register();
  const auto detail =
      RequireProblem(api.Transition(id, R"({"to":"lopend"})"), http::status::bad_request,
                     "malformed-request", "/api/v1/cases/1/transitions");
  CHECK(detail == "field 'on' is required");
  CHECK(api.cases.Find(id)->version == 1);
}

// ---------------------------------------------------------------------------------------------
// Pure helpers

TEST_CASE("ParseIfMatch reads a quoted version or * and refuses the rest", "[web]") {
  const auto parse = [](std::optional<std::string> value) {
    Request request{http::verb::post, "/", 11};
    if (value) request.set(http::field::if_match, *value);
    return ParseIfMatch(request);
  };
  CHECK(parse(std::nullopt) == std::nullopt);
  CHECK(parse("*") == std::nullopt);
  CHECK(parse("\"3\"") == 3);
  CHECK(parse(" \"12\" ") == 12);
  CHECK_THROWS_AS(parse("W/3x"), domain::DomainError);
  CHECK_THROWS_AS(parse("3"), domain::DomainError);
  CHECK_THROWS_AS(parse("W/\"3\""), domain::DomainError);
}

TEST_CASE("The case export answers the team's casussen as the CSV import reads, without address",
          "[web][export]") {
  Api api;
  api.Register();
  api.As(domain::Role::kOndermijning, [&] { api.Register(testing::kOndermijningBody); });
  const Response response = api.Get("/api/v1/cases/export?delimiter=%3B");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "text/csv; charset=utf-8");
  CHECK(response.body() ==
        "wijk;woningtype;datum melding;categorie;omschrijving;status;datum afgerond;historie;"
        "external_ref\r\n"
        "Centrum;koop;2024-03-01;geluid;Harde muziek 's nachts;gemeld;;;casus-1\r\n");
}

TEST_CASE("The case export refuses another team's kind, ondermijning, and a bad delimiter",
          "[web][export]") {
  Api api;
  api.Register();
  api.As(domain::Role::kOndermijning, [&] {
    RequireProblem(api.Get("/api/v1/cases/export?kind=woonoverlast"), http::status::forbidden,
                   "forbidden", "/api/v1/cases/export");
    RequireProblem(api.Get("/api/v1/cases/export"), http::status::unprocessable_entity,
                   "invalid-request", "/api/v1/cases/export");
  });
  RequireProblem(api.Get("/api/v1/cases/export?kind=ondermijning"), http::status::forbidden,
                 "forbidden", "/api/v1/cases/export");
  RequireProblem(api.Get("/api/v1/cases/export?delimiter=x"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases/export");
  RequireProblem(api.Get("/api/v1/cases/export?from=2024-05-01&to=2024-01-01"),
                 http::status::bad_request, "malformed-request", "/api/v1/cases/export");
}

}  // namespace
}  // namespace casus::web
