// The PostgreSQL dialect against a real server (.ci/with-postgres): its migrations, its
// triggers and Database's transactions there.

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "persistence/database.hpp"
#include "persistence/migration.hpp"
#include "persistence/migrator.hpp"
#include "persistence/statement_cache.hpp"
#include "tests/persistence/temp_postgres.hpp"

namespace casus::persistence {
namespace {

using testing::PostgresServer;
using testing::TempPostgresDatabase;

std::int64_t Number(Database& database, const std::string& query) {
  SessionLease sql(database);
  long long value = -1;
  *sql << query, soci::into(value);
  return value;
}

TEST_CASE("On PostgreSQL every migration applies once and is recorded as on SQLite",
          "[persistence][postgresql][migrator]") {
  const auto server = PostgresServer();
  if (!server) return;
  TempPostgresDatabase temp(*server);
  Database database(temp.connect(), 2);
  CHECK(database.dialect() == Dialect::kPostgresql);
  CHECK(CurrentVersion(database) == 0);
  const auto migrations = EmbeddedMigrations(Dialect::kPostgresql);
  CHECK(Migrate(database) == static_cast<int>(migrations.size()));
  CHECK(Migrate(database) == 0);
  CHECK(CurrentVersion(database) == migrations.back().version);

  SessionLease sql(database);
  soci::rowset<soci::row> rows = sql->prepare
                                 << "SELECT version, name FROM schema_version ORDER BY version";
  std::size_t i = 0;
  for (const soci::row& row : rows) {
    REQUIRE(i < migrations.size());
    CHECK(row.get<int>(0) == migrations[i].version);
    CHECK(row.get<std::string>(1) == migrations[i].name);
    ++i;
  }
  CHECK(i == migrations.size());
}

TEST_CASE("A PostgreSQL URI without a query connects as written", "[persistence][postgresql]") {
  const auto server = PostgresServer();
  if (!server) return;
  TempPostgresDatabase temp(*server);
  // postgresql://casus@:5432/NAME?host=DIR as postgresql://casus@%2FDIR:5432/NAME: the socket
  // directory percent-encoded into the authority, nothing after the database's name.
  const std::string& uri = temp.connect();
  const std::size_t query = uri.find("?host=");
  REQUIRE(query != std::string::npos);
  std::string host;
  for (const char c : uri.substr(query + 6))
    host += c == '/' ? std::string("%2F") : std::string(1, c);
  const std::size_t at = uri.find('@');
  const std::size_t path = uri.find('/', at);
  const std::string bare = uri.substr(0, at + 1) + host + uri.substr(at + 1, path - at - 1) +
                           uri.substr(path, query - path);
  INFO(bare);
  Database database(bare, 1);
  CHECK(Number(database, "SELECT 7") == 7);
  CHECK(Number(database,
               "SELECT COUNT(*) FROM pg_database WHERE datname = current_database() "
               "AND datname LIKE 'casus_test_%'") == 1);
}

TEST_CASE("On PostgreSQL the triggers keep closures and versions and refuse changes to history",
          "[persistence][postgresql]") {
  const auto server = PostgresServer();
  if (!server) return;
  TempPostgresDatabase temp(*server);
  Database database(temp.connect(), 2);
  Migrate(database);
  const std::int64_t data_version = Number(database, "SELECT version FROM data_version");
  {
    SessionLease sql(database);
    Transaction transaction(*sql, Transaction::Mode::kWrite);
    *sql << "INSERT INTO cases (kind, state, district_id, housing_type, reported_on, summary, "
            "version, created_at) VALUES ('woonoverlast', 'lopend', 1, 'koop', '2024-01-05', "
            "'s', 1, '2024-01-05T09:00:00Z')";
    const std::string moves[] = {
        "(1, 1, NULL, 'gemeld', '2024-01-05')", "(1, 2, 'gemeld', 'lopend', '2024-01-06')",
        "(1, 3, 'lopend', 'afgerond', '2024-03-01')", "(1, 4, 'afgerond', 'lopend', '2024-05-01')"};
    for (const std::string& move : moves) {
      *sql << "INSERT INTO case_transitions (case_id, sequence, from_state, to_state, "
              "effective_on, recorded_at) VALUES " +
                  move.substr(0, move.size() - 1) + ", 'now')";
    }
    transaction.Commit();
  }
  CHECK(Number(database,
               "SELECT COUNT(*) FROM case_closures WHERE closed_on = '2024-03-01' "
               "AND reopened_on = '2024-05-01' AND housing_type = 'koop'") == 1);
  CHECK(Number(database, "SELECT version FROM data_version") > data_version);

  SessionLease sql(database);
  CHECK_THROWS(*sql << "DELETE FROM case_transitions WHERE case_id = 1");
  *sql << "INSERT INTO audit_log (id, at, token, role, action, object, result, client, "
          "prev_hash, hash) VALUES (1, 'a', 't', 'r', 'x', 'o', 'allowed', 'c', 'p', 'h')";
  CHECK_THROWS(*sql << "UPDATE audit_log SET result = 'denied'");
  CHECK_THROWS(*sql << "DELETE FROM audit_log");
  CHECK_THROWS(*sql << "UPDATE audit_head SET last_id = 7, last_hash = 'h'");
  CHECK_NOTHROW(*sql << "UPDATE audit_head SET last_id = 1, last_hash = 'h'");
}

TEST_CASE("On PostgreSQL a lease returns its session rolled back, and transactions nest",
          "[persistence][postgresql]") {
  const auto server = PostgresServer();
  if (!server) return;
  TempPostgresDatabase temp(*server);
  Database database(temp.connect(), 1);
  Migrate(database);
  {
    SessionLease sql(database);
    Transaction outer(*sql, Transaction::Mode::kWrite);
    CHECK(InTransaction(*sql));
    *sql << "INSERT INTO districts (name, position) VALUES ('Stadshart', 9)";
    {
      Transaction inner(*sql, Transaction::Mode::kWrite);  // a savepoint
      *sql << "INSERT INTO districts (name, position) VALUES ('Buitengebied', 10)";
    }  // rolled back to the savepoint
    outer.Commit();
  }
  CHECK(Number(database, "SELECT COUNT(*) FROM districts WHERE name = 'Stadshart'") == 1);
  CHECK(Number(database, "SELECT COUNT(*) FROM districts WHERE name = 'Buitengebied'") == 0);
  {
    SessionLease sql(database);
    *sql << "BEGIN";
    *sql << "INSERT INTO districts (name, position) VALUES ('Vergeten', 11)";
  }  // left open: rolled back when the session went back to the pool
  {
    SessionLease sql(database);
    CHECK_FALSE(InTransaction(*sql));
  }
  CHECK(Number(database, "SELECT COUNT(*) FROM districts WHERE name = 'Vergeten'") == 0);
}

TEST_CASE("On PostgreSQL write transactions queue one at a time, across connections",
          "[persistence][postgresql][concurrency]") {
  const auto server = PostgresServer();
  if (!server) return;
  TempPostgresDatabase temp(*server);
  Database database(temp.connect(), 4);
  Migrate(database);
  // Each writer reads the counter and writes it back one higher after a pause: without a
  // write lock the increments would overwrite each other (READ COMMITTED lost updates).
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        SessionLease sql(database);
        Transaction transaction(*sql, Transaction::Mode::kWrite);
        long long version = 0;
        *sql << "SELECT version FROM token_version WHERE id = 1", soci::into(version);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        *sql << "UPDATE token_version SET version = :v WHERE id = 1", soci::use(version + 1);
        transaction.Commit();
      }
    });
  }
  for (auto& writer : writers) writer.join();
  CHECK(Number(database, "SELECT version FROM token_version") == 20);
}

}  // namespace
}  // namespace casus::persistence
