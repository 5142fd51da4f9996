// A working day of the woonoverlast team on the real server (SQLite, and PostgreSQL with
// CASUS_TEST_BACKEND), as issue #12 tells it: register a casus, retry that POST after a
// network reset, correct its wijk with a reason, write notes of a house visit, take the casus,
// find it again by postcode and by a word from a note, and then, as beheerder, read its whole
// trail: every step, the refusals included.

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "running_server.hpp"

namespace casus::e2e {
namespace {

using domain::Role;

constexpr const char* kRegistration =
    R"({"kind":"woonoverlast","district":"Meerzicht","housing_type":"corporatie",)"
    R"("reported_on":"2024-09-12","categories":["geluid","wederzijds"],)"
    R"("summary":"Buren klagen over nachtelijk lawaai",)"
    R"("address":{"street":"Dorpsstraat","number":"12","postcode":"2711 AA"}})";

Response Send(HttpClient& client, http::verb method, const std::string& target,
              const std::string& body,
              const std::vector<std::pair<std::string, std::string>>& fields = {}) {
  Request request{method, target, 11};
  if (!body.empty()) request.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : fields) request.set(name, value);
  request.body() = body;
  return client.Send(std::move(request));
}

// The ids of a case list's page.
std::vector<std::int64_t> Ids(const Response& response) {
  REQUIRE(response.result() == http::status::ok);
  std::vector<std::int64_t> ids;
  for (const auto& item : Json(response)["items"].GetArray()) ids.push_back(item["id"].GetInt64());
  return ids;
}

TEST_CASE("A working day: register, retry, correct, note, assign, find, and read the whole trail",
          "[e2e][casework]") {
  RunningServer running;
  HttpClient team = running.Client(Role::kWoonoverlast);

  // Registered, and the POST retried with the same key after the answer was lost.
  const Response registered = Send(team, http::verb::post, "/api/v1/cases", kRegistration,
                                   {{"Idempotency-Key", "werkdag-registratie-1"}});
  REQUIRE(registered.result() == http::status::created);
  const std::int64_t id = Json(registered)["id"].GetInt64();
  const std::string casus = "/api/v1/cases/" + std::to_string(id);
  const Response retried = Send(team, http::verb::post, "/api/v1/cases", kRegistration,
                                {{"Idempotency-Key", "werkdag-registratie-1"}});
  CHECK(retried.result() == http::status::created);
  CHECK(retried.body() == registered.body());
  CHECK(Field(retried, http::field::location) == casus);
  CHECK(Json(team.Get("/api/v1/cases?count=true"))["count"].GetInt64() == 1);

  // The wijk was wrong: corrected with a reason, under the version the team saw.
  CHECK(Send(team, http::verb::patch, casus, R"({"district":"Centrum"})", {{"If-Match", "\"1\""}})
            .result() == http::status::unprocessable_entity);  // a correction needs a reason
  CHECK(Send(team, http::verb::patch, casus, R"({"district":"Centrum","reason":"x"})").result() ==
        http::status::precondition_required);
  const Response corrected =
      Send(team, http::verb::patch, casus,
           R"({"district":"Centrum","reason":"verkeerde wijk bij registratie"})",
           {{"If-Match", "\"1\""}});
  REQUIRE(corrected.result() == http::status::ok);
  CHECK(Field(corrected, http::field::etag) == "\"2\"");
  CHECK(std::string(Json(corrected)["district"].GetString()) == "Centrum");

  // Notes of the house visit.
  for (const char* text : {R"({"text":"Huisbezoek afgelegd; bewoners bovenwoning niet thuis"})",
                           R"({"text":"Corporatie gebeld over de geluidsisolatie"})"}) {
    CHECK(Send(team, http::verb::post, casus + "/notes", text).result() == http::status::created);
  }
  const auto notes = Json(team.Get(casus + "/notes"));
  REQUIRE(notes["items"].Size() == 2);
  CHECK(std::string(notes["items"][0]["author"].GetString()) == "woonoverlast");

  // Taken by the caller, who finds it among their own.
  const Response assigned = Send(team, http::verb::patch, casus, R"({"assignee":"woonoverlast"})",
                                 {{"If-Match", "\"2\""}});
  REQUIRE(assigned.result() == http::status::ok);
  CHECK(std::string(Json(assigned)["assignee"].GetString()) == "woonoverlast");
  CHECK(Ids(team.Get("/api/v1/cases?assignee=me")) == std::vector<std::int64_t>{id});

  // Found again by postcode as the caller types it, and by a word from a note.
  CHECK(Ids(team.Get("/api/v1/cases?postcode=2711aa")) == std::vector<std::int64_t>{id});
  CHECK(Ids(team.Get("/api/v1/cases?q=geluidsisolatie")) == std::vector<std::int64_t>{id});
  CHECK(Ids(team.Get("/api/v1/cases?q=bovenwoning&reported_from=2024-09-01"
                     "&reported_to=2024-09-30&sort=-reported_on")) ==
        std::vector<std::int64_t>{id});
  CHECK(Ids(team.Get("/api/v1/cases?q=inbraak")).empty());

  // Every correction is kept.
  const auto changes = Json(team.Get(casus + "/changes"));
  REQUIRE(changes.Size() == 2);
  CHECK(std::string(changes[0]["field"].GetString()) == "district");
  CHECK(std::string(changes[0]["old"].GetString()) == "Meerzicht");
  CHECK(std::string(changes[0]["reason"].GetString()) == "verkeerde wijk bij registratie");
  CHECK(std::string(changes[1]["field"].GetString()) == "assignee");

  // The other team may not look, and the report counts the casus in its corrected wijk.
  CHECK(running.Client(Role::kOndermijning).Get(casus + "/notes").result() ==
        http::status::not_found);
  const auto report = Json(running.Client(Role::kAnalist).Get("/api/v1/reports/woonoverlast/2024"));
  for (const auto& row : report["rows"].GetArray()) {
    const std::string district = row["district"].GetString();
    INFO(district);
    CHECK(row["corporatie"]["lopend"].GetInt() == (district == "Centrum" ? 1 : 0));
  }

  // The beheerder sees every step of the day on this casus, refusals included, in order.
  const Response trail =
      running.Client(Role::kBeheerder).Get("/api/v1/audit?object=cases/" + std::to_string(id));
  REQUIRE(trail.result() == http::status::ok);
  std::vector<std::string> rows;
  for (const auto& item : Json(trail)["items"].GetArray()) {
    rows.push_back(std::string(item["token"].GetString()) + " " + item["action"].GetString() + " " +
                   item["object"].GetString() + " " + item["result"].GetString());
  }
  const std::string object = "cases/" + std::to_string(id);
  const std::vector<std::string> expected = {
      "woonoverlast write_case " + object + " ok",
      "woonoverlast write_case " + object + " replayed",
      "woonoverlast write_case " + object + " invalid",
      "woonoverlast write_case " + object + " precondition_required",
      "woonoverlast write_case " + object + " ok",
      "woonoverlast write_case " + object + "/notes ok",
      "woonoverlast write_case " + object + "/notes ok",
      "woonoverlast read_case " + object + "/notes ok",
      "woonoverlast write_case " + object + " ok",
      "woonoverlast read_case " + object + "/changes ok",
      "ondermijning read_case " + object + "/notes denied",
  };
  CHECK(rows == expected);
}

}  // namespace
}  // namespace casus::e2e
