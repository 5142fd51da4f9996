#include "domain/cases/district.hpp"

#include <algorithm>

namespace casus::domain {

const std::string& District::NameOn(Date day) const {
  for (const FormerDistrictName& former : former_names) {
    if (!(former.until < day)) return former.name;
  }
  return name;
}

std::vector<std::string> NamesOf(const std::vector<District>& districts) {
  std::vector<std::string> names;
  for (const District& district : districts) names.push_back(district.name);
  return names;
}

bool IsDistrictCode(const std::string& code) {
  return code.size() == 8 && code.starts_with("WK") &&
         std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<ReportDistrict> ReportDistrictsOn(const std::vector<District>& districts,
                                              Date peildatum) {
  std::vector<const District*> ordered;
  for (const District& district : districts) ordered.push_back(&district);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const District* a, const District* b) { return a->position < b->position; });
  std::vector<ReportDistrict> rows;
  for (const District* district : ordered) {
    rows.push_back({district->name, district->NameOn(peildatum), district->code,
                    district->ActiveOn(peildatum)});
  }
  return rows;
}

std::vector<ReportDistrict> ReportDistrictsOf(const std::vector<std::string>& names) {
  std::vector<ReportDistrict> rows;
  for (const std::string& name : names) rows.push_back({name, name, std::nullopt, true});
  return rows;
}

}  // namespace casus::domain
