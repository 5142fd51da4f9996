#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "domain/cases/district.hpp"

namespace casus::domain {

// What the municipality's publications say about whose figures they are.
struct Municipality {
  std::string name;                      // "Zoetermeer"
  std::string woonoverlast_table_title;  // "Tabel 5.1 Woonoverlast", followed by the year
  friend bool operator==(const Municipality&, const Municipality&) = default;
};

// Port: the municipality's reference data: its wijken and its name and titles (a new database
// holds Zoetermeer's, from migrations 002 and 015; DistrictService changes them).
// Thread-safety: as CaseRepository.
class DistrictRepository {
 public:
  virtual ~DistrictRepository() = default;

  // Every wijk, retired ones included, in reference order (by position), each with its former
  // names.
  virtual std::vector<District> All() = 0;

  // Makes `wanted` the whole set, in one transaction: a wijk with an id is updated to it, one
  // with id 0 added, a stored one not in `wanted` removed. Throws DomainError(kConflict) naming
  // them, and stores nothing, when a wijk to be removed still has casussen or signals. The
  // caller checks the rest (unique names, codes and positions 1..n: DistrictService).
  virtual void Store(const std::vector<District>& wanted) = 0;

  // The ids of the wijken a casus or a signal names.
  virtual std::set<std::int64_t> InUse() = 0;

  virtual Municipality GetMunicipality() = 0;
  virtual void StoreMunicipality(const Municipality& municipality) = 0;
};

}  // namespace casus::domain
