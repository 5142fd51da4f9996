#pragma once

namespace casus::persistence {

// The SQL dialects Casus speaks: SQLite (one file, the default) and PostgreSQL (a server).
// Migrations and the few statements that differ are chosen by it.
enum class Dialect { kSqlite, kPostgresql };

}  // namespace casus::persistence
