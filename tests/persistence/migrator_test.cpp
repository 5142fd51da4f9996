#include "persistence/migrator.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <thread>
#include <vector>

#include "persistence/database.hpp"
#include "persistence/migration.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using testing::TempDatabasePath;

int Count(Database& database, const std::string& query) {
  SessionLease sql(database);
  int count = -1;
  *sql << query, soci::into(count);
  return count;
}

TEST_CASE("The embedded migrations are schema/'s files in number order",
          "[persistence][migrator]") {
  const auto migrations = EmbeddedMigrations();
  REQUIRE(migrations.size() >= 2);
  CHECK(migrations[0].version == 1);
  CHECK(migrations[0].name == "001_cases.sql");
  CHECK(migrations[1].version == 2);
  CHECK(migrations[1].name == "002_zoetermeer_districts.sql");
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    CHECK(migrations[i - 1].version < migrations[i].version);
  }
  CHECK(migrations[0].sql.find("CREATE TABLE cases") != std::string_view::npos);
}

TEST_CASE("Migrations apply once and a second run applies nothing", "[persistence][migrator]") {
  TempDatabasePath file;
  Database database(file.path());
  const auto migrations = EmbeddedMigrations();
  CHECK(CurrentVersion(database) == 0);

  CHECK(Migrate(database) == static_cast<int>(migrations.size()));
  CHECK(Migrate(database) == 0);
  CHECK(Migrate(database) == 0);

  CHECK(CurrentVersion(database) == migrations.back().version);
  CHECK(Count(database, "SELECT COUNT(*) FROM schema_version") ==
        static_cast<int>(migrations.size()));
  for (const Migration& migration : migrations) {
    SessionLease sql(database);
    std::string name;
    std::string applied_at;
    const int version = migration.version;
    *sql << "SELECT name, applied_at FROM schema_version WHERE version = :v", soci::use(version),
        soci::into(name), soci::into(applied_at);
    CHECK(name == migration.name);
    CHECK(applied_at.size() == 20);  // YYYY-MM-DDTHH:MM:SSZ
  }
  // The seed ran once: a second run would have failed on districts.name UNIQUE anyway.
  CHECK(Count(database, "SELECT COUNT(*) FROM districts") == 8);
}

TEST_CASE("A reopened database is not migrated again", "[persistence][migrator]") {
  TempDatabasePath file;
  {
    Database database(file.path());
    Migrate(database);
  }
  Database database(file.path());
  CHECK(Migrate(database) == 0);
  CHECK(CurrentVersion(database) == EmbeddedMigrations().back().version);
}

TEST_CASE("A failing migration is rolled back together with its version row",
          "[persistence][migrator]") {
  TempDatabasePath file;
  Database database(file.path());
  const std::array good = {Migration{1, "001_a.sql", "CREATE TABLE a (x INTEGER);"}};
  const std::array bad = {
      Migration{1, "001_a.sql", "CREATE TABLE a (x INTEGER);"},
      Migration{2, "002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1);"}};
  const std::array fixed = {
      Migration{1, "001_a.sql", "CREATE TABLE a (x INTEGER);"},
      Migration{2, "002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1);"}};

  CHECK(Migrate(database, good) == 1);
  CHECK_THROWS_WITH(Migrate(database, bad), Catch::Contains("002_b.sql"));
  CHECK(CurrentVersion(database) == 1);
  CHECK(Count(database, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'") == 0);

  CHECK(Migrate(database, fixed) == 1);
  CHECK(CurrentVersion(database) == 2);
  CHECK(Count(database, "SELECT COUNT(*) FROM a") == 1);
}

TEST_CASE("Migrations are applied in number order whatever order they are given",
          "[persistence][migrator]") {
  TempDatabasePath file;
  Database database(file.path());
  const std::array shuffled = {Migration{3, "003_c.sql", "INSERT INTO a VALUES (3);"},
                               Migration{1, "001_a.sql", "CREATE TABLE a (x INTEGER);"},
                               Migration{2, "002_b.sql", "INSERT INTO a VALUES (2);"}};
  CHECK(Migrate(database, shuffled) == 3);
  SessionLease sql(database);
  int first = 0;
  *sql << "SELECT x FROM a ORDER BY rowid LIMIT 1", soci::into(first);
  CHECK(first == 2);
}

TEST_CASE("A database migrated by a newer program is refused", "[persistence][migrator]") {
  TempDatabasePath file;
  Database database(file.path());
  Migrate(database);
  {
    SessionLease sql(database);
    *sql << "INSERT INTO schema_version (version, name, applied_at) "
            "VALUES (999, '999_future.sql', '2030-01-01T00:00:00Z')";
  }
  CHECK_THROWS_WITH(Migrate(database), Catch::Contains("newer"));
}

TEST_CASE("Concurrent migrators apply each migration exactly once", "[persistence][migrator]") {
  TempDatabasePath file;
  constexpr int kMigrators = 4;
  std::vector<int> applied(kMigrators, -1);
  std::vector<std::thread> threads;
  for (int i = 0; i < kMigrators; ++i) {
    threads.emplace_back([&file, &applied, i] {
      // Separate Database objects: as separate server processes would be.
      Database database(file.path(), 1);
      applied[i] = Migrate(database);
    });
  }
  for (auto& thread : threads) thread.join();

  int total = 0;
  for (int count : applied) total += count;
  CHECK(total == static_cast<int>(EmbeddedMigrations().size()));
  Database database(file.path());
  CHECK(Count(database, "SELECT COUNT(*) FROM schema_version") ==
        static_cast<int>(EmbeddedMigrations().size()));
  CHECK(Count(database, "SELECT COUNT(*) FROM districts") == 8);
}

}  // namespace
}  // namespace casus::persistence
