#include "persistence/soci_case_repository.hpp"

#include <soci/soci.h>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "persistence/case_insert.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

using domain::CaseId;

// One row of kCaseColumns, fetched into these members.
constexpr const char* kCaseColumns =
    "c.id, c.kind, c.state, d.name, c.housing_type, c.reported_on, c.summary, "
    "c.address_street, c.address_number, c.address_postcode, c.address_city, c.version";
constexpr const char* kCaseFrom = " FROM cases c LEFT JOIN districts d ON d.id = c.district_id";

struct CaseRow {
  CaseId id = 0;
  std::string kind;
  std::string state;
  Nullable district;
  Nullable housing_type;
  std::string reported_on;
  std::string summary;
  AddressColumns address;
  std::int64_t version = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(state));
    statement.exchange(soci::into(district.value, district.indicator));
    statement.exchange(soci::into(housing_type.value, housing_type.indicator));
    statement.exchange(soci::into(reported_on));
    statement.exchange(soci::into(summary));
    statement.exchange(soci::into(address.street.value, address.street.indicator));
    statement.exchange(soci::into(address.number.value, address.number.indicator));
    statement.exchange(soci::into(address.postcode.value, address.postcode.indicator));
    statement.exchange(soci::into(address.city.value, address.city.indicator));
    statement.exchange(soci::into(version));
  }

  domain::Casus ToCasus() const {
    domain::Casus casus;
    casus.id = id;
    casus.kind = ParseStored<domain::CaseKind>(kind, "cases.kind");
    casus.state = ParseStored<domain::CaseState>(state, "cases.state");
    casus.district = district.Get();
    casus.housing_type = ParseNullable<domain::HousingType>(housing_type, "cases.housing_type");
    casus.reported_on = ParseStoredDate(reported_on, "cases.reported_on");
    casus.summary = summary;
    casus.address = address.Get();
    casus.version = version;
    return casus;
  }
};

// One row of kTransitionColumns.
constexpr const char* kTransitionColumns =
    "t.case_id, t.sequence, t.from_state, t.to_state, t.effective_on, t.reason, t.result, "
    "t.recorded_at, t.partner, t.measure, t.legal_basis, t.until_on";

struct TransitionRow {
  CaseId case_id = 0;
  std::int64_t sequence = 0;
  Nullable from;
  std::string to;
  std::string on;
  Nullable reason;
  Nullable result;
  std::string recorded_at;
  Nullable partner;
  Nullable measure;
  Nullable legal_basis;
  Nullable until;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(case_id));
    statement.exchange(soci::into(sequence));
    statement.exchange(soci::into(from.value, from.indicator));
    statement.exchange(soci::into(to));
    statement.exchange(soci::into(on));
    statement.exchange(soci::into(reason.value, reason.indicator));
    statement.exchange(soci::into(result.value, result.indicator));
    statement.exchange(soci::into(recorded_at));
    statement.exchange(soci::into(partner.value, partner.indicator));
    statement.exchange(soci::into(measure.value, measure.indicator));
    statement.exchange(soci::into(legal_basis.value, legal_basis.indicator));
    statement.exchange(soci::into(until.value, until.indicator));
  }

  domain::TransitionRecord ToRecord() const {
    domain::TransitionRecord record;
    record.sequence = sequence;
    record.from = ParseNullable<domain::CaseState>(from, "case_transitions.from_state");
    record.to = ParseStored<domain::CaseState>(to, "case_transitions.to_state");
    record.on = ParseStoredDate(on, "case_transitions.effective_on");
    record.reason = reason.Get();
    record.result = ParseNullable<domain::CloseResult>(result, "case_transitions.result");
    record.recorded_at = recorded_at;
    record.partner = partner.Get();
    record.measure = ParseNullable<domain::EnforcementMeasure>(measure, "case_transitions.measure");
    record.legal_basis =
        ParseNullable<domain::LegalBasis>(legal_basis, "case_transitions.legal_basis");
    record.until = ParseNullableDate(until, "case_transitions.until_on");
    return record;
  }
};

// The WHERE clause of a case query, built from fixed fragments; the values stay bound.
class CaseConditions {
 public:
  CaseConditions(const domain::CaseFilter& filter, CaseId after)
      : after_(after),
        kind_(filter.kind ? Wire(*filter.kind) : std::string()),
        state_(filter.state ? Wire(*filter.state) : std::string()),
        district_(filter.district.value_or("")),
        housing_type_(filter.housing_type ? Wire(*filter.housing_type) : std::string()),
        has_kind_(filter.kind.has_value()),
        has_state_(filter.state.has_value()),
        has_district_(filter.district.has_value()),
        has_housing_type_(filter.housing_type.has_value()) {}

  std::string Sql() const {
    std::string sql = " WHERE c.id > :after";
    if (has_kind_) sql += " AND c.kind = :kind";
    if (has_state_) sql += " AND c.state = :state";
    if (has_district_) {
      sql += " AND c.district_id = (SELECT id FROM districts WHERE name = :district)";
    }
    if (has_housing_type_) sql += " AND c.housing_type = :housing_type";
    return sql;
  }

  void Use(soci::statement& statement) {
    statement.exchange(soci::use(after_, "after"));
    if (has_kind_) statement.exchange(soci::use(kind_, "kind"));
    if (has_state_) statement.exchange(soci::use(state_, "state"));
    if (has_district_) statement.exchange(soci::use(district_, "district"));
    if (has_housing_type_) statement.exchange(soci::use(housing_type_, "housing_type"));
  }

 private:
  CaseId after_;
  std::string kind_;
  std::string state_;
  std::string district_;
  std::string housing_type_;
  bool has_kind_;
  bool has_state_;
  bool has_district_;
  bool has_housing_type_;
};

// The categories, themes and signal ids of the casussen `scope` selects, grouped per casus.
// `scope` is a query or condition on the case id named `column`, with the use elements `bind`
// exchanges; one query per kind of child.
struct CaseChildren {
  std::map<std::int64_t, std::vector<std::string>> categories;
  std::map<std::int64_t, std::vector<std::string>> themes;
  std::map<std::int64_t, std::vector<std::int64_t>> signal_ids;

  template <typename Bind>
  static CaseChildren Fetch(soci::session& sql, const std::string& scope, Bind&& bind) {
    CaseChildren children;
    children.categories = FetchGrouped<std::string>(
        sql,
        "SELECT cc.case_id, cc.category FROM case_categories cc WHERE cc.case_id " + scope +
            " ORDER BY cc.case_id, cc.position",
        bind);
    children.themes = FetchGrouped<std::string>(
        sql,
        "SELECT ct.case_id, ct.theme FROM case_themes ct WHERE ct.case_id " + scope +
            " ORDER BY ct.case_id, ct.position",
        bind);
    children.signal_ids =
        FetchGrouped<std::int64_t>(sql,
                                   "SELECT s.case_id, s.id FROM signals s WHERE s.case_id " +
                                       scope + " ORDER BY s.case_id, s.id",
                                   bind);
    return children;
  }

  void MoveInto(domain::Casus& casus) {
    casus.categories = ParseAll<domain::NuisanceCategory>(TakeGroup(categories, casus.id),
                                                          "case_categories.category");
    casus.themes = ParseAll<domain::Theme>(TakeGroup(themes, casus.id), "case_themes.theme");
    casus.signal_ids = TakeGroup(signal_ids, casus.id);
  }
};

std::vector<domain::TransitionRecord> HistoryOf(soci::session& sql, CaseId id) {
  std::vector<domain::TransitionRecord> history;
  TransitionRow row;
  soci::statement statement(sql);
  row.Into(statement);
  statement.exchange(soci::use(id, "id"));
  Prepare(statement, std::string("SELECT ") + kTransitionColumns +
                         " FROM case_transitions t WHERE t.case_id = :id ORDER BY t.sequence");
  statement.execute();
  while (statement.fetch()) history.push_back(row.ToRecord());
  return history;
}

}  // namespace

domain::Casus SociCaseRepository::Create(const domain::NewCase& fields,
                                         const domain::TransitionRecord& registration) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  domain::Casus casus = InsertCase(*sql, fields, registration);
  transaction.Commit();
  return casus;
}

std::optional<domain::Casus> SociCaseRepository::Find(CaseId id) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  CaseRow row;
  soci::statement statement(*sql);
  row.Into(statement);
  statement.exchange(soci::use(id, "id"));
  Prepare(statement, std::string("SELECT ") + kCaseColumns + kCaseFrom + " WHERE c.id = :id");
  if (!statement.execute(true)) return std::nullopt;
  domain::Casus casus = row.ToCasus();
  CaseChildren::Fetch(*sql, "= :id", [&id](soci::statement& children) {
    children.exchange(soci::use(id, "id"));
  }).MoveInto(casus);
  transaction.Commit();
  return casus;
}

domain::CasePage SociCaseRepository::List(const domain::CaseFilter& filter) {
  if (filter.limit < 1) throw std::invalid_argument("CaseFilter.limit must be at least 1");
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);

  CaseConditions conditions(filter, filter.after.value_or(0));
  // One row more than asked tells whether another page follows.
  int fetch = filter.limit + 1;

  domain::CasePage page;
  {
    CaseRow row;
    soci::statement statement(*sql);
    row.Into(statement);
    conditions.Use(statement);
    statement.exchange(soci::use(fetch, "fetch"));
    Prepare(statement, std::string("SELECT ") + kCaseColumns + kCaseFrom + conditions.Sql() +
                           " ORDER BY c.id LIMIT :fetch");
    statement.execute();
    while (statement.fetch()) page.items.push_back(row.ToCasus());
  }
  if (static_cast<int>(page.items.size()) > filter.limit) {
    page.items.pop_back();
    page.next = page.items.back().id;
  }
  if (page.items.empty()) return page;

  // The children of exactly this page's casussen, selected by the same conditions.
  int limit = filter.limit;
  CaseChildren children = CaseChildren::Fetch(
      *sql, "IN (SELECT c.id FROM cases c" + conditions.Sql() + " ORDER BY c.id LIMIT :fetch)",
      [&conditions, &limit](soci::statement& statement) {
        conditions.Use(statement);
        statement.exchange(soci::use(limit, "fetch"));
      });
  for (domain::Casus& casus : page.items) children.MoveInto(casus);
  transaction.Commit();
  return page;
}

std::vector<domain::TransitionRecord> SociCaseRepository::History(CaseId id) {
  SessionLease sql(database_);
  return HistoryOf(*sql, id);
}

bool SociCaseRepository::AppendTransition(CaseId id, std::int64_t expected_version,
                                          const domain::TransitionRecord& record) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);

  std::string to = Wire(record.to);
  soci::statement update =
      (sql->prepare << "UPDATE cases SET state = :to_state, version = version + 1 "
                       "WHERE id = :id AND version = :version",
       soci::use(to, "to_state"), soci::use(id, "id"), soci::use(expected_version, "version"));
  update.execute(true);
  if (update.get_affected_rows() == 0) return false;  // the transaction rolls back

  std::int64_t last = 0;
  soci::indicator last_indicator = soci::i_null;
  *sql << "SELECT MAX(sequence) FROM case_transitions WHERE case_id = :id", soci::use(id, "id"),
      soci::into(last, last_indicator);
  InsertTransition(*sql, id, (last_indicator == soci::i_ok ? last : 0) + 1, record);
  transaction.Commit();
  return true;
}

std::vector<domain::CaseTimeline> SociCaseRepository::Timelines(domain::CaseKind kind,
                                                                domain::Date until) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  std::string kind_text = Wire(kind);
  std::string until_text = until.ToString();

  std::vector<domain::CaseTimeline> timelines;
  std::map<CaseId, std::size_t> index;
  {
    CaseId id = 0;
    Nullable district;
    Nullable housing_type;
    std::string reported_on;
    soci::statement statement =
        (sql->prepare << "SELECT c.id, d.name, c.housing_type, c.reported_on FROM cases c "
                         "LEFT JOIN districts d ON d.id = c.district_id "
                         "WHERE c.kind = :kind AND c.reported_on <= :until ORDER BY c.id",
         soci::use(kind_text, "kind"), soci::use(until_text, "until"), soci::into(id),
         soci::into(district.value, district.indicator),
         soci::into(housing_type.value, housing_type.indicator), soci::into(reported_on));
    statement.execute();
    while (statement.fetch()) {
      index[id] = timelines.size();
      timelines.push_back({id,
                           district.Get(),
                           ParseNullable<domain::HousingType>(housing_type, "cases.housing_type"),
                           ParseStoredDate(reported_on, "cases.reported_on"),
                           {}});
    }
  }
  {
    TransitionRow row;
    soci::statement statement(*sql);
    row.Into(statement);
    statement.exchange(soci::use(kind_text, "kind"));
    statement.exchange(soci::use(until_text, "until"));
    Prepare(statement, std::string("SELECT ") + kTransitionColumns +
                           " FROM case_transitions t JOIN cases c ON c.id = t.case_id "
                           "WHERE c.kind = :kind AND c.reported_on <= :until "
                           "ORDER BY t.case_id, t.sequence");
    statement.execute();
    while (statement.fetch()) {
      timelines[index.at(row.case_id)].history.push_back(row.ToRecord());
    }
  }
  transaction.Commit();
  return timelines;
}

}  // namespace casus::persistence
