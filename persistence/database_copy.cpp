#include "persistence/database_copy.hpp"

#include <soci/soci.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

#include "persistence/migrator.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

// The tables copied row by row, parents before children, each with its key for a stable order.
struct CopiedTable {
  std::string_view name;
  std::string_view order_by;
};
constexpr std::array<CopiedTable, 15> kTables = {{
    {"settings", "key"},
    {"districts", "id"},
    {"district_names", "district_id, until"},
    {"cases", "id"},
    {"case_categories", "case_id, position"},
    {"case_themes", "case_id, position"},
    {"case_transitions", "case_id, sequence"},  // its trigger derives case_closures
    {"case_changes", "id"},
    {"case_notes", "id"},  // its trigger indexes them in case_search
    {"signals", "id"},
    {"signal_themes", "signal_id, position"},
    {"activities", "id"},
    {"activity_partners", "activity_id, position"},
    {"activity_cases", "activity_id, case_id"},
    {"api_tokens", "name"},
}};

// Tables with a generated id: PostgreSQL's identity sequences must continue after the ids
// copied, SQLite's INTEGER PRIMARY KEY does so by itself.
constexpr std::array<std::string_view, 6> kGeneratedIds = {
    "districts", "cases", "signals", "activities", "case_changes", "case_notes"};

// A column's value as text, which both dialects take for any column (SQLite by the column's
// affinity, PostgreSQL by inferring the parameter's type from the column).
std::string Text(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(column);
    case soci::dt_integer:
      return std::to_string(row.get<int>(column));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(column));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(column));
    case soci::dt_double: {
      const double value = row.get<double>(column);
      const auto whole = static_cast<long long>(value);
      if (static_cast<double>(whole) == value) return std::to_string(whole);
      return std::to_string(value);
    }
    default:
      throw std::runtime_error("column " + row.get_properties(column).get_name() +
                               " has a type Casus does not store");
  }
}

// Copies `select`'s rows into `table` of `to`, column by column by name; returns the count.
// `after_each` runs after every insert (the audit head's advance).
template <typename AfterEach>
std::int64_t CopyRows(soci::session& from, soci::session& to, std::string_view table,
                      const std::string& select, AfterEach&& after_each) {
  soci::rowset<soci::row> rows = from.prepare << select;
  std::vector<std::string> values;
  std::vector<soci::indicator> indicators;
  std::unique_ptr<soci::statement> insert;
  std::int64_t count = 0;
  for (const soci::row& row : rows) {
    if (!insert) {  // the column names are known with the first row
      values.resize(row.size());
      indicators.resize(row.size());
      std::string columns;
      std::string parameters;
      for (std::size_t i = 0; i < row.size(); ++i) {
        columns += (i == 0 ? "" : ", ") + row.get_properties(i).get_name();
        parameters += (i == 0 ? ":c" : ", :c") + std::to_string(i);
      }
      insert = std::make_unique<soci::statement>(to);
      for (std::size_t i = 0; i < row.size(); ++i) {
        insert->exchange(soci::use(values[i], indicators[i], "c" + std::to_string(i)));
      }
      insert->alloc();
      insert->prepare("INSERT INTO " + std::string(table) + " (" + columns + ") VALUES (" +
                      parameters + ")");
      insert->define_and_bind();
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      indicators[i] = row.get_indicator(i) == soci::i_null ? soci::i_null : soci::i_ok;
      values[i] = indicators[i] == soci::i_null ? std::string() : Text(row, i);
    }
    insert->execute(true);
    after_each(row);
    ++count;
  }
  return count;
}

std::int64_t Count(soci::session& sql, const std::string& table) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM " + table, soci::into(count);
  return count;
}

}  // namespace

CopySummary CopyDatabase(Database& source, Database& target) {
  const int source_version = CurrentVersion(source);
  const int target_version = CurrentVersion(target);
  if (source_version == 0) throw std::runtime_error("the source holds no Casus database");
  if (source_version != target_version) {
    throw std::runtime_error("the source is at schema version " + std::to_string(source_version) +
                             " and the target at " + std::to_string(target_version) +
                             ": run casus migrate on both first");
  }

  SessionLease from(source);
  SessionLease to(target);
  Transaction reading(*from, Transaction::Mode::kRead);
  Transaction writing(*to, Transaction::Mode::kWrite);
  for (const char* table : {"cases", "signals", "activities", "api_tokens", "audit_log"}) {
    if (Count(*to, table) != 0) {
      throw std::runtime_error(std::string("the target is not empty: it holds ") + table +
                               " rows; copy into a freshly migrated database");
    }
  }

  CopySummary summary;
  // Migration 002's wijken and 015's settings; the source has its own.
  *to << "DELETE FROM districts";
  *to << "DELETE FROM settings";
  for (const CopiedTable& table : kTables) {
    const std::string select =
        "SELECT * FROM " + std::string(table.name) + " ORDER BY " + std::string(table.order_by);
    summary.emplace_back(table.name, CopyRows(*from, *to, table.name, select, [](const auto&) {}));
  }

  // Retention policies: the target's rows exist already (migration 004); take the source's.
  {
    soci::rowset<soci::row> policies = from->prepare
                                       << "SELECT kind, years FROM retention_policies";
    std::int64_t count = 0;
    for (const soci::row& policy : policies) {
      std::string kind = Text(policy, 0);
      std::string years = Text(policy, 1);
      *to << "UPDATE retention_policies SET years = CAST(:years AS INTEGER) WHERE kind = :kind",
          soci::use(years, "years"), soci::use(kind, "kind");
      ++count;
    }
    summary.emplace_back("retention_policies", count);
  }

  // The audit trail with its head moving one row at a time, as its trigger allows; a keyed
  // chain stays keyed with the same key (the rows' hashes are copied as they are).
  std::string head_id;
  std::string head_hash;
  Nullable key_id;
  *from << "SELECT key_id FROM audit_head WHERE id = 1", soci::into(key_id.value, key_id.indicator);
  soci::statement advance = (to->prepare << "UPDATE audit_head SET last_id = CAST(:id AS BIGINT), "
                                            "last_hash = :hash, key_id = :key_id WHERE id = 1",
                             soci::use(head_id, "id"), soci::use(head_hash, "hash"),
                             soci::use(key_id.value, key_id.indicator, "key_id"));
  summary.emplace_back("audit_log",
                       CopyRows(*from, *to, "audit_log", "SELECT * FROM audit_log ORDER BY id",
                                [&](const soci::row& row) {
                                  for (std::size_t i = 0; i < row.size(); ++i) {
                                    if (row.get_properties(i).get_name() == "id")
                                      head_id = Text(row, i);
                                    if (row.get_properties(i).get_name() == "hash")
                                      head_hash = Text(row, i);
                                  }
                                  advance.execute(true);
                                }));

  if (target.dialect() == Dialect::kPostgresql) {
    for (const std::string_view table : kGeneratedIds) {
      const std::string name(table);
      *to << "SELECT setval(pg_get_serial_sequence('" + name +
                 "', 'id'), "
                 "COALESCE((SELECT MAX(id) FROM " +
                 name + "), 0) + 1, false)";
    }
  }
  writing.Commit();
  reading.Commit();
  return summary;
}

}  // namespace casus::persistence
