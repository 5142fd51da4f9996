#pragma once

#include <cstdint>

#include "domain/reports/data_version.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// DataVersion on the data_version row, which the database's own triggers bump in every
// transaction that changes report data (schema/007_data_version.sql), whoever writes. One
// indexed read of one row. Does not own `database`, which must outlive it. Thread-safety:
// as SociCaseRepository.
class SociDataVersion final : public domain::DataVersion {
 public:
  explicit SociDataVersion(Database& database) : database_(database) {}

  std::int64_t Current() override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
