#pragma once

#include <string>
#include <vector>

namespace casus::domain {

// Port: the municipality's wijken, reference data loaded per municipality (Zoetermeer's eight
// are seeded by a migration). Thread-safety: as CaseRepository.
class DistrictRepository {
 public:
  virtual ~DistrictRepository() = default;

  // Names in reference order: the row order of the year reports.
  virtual std::vector<std::string> Districts() = 0;

  // Appends a wijk at the end of the reference order; false, storing nothing, when a wijk of
  // that name exists.
  virtual bool Add(const std::string& name) = 0;
};

}  // namespace casus::domain
