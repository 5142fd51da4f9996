// Upgrading as an operator does it: the new casus says which version it is and which schema it
// brings a database to, and copies a SQLite database beside itself before it migrates it, so
// that an upgrade that goes wrong can be undone by putting that copy back.
#include <filesystem>
#include <regex>
#include <string>

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include "casus_command.hpp"
#include "persistence/database.hpp"
#include "persistence/database_backup.hpp"
#include "persistence/migration.hpp"
#include "persistence/migrator.hpp"
#include "temp_path.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::e2e {
namespace {

// A database as the casus before the newest migration left it.
void MigrateAllButTheNewest(const std::string& db) {
  persistence::Database database(db, 1);
  const auto migrations = persistence::EmbeddedMigrations(database.dialect());
  persistence::Migrate(database, migrations.first(migrations.size() - 1));
}

int SchemaVersionOf(const std::string& db) {
  persistence::Database database(db, 1);
  return persistence::CurrentVersion(database);
}

// The copies taken before migrating `db`: files beside it named db.schema-N.TIME.PID.bak.
std::vector<std::string> PreMigrationCopiesOf(const std::string& db) {
  const std::filesystem::path path(db);
  std::vector<std::string> copies;
  for (const auto& entry : std::filesystem::directory_iterator(path.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(path.filename().string() + ".schema-", 0) == 0) {
      copies.push_back(entry.path().string());
    }
  }
  return copies;
}

TEST_CASE("casus --version names the version and the schema version it migrates to",
          "[e2e][upgrade]") {
  const CommandRun version = RunCasus("", "--version");
  CHECK(version.exit_code == 0);
  CHECK(std::regex_match(version.out,
                         std::regex(R"(casus \d+\.\d+\.\d+ \(schema version (\d+)\)\n)")));
  CHECK(version.out.find("(schema version " + std::to_string(persistence::LatestSchemaVersion()) +
                         ")") != std::string::npos);
  CHECK(RunCasus("", "version").out == version.out);
}

TEST_CASE("casus migrate copies a SQLite database at an older schema before it migrates it",
          "[e2e][upgrade]") {
  TempDatabaseLocation db(TempDatabaseLocation::Content::kNothing);
  MigrateAllButTheNewest(db.path());
  const int older = persistence::LatestSchemaVersion() - 1;
  REQUIRE(SchemaVersionOf(db.path()) == older);

  const CommandRun migrate = RunCasus("", "migrate --db '" + db.path() + "'");
  INFO(migrate.out);
  REQUIRE(migrate.exit_code == 0);
  CHECK(SchemaVersionOf(db.path()) == persistence::LatestSchemaVersion());
  if (persistence::testing::TestsOnPostgres()) {
    CHECK(migrate.out.find("pg_dump") != std::string::npos);
    return;
  }
  const auto copies = PreMigrationCopiesOf(db.path());
  REQUIRE(copies.size() == 1);
  CHECK(migrate.out.find("backed up") != std::string::npos);
  CHECK(migrate.out.find(copies.front()) != std::string::npos);
  CHECK(copies.front().find(".schema-" + std::to_string(older) + ".") != std::string::npos);
  {
    // The copy is the database as it was: whole, at the older schema.
    persistence::Database copy(copies.front(), 1);
    CHECK(persistence::IntegrityCheck(copy) == "ok");
    CHECK(persistence::CurrentVersion(copy) == older);
  }
  // Nothing pending: no copy.
  CHECK(RunCasus("", "migrate --db '" + db.path() + "'").exit_code == 0);
  CHECK(PreMigrationCopiesOf(db.path()).size() == 1);
  std::filesystem::remove(copies.front());
}

TEST_CASE("Every command that upgrades a database copies it first, and a new one gets no copy",
          "[e2e][upgrade]") {
  if (persistence::testing::TestsOnPostgres()) return;  // no file to copy; see the test above
  TempDatabaseLocation created(TempDatabaseLocation::Content::kNothing);
  CHECK(RunCasus("", "migrate --db '" + created.path() + "'").exit_code == 0);
  CHECK(PreMigrationCopiesOf(created.path()).empty());

  TempDatabaseLocation db(TempDatabaseLocation::Content::kNothing);
  MigrateAllButTheNewest(db.path());
  const CommandRun report =
      RunCasus("", "report woonoverlast --year 2024 --db '" + db.path() + "'");
  INFO(report.out);
  CHECK(report.exit_code == 0);
  const auto copies = PreMigrationCopiesOf(db.path());
  CHECK(copies.size() == 1);
  CHECK(SchemaVersionOf(db.path()) == persistence::LatestSchemaVersion());
  for (const auto& copy : copies) std::filesystem::remove(copy);
}

}  // namespace
}  // namespace casus::e2e
