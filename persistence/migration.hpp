#pragma once

#include <span>
#include <string_view>

#include "persistence/dialect.hpp"

namespace casus::persistence {

// One schema change: the text of schema/NNN_name.sql, applied once per database.
struct Migration {
  int version = 0;        // NNN, the number the file name starts with
  std::string_view name;  // the file name, e.g. "001_cases.sql"
  std::string_view sql;   // one or more SQL statements; no BEGIN/COMMIT of its own
};

// Every migration of schema/ for `dialect` (the shared ones and its own folder's), embedded at
// build time (persistence/embed_migrations.cmake), ascending by version; both dialects have
// the same versions and names. The texts have static storage duration.
std::span<const Migration> EmbeddedMigrations(Dialect dialect = Dialect::kSqlite);

}  // namespace casus::persistence
