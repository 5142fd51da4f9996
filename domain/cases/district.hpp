#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace casus::domain {

// A name a wijk had before a rename, and the last day it was in use.
struct FormerDistrictName {
  std::string name;
  Date until;
  friend bool operator==(const FormerDistrictName&, const FormerDistrictName&) = default;
};

// One of the municipality's wijken: a row of the year reports. Its name is its identity on the
// wire (a casus names its wijk); the CBS wijkcode is its identity across renames and files.
struct District {
  std::int64_t id = 0;  // storage's; 0 for one not stored yet
  std::string name;     // the current name; unique among all wijken, retired ones included
  std::optional<std::string> code;  // CBS wijkcode, "WK" and six digits; none until loaded
  int position = 0;                 // 1-based reference order: the row order of the reports
  std::optional<Date> retired_on;   // from this day on no casus reported may name it
  std::vector<FormerDistrictName> former_names;  // oldest first, `until` ascending

  // Whether a casus reported on `day` may name it.
  bool ActiveOn(Date day) const { return !retired_on || day < *retired_on; }
  // The name it had on `day`: the first former name still in use then, else the current one.
  const std::string& NameOn(Date day) const;

  friend bool operator==(const District&, const District&) = default;
};

// The wijken's current names, in their order.
std::vector<std::string> NamesOf(const std::vector<District>& districts);

// Whether `code` is a CBS wijkcode: "WK" followed by six digits (two for nothing, four for the
// gemeente, two for the wijk).
bool IsDistrictCode(const std::string& code);

// A wijk as a year report with peildatum P shows it (its rows, in this order): `key` is the
// wijk's current name, which storage's counts carry; `name` the one it had on P.
struct ReportDistrict {
  std::string key;
  std::string name;
  std::optional<std::string> code;
  bool always_shown = true;  // false: shown only with a casus counted (retired before P)
  friend bool operator==(const ReportDistrict&, const ReportDistrict&) = default;
};

// The rows of a report with peildatum `peildatum`, in reference order: every wijk, by the name
// it had then; one retired on or before the peildatum only when a casus of it is counted.
std::vector<ReportDistrict> ReportDistrictsOn(const std::vector<District>& districts,
                                              Date peildatum);

// Rows for plain names, each always shown and without a code (tests, and what has no history).
std::vector<ReportDistrict> ReportDistrictsOf(const std::vector<std::string>& names);

}  // namespace casus::domain
