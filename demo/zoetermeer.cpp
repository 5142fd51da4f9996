#include "demo/zoetermeer.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace casus::demo {

std::vector<domain::DistrictRow> ZoetermeerDistrictRows() {
  std::vector<domain::DistrictRow> rows;
  int order = 0;
  for (const char* name : kZoetermeerDistricts) {
    ++order;
    char code[16];
    std::snprintf(code, sizeof code, "WK0637%02d", order);
    rows.push_back({name, code, order});
  }
  return rows;
}

bool SetUpZoetermeer(domain::DistrictService& districts) {
  const std::vector<std::string> expected(kZoetermeerDistricts.begin(), kZoetermeerDistricts.end());
  if (domain::NamesOf(districts.List()) != expected) return false;
  districts.Load(ZoetermeerDistrictRows(), /*replace=*/false);
  districts.SetMunicipality("Zoetermeer", "Tabel 5.1 Woonoverlast");
  return true;
}

}  // namespace casus::demo
