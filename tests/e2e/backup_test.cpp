// casus backup while the server takes writes: the copy holds every casus acknowledged before
// the backup began, its file is whole and its audit chain verifies, and it serves as a
// database again (a restore is putting the copy in the database's place). On PostgreSQL the
// command refuses and points to pg_dump.

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

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

TEST_CASE("casus backup under write load keeps every acknowledged casus, whole and verified",
          "[e2e][backup]") {
  TempDatabaseLocation db;
  if (persistence::testing::TestsOnPostgres()) {
    const CommandRun refused = RunCasus("", "backup --db '" + db.path() + "' --to /tmp/x.db");
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.find("pg_dump") != std::string::npos);
    return;
  }
  const std::string token = CreateToken(db.path(), "alice", "woonoverlast");
  ServeProcess serve(db.path());
  std::atomic<int> acknowledged{0};
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    HttpClient client(serve.port, token);
    while (!stop) {
      const Response created = client.Post(
          "/api/v1/cases",
          R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
          R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek"})");
      if (created.result() == http::status::created) ++acknowledged;
    }
  });
  while (acknowledged < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int before = acknowledged.load();
  const std::string copy = db.path() + ".backup";
  const CommandRun backup = RunCasus("", "backup --db '" + db.path() + "' --to '" + copy + "'");
  stop = true;
  writer.join();
  INFO(backup.out);
  REQUIRE(backup.exit_code == 0);
  CHECK(backup.out.find("integrity check: ok") != std::string::npos);
  CHECK(backup.out.find("audit trail: intact") != std::string::npos);

  const int copied = CasesIn(copy);
  CHECK(copied >= before);
  CHECK(copied <= acknowledged.load());
  CHECK(RunCasus("", "audit verify --db '" + copy + "'").exit_code == 0);
  const CommandRun report = RunCasus("", "report woonoverlast --year 2024 --db '" + copy + "'");
  CHECK(report.exit_code == 0);
  CHECK(RunCasus("", "backup --db '" + db.path() + "' --to '" + copy + "'").exit_code == 1);
  std::filesystem::remove(copy);
}

}  // namespace
}  // namespace casus::e2e
