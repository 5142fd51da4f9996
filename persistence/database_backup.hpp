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

}  // namespace casus::persistence
