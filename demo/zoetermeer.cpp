#include "demo/zoetermeer.hpp"

#include <cstdio>

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

void SetUpZoetermeer(domain::DistrictService& districts) {
  districts.Load(ZoetermeerDistrictRows(), /*replace=*/false);
  districts.SetMunicipality("Zoetermeer", "Tabel 5.1 Woonoverlast");
}

}  // namespace casus::demo
