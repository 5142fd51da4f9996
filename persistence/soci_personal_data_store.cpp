#include "persistence/soci_personal_data_store.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

// Rows of (id, date) as DueRecords; `column` names the date in errors.
template <typename Bind>
std::vector<domain::DueRecord> FetchDue(soci::session& sql, const std::string& query,
                                        const char* column, Bind&& bind) {
  std::vector<domain::DueRecord> due;
  std::int64_t id = 0;
  std::string since;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(since));
  bind(statement);
  Prepare(statement, query);
  statement.execute();
  while (statement.fetch()) due.push_back({id, ParseStoredDate(since, column)});
  return due;
}

}  // namespace

domain::RetentionPolicy SociPersonalDataStore::LoadPolicy() {
  SessionLease sql(database_);
  domain::RetentionPolicy policy;
  std::string kind;
  int years = 0;
  soci::statement statement = (sql->prepare << "SELECT kind, years FROM retention_policies",
                               soci::into(kind), soci::into(years));
  statement.execute();
  while (statement.fetch()) {
    if (years < 1 || years > 100) {
      throw std::runtime_error("unexpected retention_policies.years in database: " +
                               std::to_string(years));
    }
    const auto parsed = ParseStored<domain::CaseKind>(kind, "retention_policies.kind");
    (parsed == domain::CaseKind::kWoonoverlast ? policy.woonoverlast_years
                                               : policy.ondermijning_years) = years;
  }
  return policy;
}

void SociPersonalDataStore::SavePolicy(const domain::RetentionPolicy& policy) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  for (const auto kind : {domain::CaseKind::kWoonoverlast, domain::CaseKind::kOndermijning}) {
    std::string name = Wire(kind);
    int years = kind == domain::CaseKind::kWoonoverlast ? policy.woonoverlast_years
                                                        : policy.ondermijning_years;
    // Portable upsert: SQLite 3.24+ and PostgreSQL 9.5+ share this form.
    Execute(*sql,
            "INSERT INTO retention_policies (kind, years) VALUES (:kind, :years) "
            "ON CONFLICT (kind) DO UPDATE SET years = excluded.years",
            soci::use(name, "kind"), soci::use(years, "years"));
  }
  transaction.Commit();
}

std::vector<domain::DueRecord> SociPersonalDataStore::CasesClosedBefore(domain::CaseKind kind,
                                                                        domain::Date cutoff) {
  SessionLease sql(database_);
  std::string kind_text = Wire(kind);
  std::string cutoff_text = cutoff.ToString();
  return FetchDue(
      *sql,
      "SELECT c.id, t.effective_on FROM cases c "
      "JOIN case_transitions t ON t.case_id = c.id AND t.sequence = "
      "(SELECT MAX(l.sequence) FROM case_transitions l WHERE l.case_id = c.id) "
      "WHERE c.kind = :kind AND c.state IN ('afgerond', 'ontkracht') AND t.effective_on < "
      ":cutoff AND (c.purged_on IS NULL OR EXISTS (SELECT 1 FROM case_transitions r "
      "WHERE r.case_id = c.id AND r.reason IS NOT NULL) OR EXISTS (SELECT 1 FROM case_changes h "
      "WHERE h.case_id = c.id AND (h.reason IS NOT NULL OR (h.field IN ('summary', 'address') "
      "AND (h.old_value IS NOT NULL OR h.new_value IS NOT NULL)))) OR EXISTS (SELECT 1 FROM "
      "case_notes n WHERE n.case_id = c.id)) ORDER BY c.id",
      "case_transitions.effective_on", [&](soci::statement& statement) {
        statement.exchange(soci::use(kind_text, "kind"));
        statement.exchange(soci::use(cutoff_text, "cutoff"));
      });
}

std::vector<domain::DueRecord> SociPersonalDataStore::SignalsAssessedBefore(domain::Date cutoff) {
  SessionLease sql(database_);
  std::string cutoff_text = cutoff.ToString();
  return FetchDue(
      *sql,
      "SELECT id, assessed_on FROM signals WHERE status <> 'open' AND assessed_on < :cutoff "
      "AND purged_on IS NULL ORDER BY id",
      "signals.assessed_on",
      [&](soci::statement& statement) { statement.exchange(soci::use(cutoff_text, "cutoff")); });
}

domain::PurgedIds SociPersonalDataStore::Purge(const std::vector<domain::CaseId>& cases,
                                               const std::vector<domain::SignalId>& signals,
                                               const std::string& purged_on) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  std::string on = purged_on;
  std::int64_t id = 0;
  domain::PurgedIds purged;

  // Prepared once, executed per id.
  soci::statement transitions =
      (sql->prepare << "UPDATE case_transitions SET reason = NULL WHERE case_id IN "
                       "(SELECT c.id FROM cases c WHERE c.id = :id AND "
                       "c.state IN ('afgerond', 'ontkracht'))",
       soci::use(id, "id"));
  // A correction's reason and the values of summary and address it kept are personal data too.
  soci::statement changes =
      (sql->prepare << "UPDATE case_changes SET reason = NULL, "
                       "old_value = CASE WHEN field IN ('summary', 'address') THEN NULL "
                       "ELSE old_value END, "
                       "new_value = CASE WHEN field IN ('summary', 'address') THEN NULL "
                       "ELSE new_value END "
                       "WHERE case_id IN (SELECT c.id FROM cases c WHERE c.id = :id AND "
                       "c.state IN ('afgerond', 'ontkracht'))",
       soci::use(id, "id"));
  soci::statement notes = (sql->prepare << "DELETE FROM case_notes WHERE case_id IN "
                                           "(SELECT c.id FROM cases c WHERE c.id = :id AND "
                                           "c.state IN ('afgerond', 'ontkracht'))",
                           soci::use(id, "id"));
  soci::statement case_rows =
      (sql->prepare << "UPDATE cases SET summary = '', address_street = NULL, "
                       "address_number = NULL, address_postcode = NULL, address_city = NULL, "
                       "purged_on = COALESCE(purged_on, :purged_on) "
                       "WHERE id = :id AND state IN ('afgerond', 'ontkracht')",
       soci::use(on, "purged_on"), soci::use(id, "id"));
  for (const domain::CaseId case_id : cases) {
    id = case_id;
    transitions.execute(true);
    changes.execute(true);
    notes.execute(true);
    case_rows.execute(true);
    if (case_rows.get_affected_rows() > 0) purged.cases.push_back(case_id);
  }

  soci::statement signal_rows =
      (sql->prepare << "UPDATE signals SET summary = '', address_street = NULL, "
                       "address_number = NULL, address_postcode = NULL, address_city = NULL, "
                       "reporter_name = NULL, reporter_phone = NULL, reporter_email = NULL, "
                       "assessment_reason = CASE WHEN status = 'dismissed' THEN '' ELSE NULL END, "
                       "purged_on = COALESCE(purged_on, :purged_on) "
                       "WHERE id = :id AND status <> 'open'",
       soci::use(on, "purged_on"), soci::use(id, "id"));
  for (const domain::SignalId signal_id : signals) {
    id = signal_id;
    signal_rows.execute(true);
    if (signal_rows.get_affected_rows() > 0) purged.signals.push_back(signal_id);
  }
  transaction.Commit();
  return purged;
}

}  // namespace casus::persistence
