#include "persistence/soci_data_version.hpp"

#include <soci/soci.h>

#include <stdexcept>

#include "persistence/statement_cache.hpp"

namespace casus::persistence {

std::int64_t SociDataVersion::Current() {
  SessionLease sql(database_);
  std::int64_t version = 0;
  if (!Execute(*sql, "SELECT version FROM data_version WHERE id = 1", soci::into(version))) {
    throw std::runtime_error("data_version has no row: the schema is damaged");
  }
  return version;
}

}  // namespace casus::persistence
