// PATCH /api/v1/cases/{id} (corrections and the assignee), GET /api/v1/cases/{id}/changes and
// the assignee list filter.

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

Response Patch(Api& api, domain::CaseId id, const std::string& body,
               std::optional<std::string> if_match = std::string(R"("1")"),
               std::string content_type = "application/json") {
  return api.Send(http::verb::patch, "/api/v1/cases/" + std::to_string(id), body,
                  std::move(content_type), std::move(if_match));
}

TEST_CASE("PATCH corrects the wijk with a reason and answers the casus with its new ETag",
          "[web][correction]") {
  Api api;
  const auto id = api.Register();
  const Response response = Patch(api, id, R"({"district":"Meerzicht","reason":"verkeerde wijk"})");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::etag) == R"("2")");
  const auto casus = ParseJson(response.body());
  CHECK(std::string(casus["district"].GetString()) == "Meerzicht");
  CHECK(casus["version"].GetInt64() == 2);

  const Response changes = api.Get("/api/v1/cases/1/changes");
  REQUIRE(changes.result() == http::status::ok);
  const auto json = ParseJson(changes.body());
  REQUIRE(json.IsArray());
  REQUIRE(json.Size() == 1);
  CHECK(std::string(json[0]["field"].GetString()) == "district");
  CHECK(std::string(json[0]["old"].GetString()) == "Centrum");
  CHECK(std::string(json[0]["new"].GetString()) == "Meerzicht");
  CHECK(std::string(json[0]["reason"].GetString()) == "verkeerde wijk");
  CHECK(std::string(json[0]["who"].GetString()) == "woonoverlast");
  CHECK(std::string(json[0]["at"].GetString()) == "2025-01-15T12:00:00Z");

  const auto rows = api.audit_trail.Rows();
  CHECK(rows[rows.size() - 2].event.object == "cases/1");
  CHECK(rows[rows.size() - 2].event.action == "write_case");
  CHECK(rows.back().event.object == "cases/1/changes");
  CHECK(rows.back().event.action == "read_case");
}

TEST_CASE("PATCH shows lists and addresses as JSON in the changes", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  REQUIRE(Patch(api, id,
                R"({"categories":["geluid","zorg"],"address":null,"reason":"na huisbezoek"})",
                R"("1")", "application/merge-patch+json")
              .result() == http::status::ok);
  const auto json = ParseJson(api.Get("/api/v1/cases/1/changes").body());
  REQUIRE(json.Size() == 2);
  CHECK(json[0]["old"].IsArray());
  CHECK(json[0]["new"].Size() == 2);
  CHECK(std::string(json[1]["field"].GetString()) == "address");
  CHECK(std::string(json[1]["old"]["postcode"].GetString()) == "2711AB");
  CHECK(json[1]["new"].IsNull());
}

TEST_CASE("PATCH without If-Match is 428 and changes nothing", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  const Response response = Patch(api, id, R"({"summary":"x","reason":"y"})", std::nullopt);
  RequireProblem(response, http::status::precondition_required, "precondition-required",
                 "/api/v1/cases/1");
  CHECK(api.cases.Find(id)->version == 1);
  CHECK(api.audit_trail.Rows().back().event.result == "precondition_required");
}

TEST_CASE("PATCH with a stale If-Match is 412", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(Patch(api, id, R"({"summary":"x","reason":"y"})", R"("5")"),
                 http::status::precondition_failed, "stale-version", "/api/v1/cases/1");
}

TEST_CASE("PATCH of the state is 409 pointing to the transitions", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  const std::string detail = RequireProblem(Patch(api, id, R"({"state":"afgerond"})"),
                                            http::status::conflict, "conflict", "/api/v1/cases/1");
  CHECK(detail.find("/transitions") != std::string::npos);
}

TEST_CASE("PATCH with an unknown field or a bad type is 400", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(Patch(api, id, R"({"colour":"red","reason":"y"})"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases/1");
  RequireProblem(Patch(api, id, R"({"summary":null,"reason":"y"})"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases/1");
  RequireProblem(Patch(api, id, R"({"assignee":3})"), http::status::bad_request,
                 "malformed-request", "/api/v1/cases/1");
}

TEST_CASE("PATCH of a value that may not be stored is 422", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(Patch(api, id, R"({"district":"Atlantis","reason":"y"})"),
                 http::status::unprocessable_entity, "invalid-request", "/api/v1/cases/1");
  RequireProblem(Patch(api, id, R"({"summary":"Anders"})"), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/cases/1");
  RequireProblem(Patch(api, id, R"({"themes":["drugs"],"reason":"y"})"),
                 http::status::unprocessable_entity, "invalid-request", "/api/v1/cases/1");
  RequireProblem(Patch(api, id, R"({"assignee":"ondermijning"})"),
                 http::status::unprocessable_entity, "invalid-request", "/api/v1/cases/1");
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("PATCH of reported_on after the first transition is 422 date-out-of-order",
          "[web][correction]") {
  Api api;
  const auto id = api.Register();
  REQUIRE(api.Transition(id, R"({"to":"lopend","on":"2024-04-10"})").result() == http::status::ok);
  RequireProblem(Patch(api, id, R"({"reported_on":"2024-05-01","reason":"y"})", R"("2")"),
                 http::status::unprocessable_entity, "date-out-of-order", "/api/v1/cases/1");
}

TEST_CASE("PATCH that changes nothing is 200 without a new version", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  const Response response = Patch(api, id, R"({"district":"Centrum"})");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::etag) == R"("1")");
  CHECK(ParseJson(api.Get("/api/v1/cases/1/changes").body()).Size() == 0);
  CHECK(api.audit_trail.Rows()[api.audit_trail.Rows().size() - 2].event.object == "cases/1");
}

TEST_CASE("PATCH of another team's casus is 404 as a missing one", "[web][correction]") {
  Api api;
  api.As(domain::Role::kOndermijning, [&] { api.Register(kOndermijningBody); });
  RequireProblem(Patch(api, 1, R"({"summary":"x","reason":"y"})"), http::status::not_found,
                 "not-found", "/api/v1/cases/1");
  RequireProblem(api.Get("/api/v1/cases/1/changes"), http::status::not_found, "not-found",
                 "/api/v1/cases/1/changes");
  CHECK(api.audit_trail.Rows().back().event.result == "denied");
}

TEST_CASE("PATCH with another media type is 415", "[web][correction]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(Patch(api, id, R"({"summary":"x","reason":"y"})", R"("1")", "text/plain"),
                 http::status::unsupported_media_type, "unsupported-media-type", "/api/v1/cases/1");
}

TEST_CASE("An assignee is set and cleared without a reason and shown on the casus",
          "[web][correction]") {
  Api api;
  api.services.tokens.Create("bob", domain::Role::kWoonoverlast, std::nullopt);
  const auto id = api.Register();
  const Response taken = Patch(api, id, R"({"assignee":"bob"})");
  REQUIRE(taken.result() == http::status::ok);
  CHECK(std::string(ParseJson(taken.body())["assignee"].GetString()) == "bob");
  CHECK(std::string(ParseJson(api.Get("/api/v1/cases/1").body())["assignee"].GetString()) == "bob");
  const Response cleared = Patch(api, id, R"({"assignee":null})", R"("2")");
  REQUIRE(cleared.result() == http::status::ok);
  CHECK(ParseJson(cleared.body())["assignee"].IsNull());
  const auto changes = ParseJson(api.Get("/api/v1/cases/1/changes").body());
  REQUIRE(changes.Size() == 2);
  CHECK(std::string(changes[0]["field"].GetString()) == "assignee");
  CHECK(changes[0]["reason"].IsNull());
}

TEST_CASE("A revoked token cannot be assigned", "[web][correction]") {
  Api api;
  api.services.tokens.Create("bob", domain::Role::kWoonoverlast, std::nullopt);
  api.services.tokens.Revoke("bob");
  const auto id = api.Register();
  RequireProblem(Patch(api, id, R"({"assignee":"bob"})"), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/cases/1");
}

TEST_CASE("The list filters on assignee and on me", "[web][correction]") {
  Api api;
  api.Register();
  const auto mine = api.Register();
  REQUIRE(Patch(api, mine, R"({"assignee":"woonoverlast"})").result() == http::status::ok);
  CHECK(api.ListedIds("/api/v1/cases?assignee=me") == IdList{mine});
  CHECK(api.ListedIds("/api/v1/cases?assignee=woonoverlast") == IdList{mine});
  CHECK(api.ListedIds("/api/v1/cases?assignee=bob").empty());
  CHECK(ParseJson(api.Get("/api/v1/cases/1").body())["assignee"].IsNull());
}

}  // namespace
}  // namespace casus::web
