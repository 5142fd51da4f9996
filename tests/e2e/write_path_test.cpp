// The write path under faults: the real server on a loopback port while another connection
// holds the database's write lock.

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "running_server.hpp"

namespace casus::e2e {
namespace {

using domain::Role;
using Clock = std::chrono::steady_clock;

constexpr const char* kCaseBody =
    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek"})";

TEST_CASE(
    "A write-locked database answers 503 with Retry-After within a second, changes "
    "nothing, and /healthz answers meanwhile",
    "[e2e][write_path]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  HttpClient health(running.port);
  REQUIRE(client.Post("/api/v1/cases", kCaseBody).result() == http::status::created);

  {
    // Another process's backup or sqlite3 shell, as far as SQLite can tell.
    persistence::Database other(running.file.path(), 1);
    persistence::SessionLease lock(other);
    persistence::Transaction holding(*lock, persistence::Transaction::Mode::kWrite);

    const auto start = Clock::now();
    const Response refused = client.Post("/api/v1/cases", kCaseBody);
    const auto took = Clock::now() - start;
    CHECK(refused.result() == http::status::service_unavailable);
    CHECK(Field(refused, http::field::content_type) == "application/problem+json");
    CHECK(Field(refused, http::field::retry_after) == "1");
    CHECK(took < std::chrono::milliseconds(1500));  // the writer's deadline is 800 ms

    const auto health_start = Clock::now();
    CHECK(health.Get("/healthz").result() == http::status::ok);
    CHECK(Clock::now() - health_start < std::chrono::milliseconds(200));
    // Reads still work in WAL mode, and the writer is alive: ready, though writes wait.
    CHECK(health.Get("/readyz").result() == http::status::ok);
  }
  // The lock is gone: writes go through again, and the refused one was never applied.
  REQUIRE(client.Post("/api/v1/cases", kCaseBody).result() == http::status::created);
  const Response listed = client.Get("/api/v1/cases");
  REQUIRE(listed.result() == http::status::ok);
  CHECK(Json(listed)["items"].Size() == 2);
}

}  // namespace
}  // namespace casus::e2e
