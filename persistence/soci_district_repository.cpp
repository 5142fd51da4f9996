#include "persistence/soci_district_repository.hpp"

#include <soci/soci.h>

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

}  // namespace casus::persistence
