#pragma once

#include <string>

#include "persistence/database.hpp"

namespace casus::persistence {

// An online backup of a SQLite database: `VACUUM INTO` writes a consistent copy of one read
// snapshot to `to` while the server goes on writing (WAL keeps readers and the writer apart),
// compacted, in one file without -wal or -shm beside it. Throws std::runtime_error for a
// PostgreSQL database (its tool is pg_dump, README "Backup and restore") and when a file is at
// `to` already (a backup never overwrites).
void BackupTo(Database& database, const std::string& to);

// SQLite's PRAGMA integrity_check of `database`: "ok", or its first problem.
std::string IntegrityCheck(Database& database);

// The file a migration's safety copy of the SQLite file `db_path` goes to: beside it (its
// directory is writable, or WAL could not work), named after the schema version it holds, the
// time and the process, so that two processes upgrading at once do not collide and the oldest
// copy sorts first: `casus.db.schema-15.20261203T101500Z.4711.bak`.
std::string PreMigrationBackupPath(const std::string& db_path, int schema_version);

// A copy of a SQLite `database` at `schema_version`, taken before a migration changes it and
// checked (integrity_check) before the migration may go ahead. Returns its path. Throws
// std::runtime_error, having changed nothing, when the copy cannot be written or is not whole.
std::string BackupBeforeMigrating(Database& database, int schema_version);

}  // namespace casus::persistence
