#include "persistence/database_backup.hpp"

#include <soci/soci.h>

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

}  // namespace casus::persistence
