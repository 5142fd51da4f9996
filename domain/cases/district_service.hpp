#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/cases/district.hpp"
#include "domain/cases/district_repository.hpp"
#include "domain/clock.hpp"

namespace casus::domain {

// A line of a municipality's wijken file (`naam,code,volgorde`).
struct DistrictRow {
  std::string name;
  std::string code;
  int order = 0;
  friend bool operator==(const DistrictRow&, const DistrictRow&) = default;
};

// What a load changed.
struct DistrictLoadSummary {
  int added = 0;
  int changed = 0;  // renamed, given its code, or moved
  int unchanged = 0;
  int removed = 0;                        // --replace only
  std::vector<std::string> kept_retired;  // --replace: retired wijken not in the file, kept
};

// The use cases on the municipality's reference data: its wijken (load a file, add, rename,
// retire, reorder) and its name and table title. A wijk is named by its CBS code or its name
// wherever one is picked (`which`).
//
// Errors: throws DomainError: kInvalid for a value or file that breaks a rule, kNotFound for
// an unknown wijk, kConflict for a name or code another wijk has, or a wijk to be removed that
// still has casussen. Thread-safety: as its ports; no state of its own. Does not own them.
class DistrictService {
 public:
  DistrictService(DistrictRepository& districts, const Clock& clock)
      : districts_(districts), clock_(clock) {}

  std::vector<District> List();

  // Appends a wijk at the end of the reference order.
  District Add(const std::string& name);

  // Makes the file's wijken the municipality's: matched on the code (or, for a wijk without a
  // code yet, on the name, which gives it the code), renamed (as of today) where the file names
  // them otherwise, added where new; the file's wijken first, by `volgorde`, then the others in
  // their order. Loading the same file twice changes nothing the second time. `replace`: a
  // wijk not in the file is removed; refused, storing nothing, while it has casussen, unless
  // it is retired (then it stays, after the file's).
  DistrictLoadSummary Load(const std::vector<DistrictRow>& rows, bool replace);

  // From `on` (default today) the wijk is called `new_name`; reports with a peildatum before
  // `on` keep the old name. A second rename on the same day replaces the first.
  District Rename(const std::string& which, const std::string& new_name,
                  std::optional<Date> on = {});
  // From `on` (default today) no casus or signal reported may name the wijk; its casussen keep
  // it, and it stays in the reports of years it had any. Retiring again moves the day.
  District Retire(const std::string& which, std::optional<Date> on = {});
  // Moves the wijk to `position` (1 = first row) in the reference order.
  District Reorder(const std::string& which, int position);

  Municipality GetMunicipality();
  // Changes what is given; blank or over-long values are kInvalid.
  Municipality SetMunicipality(const std::optional<std::string>& name,
                               const std::optional<std::string>& woonoverlast_table_title);

 private:
  District& Find(std::vector<District>& districts, const std::string& which);
  void RequireNewName(const std::vector<District>& districts, const std::string& name,
                      const District* renamed);

  DistrictRepository& districts_;
  const Clock& clock_;
};

// Throws DomainError(kInvalid) unless `name` is a wijk a casus or signal reported on
// `reported_on` may name: one of `districts`, not retired by then.
void RequireChoosableDistrict(const std::vector<District>& districts, const std::string& name,
                              Date reported_on);

// The rows of a wijken file: a header naming the columns `naam,code,volgorde` (or `name`,
// `code`, `order`/`position`; any order, any case; further columns ignored), then one wijk per
// line; `,` or `;` separated (Dutch Excel writes `;`), a UTF-8 BOM and quoted fields allowed.
// Throws DomainError(kInvalid) naming the line for a missing column, a blank name, a code that
// is not a CBS wijkcode, a `volgorde` that is not a whole number 1..9999, or a name, code or
// volgorde given twice.
std::vector<DistrictRow> ReadDistrictFile(std::string_view text);

}  // namespace casus::domain
