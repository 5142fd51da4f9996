#pragma once

#include <string>

#include "persistence/dialect.hpp"

namespace casus::persistence {

// Where the data lives, as `--db` names it: a PostgreSQL server when the text is a libpq
// connection string, either a URI ("postgresql://casus@db.example:5432/casus", "postgres://")
// or the key=value form ("host=/run/postgresql dbname=casus", recognised by a libpq keyword
// before its first '='); a SQLite file path otherwise, as always.
struct DatabaseLocation {
  Dialect dialect = Dialect::kSqlite;
  std::string target;  // the file path, or the connection string as given

  static DatabaseLocation Parse(const std::string& db);

  // For messages and logs: the path, or the connection string without its password.
  std::string Describe() const;
};

}  // namespace casus::persistence
