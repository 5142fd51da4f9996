#include "persistence/soci_district_repository.hpp"

#include <soci/soci.h>

#include "persistence/statement_cache.hpp"

namespace casus::persistence {

std::vector<std::string> SociDistrictRepository::Districts() {
  SessionLease sql(database_);
  std::string name;
  soci::statement statement =
      (sql->prepare << "SELECT name FROM districts ORDER BY position", soci::into(name));
  statement.execute();
  std::vector<std::string> names;
  while (statement.fetch()) names.push_back(name);
  return names;
}

bool SociDistrictRepository::Add(const std::string& name) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  int existing = 0;
  Execute(*sql, "SELECT COUNT(*) FROM districts WHERE name = :name", soci::use(name, "name"),
          soci::into(existing));
  if (existing > 0) return false;
  Execute(*sql,
          "INSERT INTO districts (name, position) "
          "SELECT :name, COALESCE(MAX(position), 0) + 1 FROM districts",
          soci::use(name, "name"));
  transaction.Commit();
  return true;
}

}  // namespace casus::persistence
