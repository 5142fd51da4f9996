#pragma once

#include <array>

#include "domain/cases/district_service.hpp"

namespace casus::demo {

// Zoetermeer (CBS gemeentecode 0637) as the demo presents it: the eight wijken of Tabel 5.1 in
// the report's order, each with a wijkcode of the CBS form WK0637nn, and the municipality's
// name and table title. The wijk numbers follow the report's order and are the demo's own: a
// municipality going live loads the codes of CBS's current Wijk- en buurtkaart instead.
inline constexpr std::array<const char*, 8> kZoetermeerDistricts = {
    "Centrum",   "Meerzicht", "Buytenwegh", "De Leyens",
    "Seghwaert", "Noordhove", "Rokkeveen",  "Oosterheem"};

// The rows of the demo's wijken file: naam, code WK063701.., volgorde 1..8.
std::vector<domain::DistrictRow> ZoetermeerDistrictRows();

// On a database that is still Zoetermeer's (its wijken are these eight by name), loads them
// with their codes (DistrictService::Load: a second time it changes nothing) and sets
// Zoetermeer's name and title; true then. False, changing nothing, on a database set up for
// another municipality.
bool SetUpZoetermeer(domain::DistrictService& districts);

}  // namespace casus::demo
