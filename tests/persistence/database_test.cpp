#include "persistence/database.hpp"

#include <soci/soci.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "persistence/migrator.hpp"
#include "persistence/soci_case_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using testing::TempDatabase;
using testing::TempDatabasePath;

TEST_CASE("Every pooled session runs with WAL, foreign keys, a busy timeout and full sync",
          "[persistence][database]") {
  TempDatabasePath file;
  Database database(file.path(), 3);
  REQUIRE(database.pool_size() == 3);

  // Holding all leases at once guarantees each of the pool's sessions is inspected.
  std::vector<std::unique_ptr<SessionLease>> leases;
  for (int i = 0; i < 3; ++i) leases.push_back(std::make_unique<SessionLease>(database));
  for (const auto& lease : leases) {
    std::string journal_mode;
    int foreign_keys = 0;
    int busy_timeout = 0;
    int synchronous = 0;
    **lease << "PRAGMA journal_mode", soci::into(journal_mode);
    **lease << "PRAGMA foreign_keys", soci::into(foreign_keys);
    **lease << "PRAGMA busy_timeout", soci::into(busy_timeout);
    **lease << "PRAGMA synchronous", soci::into(synchronous);
    CHECK(journal_mode == "wal");
    CHECK(foreign_keys == 1);
    CHECK(busy_timeout == 5000);
    CHECK(synchronous == 2);  // FULL
  }
}

TEST_CASE("A write is visible from a second Database opened on the same file",
          "[persistence][database]") {
  TempDatabasePath file;
  auto writer = std::make_unique<Database>(file.path());
  Migrate(*writer);
  Database reader(file.path());

  const auto fields = testing::Woonoverlast();
  const auto created = SociCaseRepository(*writer).Create(fields, testing::Registration(fields));

  SociCaseRepository reading(reader);
  REQUIRE(reading.Find(created.id).has_value());

  writer.reset();  // and after the writer has closed its connections
  const auto found = reading.Find(created.id);
  REQUIRE(found.has_value());
  testing::CheckSameCasus(*found, created);
}

TEST_CASE("A committed write survives a killed process", "[persistence][database]") {
  TempDatabasePath file;
  { Migrate(*std::make_unique<Database>(file.path())); }

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child writes, then dies without closing anything or checkpointing the WAL.
    try {
      Database database(file.path());
      const auto fields = testing::Ondermijning();
      SociCaseRepository(database).Create(fields, testing::Registration(fields));
    } catch (...) {
      ::_exit(2);
    }
    ::kill(::getpid(), SIGKILL);
    ::_exit(3);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);

  Database database(file.path());
  const auto found = SociCaseRepository(database).Find(1);
  REQUIRE(found.has_value());
  CHECK(found->summary == "Signaal hennepkwekerij");
}

TEST_CASE("An in-memory database keeps one session so every borrower sees the same data",
          "[persistence][database]") {
  Database database(":memory:", 4);
  CHECK(database.pool_size() == 1);
  Migrate(database);
  SociCaseRepository cases(database);
  const auto fields = testing::Woonoverlast();
  const auto created = cases.Create(fields, testing::Registration(fields));
  REQUIRE(cases.Find(created.id).has_value());
}

TEST_CASE("A transaction left open is rolled back when its session returns to the pool",
          "[persistence][database]") {
  TempDatabase db(1);
  {
    SessionLease sql(db.database);
    *sql << "BEGIN";
    *sql << "INSERT INTO districts (name, position) VALUES ('Palenstein', 99)";
  }
  SessionLease sql(db.database);
  int count = -1;
  *sql << "SELECT COUNT(*) FROM districts WHERE name = 'Palenstein'", soci::into(count);
  CHECK(count == 0);
  // The session is usable for a new transaction: nothing is still open on it.
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  transaction.Commit();
}

TEST_CASE("An uncommitted Transaction rolls back, a committed one stays",
          "[persistence][database]") {
  TempDatabase db(1);
  SessionLease sql(db.database);
  {
    Transaction transaction(*sql, Transaction::Mode::kWrite);
    *sql << "INSERT INTO districts (name, position) VALUES ('Palenstein', 99)";
  }
  {
    Transaction transaction(*sql, Transaction::Mode::kWrite);
    *sql << "INSERT INTO districts (name, position) VALUES ('Driemanspolder', 98)";
    transaction.Commit();
  }
  int palenstein = -1;
  int driemanspolder = -1;
  *sql << "SELECT COUNT(*) FROM districts WHERE name = 'Palenstein'", soci::into(palenstein);
  *sql << "SELECT COUNT(*) FROM districts WHERE name = 'Driemanspolder'",
      soci::into(driemanspolder);
  CHECK(palenstein == 0);
  CHECK(driemanspolder == 1);
}

TEST_CASE("A path with spaces and '=' opens the file it names", "[persistence][database]") {
  TempDatabasePath file("casus test db=x");
  {
    Database database(file.path(), 2);
    Migrate(database);
  }
  CHECK(std::filesystem::exists(file.path()));
  Database database(file.path());
  CHECK(CurrentVersion(database) > 0);
}

TEST_CASE("A database in a missing directory cannot be opened", "[persistence][database]") {
  CHECK_THROWS(Database("/nonexistent-casus-dir/x/casus.db"));
}

}  // namespace
}  // namespace casus::persistence
