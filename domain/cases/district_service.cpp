#include "domain/cases/district_service.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "domain/csv.hpp"
#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

namespace {

// Names a report uses for rows of its own: a wijk may not take them.
constexpr std::string_view kReservedNames[] = {"Totaal", "Onbekend"};

void RequireDistrictName(const std::string& name) {
  RequireText(name, "district", kMaxShortTextBytes);
  for (std::string_view reserved : kReservedNames) {
    if (name == reserved) {
      throw DomainError(ErrorCode::kInvalid,
                        "'" + name + "' names a row of the year reports of its own");
    }
  }
}

void Renumber(std::vector<District>& districts) {
  for (std::size_t i = 0; i < districts.size(); ++i) {
    districts[i].position = static_cast<int>(i) + 1;
  }
}

// Renames `district` from `on`: its current name becomes a former one, in use until the day
// before. A rename on the day of the previous one corrects that one instead.
void RenameFrom(District& district, const std::string& new_name, Date on) {
  if (new_name == district.name) return;
  const Date until = on.AddDays(-1);
  if (!district.former_names.empty()) {
    const Date last = district.former_names.back().until;
    if (until < last) {
      throw DomainError(ErrorCode::kInvalid, "the wijk '" + district.name + "' was renamed on " +
                                                 last.AddDays(1).ToString() +
                                                 "; a rename must come after it");
    }
    if (until == last) {
      if (district.former_names.back().name == new_name) district.former_names.pop_back();
      district.name = new_name;
      return;
    }
  }
  district.former_names.push_back({district.name, until});
  district.name = new_name;
}

std::string Lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

void RequireChoosableDistrict(const std::vector<District>& districts, const std::string& name,
                              Date reported_on) {
  const auto found = std::find_if(districts.begin(), districts.end(),
                                  [&](const District& d) { return d.name == name; });
  if (found == districts.end()) {
    throw DomainError(ErrorCode::kInvalid, "unknown district '" + name + "'");
  }
  if (!found->ActiveOn(reported_on)) {
    throw DomainError(ErrorCode::kInvalid,
                      "the district '" + name + "' was retired on " +
                          found->retired_on->ToString() +
                          ": a casus or signal reported since may not name it");
  }
}

std::vector<District> DistrictService::List() { return districts_.All(); }

District& DistrictService::Find(std::vector<District>& districts, const std::string& which) {
  const bool by_code = IsDistrictCode(which);
  const auto found = std::find_if(districts.begin(), districts.end(), [&](const District& d) {
    return by_code ? d.code == which : d.name == which;
  });
  if (found == districts.end()) {
    throw DomainError(ErrorCode::kNotFound,
                      "no wijk " + std::string(by_code ? "with code " : "") + "'" + which + "'");
  }
  return *found;
}

void DistrictService::RequireNewName(const std::vector<District>& districts,
                                     const std::string& name, const District* renamed) {
  RequireDistrictName(name);
  for (const District& other : districts) {
    if (&other != renamed && other.name == name) {
      throw DomainError(ErrorCode::kConflict, "the wijk '" + name + "' exists already" +
                                                  (other.retired_on ? " (retired)" : ""));
    }
  }
}

District DistrictService::Add(const std::string& name) {
  std::vector<District> districts = districts_.All();
  RequireNewName(districts, name, nullptr);
  District added;
  added.name = name;
  districts.push_back(added);
  Renumber(districts);
  districts_.Store(districts);
  return districts.back();
}

DistrictLoadSummary DistrictService::Load(const std::vector<DistrictRow>& rows, bool replace) {
  if (rows.empty()) throw DomainError(ErrorCode::kInvalid, "the file holds no wijk");
  const Date today = clock_.Today();
  const std::vector<District> before = districts_.All();
  std::vector<District> current = before;
  std::vector<bool> in_file(current.size(), false);
  std::vector<District> loaded;  // in the file's order
  DistrictLoadSummary summary;

  std::vector<DistrictRow> ordered = rows;
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const DistrictRow& a, const DistrictRow& b) { return a.order < b.order; });
  for (const DistrictRow& row : ordered) {
    RequireDistrictName(row.name);
    if (!IsDistrictCode(row.code)) {
      throw DomainError(ErrorCode::kInvalid, "'" + row.code + "' is not a CBS wijkcode");
    }
    auto match = std::find_if(current.begin(), current.end(),
                              [&](const District& d) { return d.code == row.code; });
    if (match == current.end()) {
      match = std::find_if(current.begin(), current.end(),
                           [&](const District& d) { return !d.code && d.name == row.name; });
    }
    if (match == current.end()) {
      District added;
      added.name = row.name;
      added.code = row.code;
      loaded.push_back(std::move(added));
      ++summary.added;
      continue;
    }
    in_file[static_cast<std::size_t>(match - current.begin())] = true;
    District district = *match;
    district.code = row.code;
    RenameFrom(district, row.name, today);
    loaded.push_back(std::move(district));
  }

  // The rest keep their order after the file's. With `replace` they go, except a retired one
  // with casussen (it stays in the reports of its years); an active one with casussen must be
  // retired first.
  std::vector<District> wanted = loaded;
  std::vector<std::string> still_used;
  const std::set<std::int64_t> in_use = replace ? districts_.InUse() : std::set<std::int64_t>{};
  for (std::size_t i = 0; i < current.size(); ++i) {
    if (in_file[i]) continue;
    const District& district = current[i];
    if (replace && !in_use.contains(district.id)) {
      ++summary.removed;
      continue;
    }
    if (replace && !district.retired_on) {
      still_used.push_back(district.name);
      continue;
    }
    if (replace) summary.kept_retired.push_back(district.name);
    wanted.push_back(district);
  }
  if (!still_used.empty()) {
    std::string names;
    for (const std::string& name : still_used) names += (names.empty() ? "" : ", ") + name;
    throw DomainError(ErrorCode::kConflict,
                      "these wijken are not in the file but still have casussen or signals: " +
                          names + "; retire them (casus districts retire) and load again");
  }
  Renumber(wanted);

  // Names must stay unique across the whole set (a renamed wijk may take a name another gives up).
  std::set<std::string> names;
  for (const District& district : wanted) {
    if (!names.insert(district.name).second) {
      throw DomainError(ErrorCode::kConflict,
                        "the name '" + district.name + "' would belong to two wijken");
    }
  }
  for (const District& district : wanted) {
    if (district.id == 0) continue;
    const auto was = std::find_if(before.begin(), before.end(),
                                  [&](const District& d) { return d.id == district.id; });
    if (*was == district) {
      ++summary.unchanged;
    } else {
      ++summary.changed;
    }
  }
  if (wanted != before) districts_.Store(wanted);
  return summary;
}

District DistrictService::Rename(const std::string& which, const std::string& new_name,
                                 std::optional<Date> on) {
  std::vector<District> districts = districts_.All();
  District& district = Find(districts, which);
  RequireNewName(districts, new_name, &district);
  const Date from = on.value_or(clock_.Today());
  RenameFrom(district, new_name, from);
  const District renamed = district;
  districts_.Store(districts);
  return renamed;
}

District DistrictService::Retire(const std::string& which, std::optional<Date> on) {
  std::vector<District> districts = districts_.All();
  District& district = Find(districts, which);
  district.retired_on = on.value_or(clock_.Today());
  const District retired = district;
  districts_.Store(districts);
  return retired;
}

District DistrictService::Reorder(const std::string& which, int position) {
  std::vector<District> districts = districts_.All();
  if (position < 1 || position > static_cast<int>(districts.size())) {
    throw DomainError(ErrorCode::kInvalid,
                      "position must be 1.." + std::to_string(districts.size()));
  }
  const District moved = Find(districts, which);
  std::erase_if(districts, [&](const District& d) { return d.id == moved.id; });
  districts.insert(districts.begin() + (position - 1), moved);
  Renumber(districts);
  districts_.Store(districts);
  return districts[static_cast<std::size_t>(position - 1)];
}

Municipality DistrictService::GetMunicipality() { return districts_.GetMunicipality(); }

Municipality DistrictService::SetMunicipality(
    const std::optional<std::string>& name,
    const std::optional<std::string>& woonoverlast_table_title) {
  Municipality municipality = districts_.GetMunicipality();
  if (name) {
    RequireText(*name, "municipality", kMaxShortTextBytes);
    municipality.name = *name;
  }
  if (woonoverlast_table_title) {
    RequireText(*woonoverlast_table_title, "woonoverlast_table_title", kMaxShortTextBytes);
    municipality.woonoverlast_table_title = *woonoverlast_table_title;
  }
  districts_.StoreMunicipality(municipality);
  return municipality;
}

std::vector<DistrictRow> ReadDistrictFile(std::string_view text) {
  const std::vector<CsvRecord> records = ReadCsv(text);
  if (records.empty()) throw DomainError(ErrorCode::kInvalid, "the file is empty");
  const CsvRecord& header = records.front();
  int name_at = -1;
  int code_at = -1;
  int order_at = -1;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string column = Lowered(Trimmed(header.fields[i]));
    int* slot = nullptr;
    if (column == "naam" || column == "name") slot = &name_at;
    if (column == "code" || column == "wijkcode") slot = &code_at;
    if (column == "volgorde" || column == "order" || column == "position") slot = &order_at;
    if (slot == nullptr) continue;
    if (*slot >= 0) {
      throw DomainError(ErrorCode::kInvalid, "line 1: the column '" + column + "' is given twice");
    }
    *slot = static_cast<int>(i);
  }
  if (name_at < 0 || code_at < 0 || order_at < 0) {
    throw DomainError(ErrorCode::kInvalid,
                      "line 1: the header must name the columns naam, code and volgorde "
                      "(or name, code and order)");
  }

  std::vector<DistrictRow> rows;
  std::set<std::string> names;
  std::set<std::string> codes;
  std::set<int> orders;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    const std::string where = "line " + std::to_string(record.line) + ": ";
    if (std::all_of(record.fields.begin(), record.fields.end(),
                    [](const std::string& f) { return Trimmed(f).empty(); })) {
      continue;  // a line Excel left with only separators
    }
    auto field = [&](int at) {
      return at < static_cast<int>(record.fields.size())
                 ? Trimmed(record.fields[static_cast<std::size_t>(at)])
                 : std::string();
    };
    DistrictRow row{field(name_at), field(code_at), 0};
    for (char& c : row.code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string order = field(order_at);
    if (order.empty() || order.size() > 4 ||
        !std::all_of(order.begin(), order.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(order) < 1) {
      throw DomainError(ErrorCode::kInvalid,
                        where + "volgorde '" + order + "' is not a whole number 1..9999");
    }
    row.order = std::stoi(order);
    try {
      RequireDistrictName(row.name);
    } catch (const DomainError& error) {
      throw DomainError(ErrorCode::kInvalid, where + error.what());
    }
    if (!IsDistrictCode(row.code)) {
      throw DomainError(ErrorCode::kInvalid,
                        where + "'" + row.code + "' is not a CBS wijkcode (WK and six digits)");
    }
    if (!names.insert(row.name).second) {
      throw DomainError(ErrorCode::kInvalid, where + "the wijk '" + row.name + "' is given twice");
    }
    if (!codes.insert(row.code).second) {
      throw DomainError(ErrorCode::kInvalid, where + "the code " + row.code + " is given twice");
    }
    if (!orders.insert(row.order).second) {
      throw DomainError(ErrorCode::kInvalid, where + "volgorde " + order + " is given twice");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace casus::domain
