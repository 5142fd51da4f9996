#include "persistence/migrator.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

namespace casus::persistence {

namespace {

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

void CreateVersionTable(soci::session& sql) {
  sql << "CREATE TABLE IF NOT EXISTS schema_version ("
         "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}

int MaxVersion(soci::session& sql) {
  int version = 0;
  soci::indicator indicator = soci::i_ok;
  sql << "SELECT MAX(version) FROM schema_version", soci::into(version, indicator);
  return indicator == soci::i_ok ? version : 0;
}

bool IsApplied(soci::session& sql, int version) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM schema_version WHERE version = :version", soci::use(version),
      soci::into(count);
  return count > 0;
}

}  // namespace

int Migrate(Database& database) {
  return Migrate(database, EmbeddedMigrations(database.dialect()));
}

int Migrate(Database& database, std::span<const Migration> migrations) {
  std::vector<Migration> ordered(migrations.begin(), migrations.end());
  std::sort(ordered.begin(), ordered.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  const int newest = ordered.empty() ? 0 : ordered.back().version;

  SessionLease sql(database);
  {
    Transaction transaction(*sql, Transaction::Mode::kWrite);
    CreateVersionTable(*sql);
    const int current = MaxVersion(*sql);
    if (current > newest) {
      throw std::runtime_error("database schema version " + std::to_string(current) +
                               " is newer than this program's " + std::to_string(newest));
    }
    transaction.Commit();
  }

  int applied = 0;
  for (const Migration& migration : ordered) {
    // Checked again inside the write lock: another process may have applied it meanwhile.
    Transaction transaction(*sql, Transaction::Mode::kWrite);
    if (IsApplied(*sql, migration.version)) continue;
    try {
      ExecuteScript(*sql, migration.sql);
    } catch (const std::exception& e) {
      throw std::runtime_error("migration " + std::string(migration.name) + ": " + e.what());
    }
    const int version = migration.version;
    const std::string name(migration.name);
    const std::string applied_at = NowUtc();
    *sql << "INSERT INTO schema_version (version, name, applied_at) "
            "VALUES (:version, :name, :applied_at)",
        soci::use(version), soci::use(name), soci::use(applied_at);
    transaction.Commit();
    ++applied;
  }
  return applied;
}

int CurrentVersion(Database& database) {
  SessionLease sql(database);
  int exists = 0;
  *sql << (database.dialect() == Dialect::kPostgresql
               ? "SELECT COUNT(*) FROM information_schema.tables "
                 "WHERE table_schema = current_schema() AND table_name = 'schema_version'"
               : "SELECT COUNT(*) FROM sqlite_master "
                 "WHERE type = 'table' AND name = 'schema_version'"),
      soci::into(exists);
  return exists == 0 ? 0 : MaxVersion(*sql);
}

int LatestSchemaVersion() {
  int newest = 0;
  for (const Migration& migration : EmbeddedMigrations(Dialect::kSqlite)) {
    newest = std::max(newest, migration.version);
  }
  return newest;
}

}  // namespace casus::persistence
