// Notes and the search of the case list over HTTP, on the real server and database (SQLite, or
// PostgreSQL with CASUS_TEST_BACKEND=postgresql).

#include <string>

#include <catch2/catch.hpp>

#include "running_server.hpp"

namespace casus::e2e {
namespace {

using domain::Role;

std::string CaseBody(const char* postcode, const char* summary) {
  return std::string(R"({"kind":"woonoverlast","district":"De Leyens","housing_type":"koop",)") +
         R"("reported_on":"2024-03-01","categories":["geluid"],"summary":")" + summary +
         R"(","address":{"street":"Dorpsstraat","number":"1","postcode":")" + postcode + R"("}})";
}

TEST_CASE("Over HTTP a casus is found by postcode and by a word from one of its notes", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  REQUIRE(client.Post("/api/v1/cases", CaseBody("2711 AA", "Harde muziek")).result() ==
          http::status::created);
  REQUIRE(client.Post("/api/v1/cases", CaseBody("2712 BB", "Blaffende hond")).result() ==
          http::status::created);

  const Response note =
      client.Post("/api/v1/cases/2/notes", R"({"text":"Huisbezoek: eigenaar belooft beterschap"})");
  REQUIRE(note.result() == http::status::created);
  CHECK(std::string(Json(note)["author"].GetString()) == "woonoverlast");
  CHECK(Field(client.Get("/api/v1/cases/2"), http::field::etag) == "\"1\"");

  const Response by_postcode = client.Get("/api/v1/cases?postcode=2711aa&count=true");
  REQUIRE(by_postcode.result() == http::status::ok);
  const auto found = Json(by_postcode);
  REQUIRE(found["items"].Size() == 1);
  CHECK(found["items"][0]["id"].GetInt64() == 1);
  CHECK(found["count"].GetInt64() == 1);

  const Response by_note = client.Get("/api/v1/cases?q=Beterschap");
  REQUIRE(by_note.result() == http::status::ok);
  const auto matched = Json(by_note);
  REQUIRE(matched["items"].Size() == 1);
  CHECK(matched["items"][0]["id"].GetInt64() == 2);

  CHECK(client.Get("/api/v1/cases?q=NEAR(%22").result() == http::status::ok);
  const Response notes = client.Get("/api/v1/cases/2/notes");
  REQUIRE(notes.result() == http::status::ok);
  CHECK(Json(notes)["items"].Size() == 1);

  HttpClient other = running.Client(Role::kOndermijning);
  CHECK(other.Get("/api/v1/cases/2/notes").result() == http::status::not_found);
  CHECK(other.Post("/api/v1/cases/2/notes", R"({"text":"x"})").result() == http::status::not_found);
}

}  // namespace
}  // namespace casus::e2e
