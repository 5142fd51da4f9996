// The real casus binary: a committed registration survives kill -9.

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <soci/soci.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "child_process.hpp"
#include "http_client.hpp"
#include "persistence/database.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

using namespace std::chrono_literals;

constexpr const char* kCaseBody =
    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek"})";

TEST_CASE("A registered casus survives kill -9 of the server", "[e2e][durability]") {
  TempDatabaseLocation db;
  const std::string token = CreateToken(db.path(), "durability", "woonoverlast");
  std::string created_body;
  {
    ServeProcess serve(db.path());
    HttpClient client(serve.port, token);
    const Response created = client.Post("/api/v1/cases", kCaseBody);
    REQUIRE(created.result() == http::status::created);
    CHECK(created[http::field::location] == "/api/v1/cases/1");
    created_body = created.body();
    serve.process.Signal(SIGKILL);
    const auto status = serve.process.Wait(10s);
    REQUIRE(status.has_value());
    CHECK(WIFSIGNALED(*status));
  }
  ServeProcess again(db.path());
  HttpClient client(again.port, token);
  const Response fetched = client.Get("/api/v1/cases/1");
  REQUIRE(fetched.result() == http::status::ok);
  CHECK(fetched.body() == created_body);
  // The token outlived the kill too, and is still the only way in.
  CHECK(HttpClient(again.port).Get("/api/v1/cases/1").result() == http::status::unauthorized);
}

// What the writers were told was stored: each casus with the highest version acknowledged.
class Acknowledged {
 public:
  void Record(std::int64_t id, std::int64_t version) {
    std::lock_guard lock(mutex_);
    auto& known = versions_[id];
    known = std::max(known, version);
  }
  std::map<std::int64_t, std::int64_t> Versions() const {
    std::lock_guard lock(mutex_);
    return versions_;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::int64_t, std::int64_t> versions_;
};

// One writer: registers casussen and moves its own ones on, until the connection fails.
void WriteUntilKilled(unsigned short port, const std::string& token, Acknowledged& acknowledged,
                      std::uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<std::int64_t> own;
  try {
    HttpClient client(port, token, std::chrono::seconds(5));
    while (true) {
      if (own.empty() || random() % 2 == 0) {
        const Response created = client.Post("/api/v1/cases", kCaseBody);
        if (created.result() != http::status::created) continue;
        const std::string location(created[http::field::location]);
        const auto id = std::stoll(location.substr(location.rfind('/') + 1));
        acknowledged.Record(id, 1);
        own.push_back(id);
      } else {
        const auto id = own.back();
        own.pop_back();  // one move per casus: gemeld -> lopend
        const Response moved = client.Post("/api/v1/cases/" + std::to_string(id) + "/transitions",
                                           R"({"to":"lopend","on":"2024-03-05"})");
        if (moved.result() == http::status::ok) acknowledged.Record(id, 2);
      }
    }
  } catch (const std::exception&) {
    // The server was killed: this writer is done.
  }
}

std::int64_t Count(soci::session& sql, const std::string& query) {
  std::int64_t count = 0;
  sql << query, soci::into(count);
  return count;
}

TEST_CASE(
    "Eight writers and kill -9 at random moments: every acknowledged write stays, every "
    "change has its audit row, the file and the chain are intact",
    "[e2e][durability][crash]") {
  TempDatabaseLocation db;
  const std::string token = CreateToken(db.path(), "crash-loop", "woonoverlast");
  Acknowledged acknowledged;
  std::mt19937 random(20241231);
  for (int round = 0; round < 5; ++round) {
    ServeProcess serve(db.path());
    std::vector<std::thread> writers;
    for (int w = 0; w < 8; ++w) {
      writers.emplace_back(WriteUntilKilled, serve.port, token, std::ref(acknowledged),
                           static_cast<std::uint32_t>(round * 8 + w));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + random() % 400));
    serve.process.Signal(SIGKILL);
    REQUIRE(serve.process.Wait(10s).has_value());
    for (auto& writer : writers) writer.join();
  }
  const auto versions = acknowledged.Versions();
  REQUIRE(versions.size() > 10);  // the writers did write

  {
    persistence::Database database(db.path(), 1);
    persistence::SessionLease sql(database);
    if (database.dialect() == persistence::Dialect::kSqlite) {  // the file itself
      std::string integrity;
      *sql << "PRAGMA integrity_check", soci::into(integrity);
      CHECK(integrity == "ok");
    }
    for (const auto& [id, version] : versions) {
      std::int64_t stored = 0;
      *sql << "SELECT version FROM cases WHERE id = :id", soci::use(id, "id"), soci::into(stored);
      INFO("casus " << id);
      CHECK(stored >= version);
    }
    // Every committed casus and transition has its "ok" audit row, and no more.
    CHECK(Count(*sql, "SELECT COUNT(*) FROM cases") ==
          Count(*sql,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'write_case' AND result = 'ok' "
                "AND object = subject AND object LIKE 'cases/%'"));
    CHECK(Count(*sql, "SELECT COUNT(*) FROM case_transitions WHERE sequence > 1") ==
          Count(*sql,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'write_case' AND object LIKE "
                "'cases/%/transitions' AND result = 'ok'"));
  }
  ChildProcess verify(CASUS_BINARY, {"audit", "verify", "--db", db.path()});
  const auto status = verify.Wait(30s);
  REQUIRE(status.has_value());
  CHECK(WIFEXITED(*status));
  CHECK(WEXITSTATUS(*status) == 0);
}

TEST_CASE("casus serve stops cleanly on SIGTERM", "[e2e][durability]") {
  TempDatabaseLocation db;
  ServeProcess serve(db.path());
  {
    HttpClient client(serve.port);
    REQUIRE(client.Get("/healthz").result() == http::status::ok);
    serve.process.Signal(SIGTERM);  // with this connection still open and idle
    CHECK(serve.process.WaitForLine("stopped", 10s).has_value());
  }
  const auto status = serve.process.Wait(10s);
  REQUIRE(status.has_value());
  CHECK(WIFEXITED(*status));
  CHECK(WEXITSTATUS(*status) == 0);
}

}  // namespace
}  // namespace casus::e2e
