// The ondermijning side of /api/v1/cases: themes on registration, enforcement details on
// transitions and in the history.

#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "web/case_routes.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::kOndermijningBody;
using testing::ParseJson;
using testing::RequireProblem;

std::string OndermijningWith(const std::string& field) {
  std::string body = kOndermijningBody;
  body.insert(body.size() - 1, "," + field);
  return body;
}

std::string OndermijningWithout(const std::string& member) {
  std::string body = kOndermijningBody;
  const auto start = body.find(member);
  REQUIRE(start != std::string::npos);
  body.erase(start, member.size());
  return body;
}

// An ondermijning casus moved to lopend, ready for handhaving.
domain::CaseId RegisterLopend(Api& api) {
  const auto id = api.Register(kOndermijningBody);
  REQUIRE(api.Transition(id, R"({"to":"lopend","on":"2024-04-10"})").result() == http::status::ok);
  return id;
}

TEST_CASE("Registering an ondermijning casus answers 201 with its themes and no signals yet",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const Response response = api.Post("/api/v1/cases", kOndermijningBody);
  REQUIRE(response.result() == http::status::created);
  CHECK(Header(response, http::field::location) == "/api/v1/cases/1");
  CHECK(Header(response, http::field::etag) == "\"1\"");
  CHECK(response.body() ==
        R"({"id":1,"kind":"ondermijning","state":"gemeld","district":"Rokkeveen",)"
        R"("housing_type":null,"reported_on":"2024-04-02","categories":[],)"
        R"("themes":["drugs","witwassen"],"summary":"Hennepkwekerij vermoed","address":null,)"
        R"("signal_ids":[],"assignee":null,"version":1})");
  CHECK(api.Get("/api/v1/cases/1").body() == response.body());
}

TEST_CASE("An ondermijning casus needs no district", "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const Response response =
      api.Post("/api/v1/cases", OndermijningWithout(R"(,"district":"Rokkeveen")"));
  REQUIRE(response.result() == http::status::created);
  CHECK(ParseJson(response.body())["district"].IsNull());
}

TEST_CASE("An ondermijning casus without themes is refused by the domain with 422",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  for (const std::string& body : {OndermijningWithout(R"("themes":["drugs","witwassen"],)"),
                                  OndermijningWithout(R"("drugs","witwassen")")}) {
    const auto detail =
        RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                       "invalid-request", "/api/v1/cases");
    CHECK_THAT(detail, Catch::Contains("themes"));
  }
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An ondermijning casus with housing_type or categories is refused with 422",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  for (const char* field : {R"("housing_type":"koop")", R"("categories":["geluid"])"}) {
    RequireProblem(api.Post("/api/v1/cases", OndermijningWith(field)),
                   http::status::unprocessable_entity, "invalid-request", "/api/v1/cases");
  }
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A woonoverlast casus with themes is refused with 422", "[web][ondermijning]") {
  Api api;  // the woonoverlast team's
  std::string body = testing::kWoonoverlastBody;
  body.insert(body.size() - 1, R"(,"themes":["drugs"])");
  RequireProblem(api.Post("/api/v1/cases", body), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/cases");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An unknown or repeated theme is refused with 422, themes not an array with 400",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  std::string unknown = kOndermijningBody;
  unknown.replace(unknown.find(R"("witwassen")"), 11, R"("fraude")");
  const auto detail =
      RequireProblem(api.Post("/api/v1/cases", unknown), http::status::unprocessable_entity,
                     "invalid-request", "/api/v1/cases");
  CHECK_THAT(detail, Catch::StartsWith("field 'themes[1]' must be one of: drugs, prostitutie"));

  std::string repeated = kOndermijningBody;
  repeated.replace(repeated.find(R"("witwassen")"), 11, R"("drugs")");
  RequireProblem(api.Post("/api/v1/cases", repeated), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/cases");

  std::string scalar = kOndermijningBody;
  scalar.replace(scalar.find(R"(["drugs","witwassen"])"), 21, R"("drugs")");
  const auto shape = RequireProblem(api.Post("/api/v1/cases", scalar), http::status::bad_request,
                                    "malformed-request", "/api/v1/cases");
  CHECK(shape == "field 'themes' must be an array, not a string");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("An ondermijning casus moves through handhaving and sluiting with their details",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const auto id = RegisterLopend(api);
  const Response handhaving = api.Transition(
      id,
      R"({"to":"handhaving","on":"2024-05-01","partner":"Politie","measure":"bestuurlijke_waarschuwing"})",
      "\"2\"");
  REQUIRE(handhaving.result() == http::status::ok);
  CHECK(Header(handhaving, http::field::etag) == "\"3\"");
  CHECK(std::string(ParseJson(handhaving.body())["state"].GetString()) == "handhaving");

  REQUIRE(api.Transition(id, R"({"to":"sluiting","on":"2024-06-01",)"
                             R"("legal_basis":"art_13b_opiumwet","until":"2024-09-01"})")
              .result() == http::status::ok);
  REQUIRE(api.Transition(id, R"({"to":"afgerond","on":"2024-10-01",)"
                             R"("result":"onvoldoende_aanknopingspunten"})")
              .result() == http::status::ok);

  const Response history = api.Get("/api/v1/cases/1/history");
  REQUIRE(history.result() == http::status::ok);
  CHECK(history.body() ==
        R"([{"sequence":1,"from":null,"to":"gemeld","on":"2024-04-02","reason":null,)"
        R"("result":null,"recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":null,"until":null},)"
        R"({"sequence":2,"from":"gemeld","to":"lopend","on":"2024-04-10","reason":null,)"
        R"("result":null,"recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":null,"until":null},)"
        R"({"sequence":3,"from":"lopend","to":"handhaving","on":"2024-05-01","reason":null,)"
        R"("result":null,"recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":"Politie","measure":"bestuurlijke_waarschuwing","legal_basis":null,)"
        R"("until":null},)"
        R"({"sequence":4,"from":"handhaving","to":"sluiting","on":"2024-06-01","reason":null,)"
        R"("result":null,"recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":"art_13b_opiumwet",)"
        R"("until":"2024-09-01"},)"
        R"({"sequence":5,"from":"sluiting","to":"afgerond","on":"2024-10-01","reason":null,)"
        R"("result":"onvoldoende_aanknopingspunten","recorded_at":"2025-01-15T12:00:00Z",)"
        R"("partner":null,"measure":null,"legal_basis":null,"until":null}])");
}

TEST_CASE("Handhaving of an ondermijning casus without partner or measure is refused with 422",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const auto id = RegisterLopend(api);
  for (const char* body : {R"({"to":"handhaving","on":"2024-05-01","partner":"Politie"})",
                           R"({"to":"handhaving","on":"2024-05-01","measure":"overig"})"}) {
    RequireProblem(api.Transition(id, body), http::status::unprocessable_entity, "invalid-request",
                   "/api/v1/cases/1/transitions");
  }
  CHECK(api.cases.Find(id)->version == 2);
}

TEST_CASE("Sluiting of an ondermijning casus needs its legal basis and an until not before on",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const auto id = RegisterLopend(api);
  REQUIRE(api.Transition(id, R"({"to":"handhaving","on":"2024-05-01","partner":"Politie",)"
                             R"("measure":"sluiting"})")
              .result() == http::status::ok);
  for (const char* body :
       {R"({"to":"sluiting","on":"2024-06-01","until":"2024-09-01"})",
        R"({"to":"sluiting","on":"2024-06-01","legal_basis":"art_174a_gemeentewet"})",
        R"({"to":"sluiting","on":"2024-06-01","legal_basis":"overig","until":"2024-05-31"})"}) {
    RequireProblem(api.Transition(id, body), http::status::unprocessable_entity, "invalid-request",
                   "/api/v1/cases/1/transitions");
  }
  CHECK(api.cases.Find(id)->state == domain::CaseState::kHandhaving);
}

TEST_CASE("Enforcement details on a move they do not belong to are refused with 422",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Register(kOndermijningBody);
  for (const char* body : {R"({"to":"lopend","on":"2024-04-10","partner":"Politie"})",
                           R"({"to":"lopend","on":"2024-04-10","until":"2024-09-01"})"}) {
    RequireProblem(api.Transition(id, body), http::status::unprocessable_entity, "invalid-request",
                   "/api/v1/cases/1/transitions");
  }
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("An unknown measure or legal basis is refused with 422 listing the allowed ones",
          "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const auto id = RegisterLopend(api);
  const auto measure = RequireProblem(
      api.Transition(id, R"({"to":"handhaving","on":"2024-05-01","partner":"Politie",)"
                         R"("measure":"boete"})"),
      http::status::unprocessable_entity, "invalid-request", "/api/v1/cases/1/transitions");
  CHECK(measure ==
        "field 'measure' must be one of: bestuurlijke_waarschuwing, last_onder_dwangsom, "
        "sluiting, overig");
  const auto basis = RequireProblem(
      api.Transition(id, R"({"to":"sluiting","on":"2024-06-01","legal_basis":"art_13a",)"
                         R"("until":"2024-09-01"})"),
      http::status::unprocessable_entity, "invalid-request", "/api/v1/cases/1/transitions");
  CHECK(basis ==
        "field 'legal_basis' must be one of: art_13b_opiumwet, art_174a_gemeentewet, overig");
  CHECK(api.cases.Find(id)->version == 2);
}

TEST_CASE("An until that is not a date is 422, one of the wrong type 400", "[web][ondermijning]") {
  Api api{domain::Role::kOndermijning};
  const auto id = RegisterLopend(api);
  REQUIRE(api.Transition(id, R"({"to":"handhaving","on":"2024-05-01","partner":"Politie",)"
                             R"("measure":"sluiting"})")
              .result() == http::status::ok);
  const auto not_a_date = RequireProblem(
      api.Transition(id, R"({"to":"sluiting","on":"2024-06-01","legal_basis":"overig",)"
                         R"("until":"1 september"})"),
      http::status::unprocessable_entity, "invalid-request", "/api/v1/cases/1/transitions");
  CHECK(not_a_date == "field 'until' must be a date YYYY-MM-DD");
  const auto number = RequireProblem(
      api.Transition(id, R"({"to":"sluiting","on":"2024-06-01","legal_basis":"overig",)"
                         R"("until":20240901})"),
      http::status::bad_request, "malformed-request", "/api/v1/cases/1/transitions");
  CHECK(number == "field 'until' must be a string, not a number");
  const auto partner = RequireProblem(
      api.Transition(id, R"({"to":"afgerond","on":"2024-06-01","partner":["Politie"]})"),
      http::status::bad_request, "malformed-request", "/api/v1/cases/1/transitions");
  CHECK(partner == "field 'partner' must be a string, not an array");
  CHECK(api.cases.Find(id)->version == 3);
}

}  // namespace
}  // namespace casus::web
