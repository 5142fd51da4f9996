#pragma once

#include <string>
#include <vector>

#include "domain/cases/district_repository.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// DistrictRepository on the districts table (seeded by schema/002_zoetermeer_districts.sql).
// Does not own `database`, which must outlive it. Thread-safety: as SociCaseRepository.
class SociDistrictRepository final : public domain::DistrictRepository {
 public:
  explicit SociDistrictRepository(Database& database) : database_(database) {}

  // Names ordered by districts.position.
  std::vector<std::string> Districts() override;
  bool Add(const std::string& name) override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
