#pragma once

#include <span>

#include "persistence/database.hpp"
#include "persistence/migration.hpp"

namespace casus::persistence {

// Brings the database's schema up to date: applies every migration not yet recorded in the
// table schema_version (version, name, applied_at), in ascending version order. Each migration
// runs in one write transaction together with its schema_version row, so it is applied
// completely and exactly once, even when several processes migrate the same file at once.
// Idempotent and cheap when nothing is pending: safe to call at every start.
//
// Returns how many migrations it applied. Throws std::runtime_error when a migration fails
// (that migration is rolled back, earlier ones stay applied) or when the database has a
// version newer than the newest migration given (a newer binary migrated it).
// Migrate(database) applies the embedded migrations of the database's dialect.
int Migrate(Database& database);
int Migrate(Database& database, std::span<const Migration> migrations);

// The highest version recorded in schema_version; 0 for a database never migrated.
int CurrentVersion(Database& database);

// The schema version this program brings a database to: its newest embedded migration (the
// same in both dialects). `casus --version` prints it.
int LatestSchemaVersion();

}  // namespace casus::persistence
