#pragma once

#include <span>
#include <string_view>

namespace casus::persistence {

// One schema change: the text of schema/NNN_name.sql, applied once per database.
struct Migration {
  int version = 0;        // NNN, the number the file name starts with
  std::string_view name;  // the file name, e.g. "001_cases.sql"
  std::string_view sql;   // one or more SQL statements; no BEGIN/COMMIT of its own
};

// Every migration in schema/, embedded at build time (persistence/embed_migrations.cmake),
// ascending by version. The texts have static storage duration.
std::span<const Migration> EmbeddedMigrations();

}  // namespace casus::persistence
