#pragma once

#include <vector>

#include "domain/cases/district_repository.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// DistrictRepository on the districts, district_names and settings tables (schema/002 seeds
// Zoetermeer's wijken, schema/*/015 their codes, history and the settings). Does not own
// `database`, which must outlive it. Thread-safety: as SociCaseRepository.
class SociDistrictRepository final : public domain::DistrictRepository {
 public:
  explicit SociDistrictRepository(Database& database) : database_(database) {}

  std::vector<domain::District> All() override;
  // Positions, names and codes are first moved out of the way (negative positions, names no
  // wijk may have), so that wijken may swap them in one go under the UNIQUE constraints.
  void Store(const std::vector<domain::District>& wanted) override;
  std::set<std::int64_t> InUse() override;
  domain::Municipality GetMunicipality() override;
  void StoreMunicipality(const domain::Municipality& municipality) override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
