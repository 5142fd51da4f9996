#include "persistence/soci_district_repository.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "domain/error.hpp"
#include "persistence/sql_values.hpp"
#include "persistence/statement_cache.hpp"

namespace casus::persistence {

namespace {

std::vector<domain::District> ReadAll(soci::session& sql) {
  std::vector<domain::District> districts;
  {
    std::int64_t id = 0;
    std::string name;
    Nullable code;
    int position = 0;
    Nullable retired_on;
    CachedStatement select(sql,
                           "SELECT id, name, code, position, retired_on FROM districts "
                           "ORDER BY position");
    select->exchange(soci::into(id));
    select->exchange(soci::into(name));
    select->exchange(soci::into(code.value, code.indicator));
    select->exchange(soci::into(position));
    select->exchange(soci::into(retired_on.value, retired_on.indicator));
    select.Execute(false);
    while (select->fetch()) {
      domain::District district;
      district.id = id;
      district.name = name;
      district.code = code.Get();
      district.position = position;
      if (const auto day = retired_on.Get()) district.retired_on = domain::Date::Parse(*day);
      districts.push_back(std::move(district));
    }
  }
  std::int64_t district_id = 0;
  std::string name;
  std::string until;
  CachedStatement names(sql,
                        "SELECT district_id, name, until FROM district_names "
                        "ORDER BY district_id, until");
  names->exchange(soci::into(district_id));
  names->exchange(soci::into(name));
  names->exchange(soci::into(until));
  names.Execute(false);
  while (names->fetch()) {
    const auto owner = std::find_if(districts.begin(), districts.end(),
                                    [&](const domain::District& d) { return d.id == district_id; });
    const auto day = domain::Date::Parse(until);
    if (owner != districts.end() && day) owner->former_names.push_back({name, *day});
  }
  return districts;
}

}  // namespace

std::vector<domain::District> SociDistrictRepository::All() {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);  // both tables from one snapshot
  return ReadAll(*sql);
}

void SociDistrictRepository::Store(const std::vector<domain::District>& wanted) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  const std::vector<domain::District> stored = ReadAll(*sql);

  std::vector<std::string> in_use;
  std::vector<std::int64_t> removed;
  for (const domain::District& district : stored) {
    const bool kept = std::any_of(wanted.begin(), wanted.end(),
                                  [&](const domain::District& w) { return w.id == district.id; });
    if (kept) continue;
    std::int64_t id = district.id;
    int uses = 0;
    Execute(*sql,
            "SELECT (SELECT COUNT(*) FROM cases WHERE district_id = :id) + "
            "(SELECT COUNT(*) FROM signals WHERE district_id = :id)",
            soci::use(id, "id"), soci::into(uses));
    if (uses > 0) in_use.push_back(district.name);
    removed.push_back(id);
  }
  if (!in_use.empty()) {
    std::string names;
    for (const auto& name : in_use) names += (names.empty() ? "" : ", ") + name;
    throw domain::DomainError(
        domain::ErrorCode::kConflict,
        "these wijken still have casussen or signals: " + names + "; retire them instead");
  }
  for (std::int64_t id : removed) {
    Execute(*sql, "DELETE FROM district_names WHERE district_id = :id", soci::use(id, "id"));
    Execute(*sql, "DELETE FROM districts WHERE id = :id", soci::use(id, "id"));
  }
  // Out of the way of the UNIQUE constraints, which are checked row by row.
  Execute(*sql,
          "UPDATE districts SET position = -id, name = '#moving#' || CAST(id AS TEXT), "
          "code = NULL");
  Execute(*sql, "DELETE FROM district_names");

  for (const domain::District& district : wanted) {
    std::int64_t id = district.id;
    std::string name = district.name;
    NullableOf<std::string> code = NullableOf<std::string>::Of(district.code);
    int position = district.position;
    NullableOf<std::string> retired_on;
    if (district.retired_on) retired_on = {district.retired_on->ToString(), soci::i_ok};
    if (id != 0) {
      Execute(*sql,
              "UPDATE districts SET name = :name, code = :code, position = :position, "
              "retired_on = :retired_on WHERE id = :id",
              soci::use(name, "name"), soci::use(code.value, code.indicator, "code"),
              soci::use(position, "position"),
              soci::use(retired_on.value, retired_on.indicator, "retired_on"), soci::use(id, "id"));
    } else {
      Execute(*sql,
              "INSERT INTO districts (name, code, position, retired_on) "
              "VALUES (:name, :code, :position, :retired_on) RETURNING id",
              soci::use(name, "name"), soci::use(code.value, code.indicator, "code"),
              soci::use(position, "position"),
              soci::use(retired_on.value, retired_on.indicator, "retired_on"), soci::into(id));
    }
    for (const domain::FormerDistrictName& former : district.former_names) {
      std::string former_name = former.name;
      std::string until = former.until.ToString();
      Execute(*sql,
              "INSERT INTO district_names (district_id, name, until) "
              "VALUES (:id, :name, :until)",
              soci::use(id, "id"), soci::use(former_name, "name"), soci::use(until, "until"));
    }
  }
  transaction.Commit();
}

std::set<std::int64_t> SociDistrictRepository::InUse() {
  SessionLease sql(database_);
  std::int64_t id = 0;
  CachedStatement select(*sql,
                         "SELECT district_id FROM cases WHERE district_id IS NOT NULL "
                         "UNION SELECT district_id FROM signals WHERE district_id IS NOT NULL");
  select->exchange(soci::into(id));
  select.Execute(false);
  std::set<std::int64_t> ids;
  while (select->fetch()) ids.insert(id);
  return ids;
}

domain::Municipality SociDistrictRepository::GetMunicipality() {
  SessionLease sql(database_);
  std::string key;
  std::string value;
  CachedStatement select(*sql, "SELECT key, value FROM settings");
  select->exchange(soci::into(key));
  select->exchange(soci::into(value));
  select.Execute(false);
  domain::Municipality municipality;
  while (select->fetch()) {
    if (key == "municipality") municipality.name = value;
    if (key == "woonoverlast_table_title") municipality.woonoverlast_table_title = value;
  }
  return municipality;
}

void SociDistrictRepository::StoreMunicipality(const domain::Municipality& municipality) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  std::map<std::string, std::string> values = {
      {"municipality", municipality.name},
      {"woonoverlast_table_title", municipality.woonoverlast_table_title}};
  for (auto& [key, value] : values) {
    std::string k = key;
    Execute(*sql, "UPDATE settings SET value = :value WHERE key = :key", soci::use(value, "value"),
            soci::use(k, "key"));
  }
  transaction.Commit();
}

}  // namespace casus::persistence
