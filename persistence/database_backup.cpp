#include "persistence/database_backup.hpp"

#include <soci/soci.h>

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <stdexcept>

namespace casus::persistence {

void BackupTo(Database& database, const std::string& to) {
  SessionLease sql(database);
  if (DialectOf(*sql) != Dialect::kSqlite) {
    throw std::runtime_error(
        "casus backup copies SQLite databases; back up PostgreSQL with pg_dump "
        "(pg_dump --format=custom --file=casus.dump DBNAME), which is consistent while "
        "Casus runs");
  }
  std::error_code ignored;
  if (std::filesystem::exists(to, ignored)) {
    throw std::runtime_error(to + " exists already; a backup never overwrites a file");
  }
  std::string target = to;
  *sql << "VACUUM INTO :target", soci::use(target, "target");
}

std::string IntegrityCheck(Database& database) {
  SessionLease sql(database);
  std::string result;
  *sql << "PRAGMA integrity_check", soci::into(result);
  return result;
}

std::string PreMigrationBackupPath(const std::string& db_path, int schema_version) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  return db_path + ".schema-" + std::to_string(schema_version) + "." + stamp + "." +
         std::to_string(::getpid()) + ".bak";
}

std::string BackupBeforeMigrating(Database& database, int schema_version) {
  const std::string to = PreMigrationBackupPath(database.path(), schema_version);
  try {
    BackupTo(database, to);
    Database copy(to, 1);
    if (const std::string integrity = IntegrityCheck(copy); integrity != "ok") {
      throw std::runtime_error("the copy is not whole: " + integrity);
    }
  } catch (const std::exception& error) {
    throw std::runtime_error("could not back up " + database.path() + " to " + to +
                             " before migrating it, so it was left at schema version " +
                             std::to_string(schema_version) + ": " + error.what());
  }
  return to;
}

}  // namespace casus::persistence
