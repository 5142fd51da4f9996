// casus backup while the server takes writes, and the restore README describes: the copy holds
// every casus acknowledged before the backup began, its file is whole, its audit chain
// verifies, and put in the database's place it is served again and takes new writes. On
// PostgreSQL the command refuses and points to pg_dump.

#include <atomic>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "casus_command.hpp"
#include "running_server.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

int CasesIn(const std::string& db) {
  persistence::Database database{db};
  persistence::SessionLease sql(database);
  int cases = 0;
  *sql << "SELECT COUNT(*) FROM cases", soci::into(cases);
  return cases;
}

// Restores as README says: the server stopped, the database and its -wal and -shm moved aside,
// the copy put in its place.
void RestoreInPlace(const std::string& db, const std::string& copy) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    if (std::filesystem::exists(db + suffix)) {
      std::filesystem::rename(db + suffix, db + suffix + ".replaced");
    }
  }
  std::filesystem::copy_file(copy, db);
}

TEST_CASE("A backup under write load restores with every casus acknowledged before it began",
          "[e2e][backup]") {
  TempDatabaseLocation db;
  if (persistence::testing::TestsOnPostgres()) {
    const CommandRun refused = RunCasus("", "backup --db '" + db.path() + "' --to /tmp/x.db");
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.find("pg_dump") != std::string::npos);
    return;
  }
  const std::string token = CreateToken(db.path(), "alice", "woonoverlast");
  const std::string copy = db.path() + ".backup";
  // Ids of the casussen acknowledged before the backup began, and of all acknowledged.
  std::vector<std::int64_t> before_backup;
  std::vector<std::int64_t> acknowledged;
  {
    ServeProcess serve(db.path());
    // Its access log read all along (a pipe nobody reads fills and holds up the log), up to
    // the line it writes last when it stops.
    bool stopped_cleanly = false;
    std::thread log_reader([&] {
      stopped_cleanly = serve.process.WaitForLine("stopped", std::chrono::minutes(2)).has_value();
    });
    std::mutex mutex;
    std::atomic<bool> backup_started{false};
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&] {
        HttpClient client(serve.port, token);
        while (!stop) {
          // Read before sending: a casus acknowledged after this was false may yet have been
          // committed before the backup's snapshot, never the other way round.
          const bool sent_before_backup = !backup_started;
          const Response created = client.Post(
              "/api/v1/cases",
              R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
              R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek"})");
          if (created.result() != http::status::created) continue;
          const std::int64_t id = Json(created)["id"].GetInt64();
          std::lock_guard lock(mutex);
          acknowledged.push_back(id);
          if (sent_before_backup) before_backup.push_back(id);
        }
      });
    }
    while (true) {
      {
        std::lock_guard lock(mutex);
        if (acknowledged.size() >= 40) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    // Writers that checked the flag before this line and are answered later count as before.
    backup_started = true;
    const CommandRun backup = RunCasus("", "backup --db '" + db.path() + "' --to '" + copy + "'");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // writes after the backup too
    stop = true;
    for (auto& writer : writers) writer.join();
    INFO(backup.out);
    REQUIRE(backup.exit_code == 0);
    CHECK(backup.out.find("integrity check: ok") != std::string::npos);
    CHECK(backup.out.find("audit trail: intact") != std::string::npos);
    // A backup never overwrites.
    CHECK(RunCasus("", "backup --db '" + db.path() + "' --to '" + copy + "'").exit_code == 1);
    // Stopped as systemd stops it.
    serve.process.Signal(SIGTERM);
    log_reader.join();
    CHECK(stopped_cleanly);
    REQUIRE(serve.process.Wait(std::chrono::seconds(10)).has_value());
  }
  REQUIRE_FALSE(before_backup.empty());
  const int copied = CasesIn(copy);
  CHECK(copied >= static_cast<int>(before_backup.size()));
  CHECK(copied <= static_cast<int>(acknowledged.size()));

  RestoreInPlace(db.path(), copy);
  const CommandRun verified = RunCasus("", "audit verify --db '" + db.path() + "'");
  INFO(verified.out);
  CHECK(verified.exit_code == 0);
  {
    ServeProcess restored(db.path());
    HttpClient client(restored.port, token);
    for (const std::int64_t id : before_backup) {
      INFO("casus " << id);
      CHECK(client.Get("/api/v1/cases/" + std::to_string(id)).result() == http::status::ok);
    }
    // The restored database takes writes again, and their audit rows chain on.
    CHECK(client
              .Post("/api/v1/cases",
                    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
                    R"("reported_on":"2024-03-02","categories":["geluid"],"summary":"Na herstel"})")
              .result() == http::status::created);
  }
  CHECK(RunCasus("", "audit verify --db '" + db.path() + "'").exit_code == 0);
  CHECK(RunCasus("", "report woonoverlast --year 2024 --db '" + db.path() + "'").exit_code == 0);
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(db.path() + suffix + ".replaced", ignored);
  }
  std::filesystem::remove(copy, ignored);
}

}  // namespace
}  // namespace casus::e2e
