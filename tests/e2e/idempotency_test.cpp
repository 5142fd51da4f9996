// Idempotency-Key on the real server (SQLite, and PostgreSQL with CASUS_TEST_BACKEND): retries
// that race each other still change the database once.

#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "running_server.hpp"

namespace casus::e2e {
namespace {

using domain::Role;

constexpr const char* kCaseBody =
    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek"})";

struct Answer {
  unsigned status = 0;
  std::string body;
  std::string location;
  std::string etag;
  std::string content_type;
};

Answer Post(const RunningServer& running, const std::string& key) {
  HttpClient client = running.Client(Role::kWoonoverlast);
  Request request{http::verb::post, "/api/v1/cases", 11};
  request.set(http::field::content_type, "application/json");
  request.set("Idempotency-Key", key);
  request.body() = kCaseBody;
  const Response response = client.Send(std::move(request));
  return {response.result_int(), response.body(), Field(response, http::field::location),
          Field(response, http::field::etag), Field(response, http::field::content_type)};
}

TEST_CASE("Eight concurrent POSTs with one Idempotency-Key create one casus and get one answer",
          "[e2e][idempotency]") {
  RunningServer running;
  constexpr int kCallers = 8;
  std::vector<Answer> answers(kCallers);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&, i] { answers[i] = Post(running, "race-7f3a"); });
  }
  for (auto& caller : callers) caller.join();

  for (const Answer& answer : answers) {
    CHECK(answer.status == 201);
    CHECK(answer.body == answers.front().body);
    CHECK(answer.location == answers.front().location);
    CHECK(answer.etag == "\"1\"");
    CHECK(answer.content_type == "application/json");
  }
  HttpClient client = running.Client(Role::kWoonoverlast);
  const Response listed = client.Get("/api/v1/cases");
  REQUIRE(listed.result() == http::status::ok);
  CHECK(Json(listed)["items"].Size() == 1);

  // One row registered the casus, the other seven were replays.
  const Response audit = running.Client(Role::kBeheerder).Get("/api/v1/audit?limit=500");
  REQUIRE(audit.result() == http::status::ok);
  int ok = 0;
  int replayed = 0;
  for (const auto& row : Json(audit)["items"].GetArray()) {
    if (std::string(row["action"].GetString()) != "write_case") continue;
    const std::string result = row["result"].GetString();
    if (result == "ok") ++ok;
    if (result == "replayed") ++replayed;
  }
  CHECK(ok == 1);
  CHECK(replayed == kCallers - 1);

  // A new key is a new casus.
  CHECK(Post(running, "race-7f3b").status == 201);
  CHECK(Json(client.Get("/api/v1/cases"))["items"].Size() == 2);
}

}  // namespace
}  // namespace casus::e2e
