#include "persistence/soci_case_repository.hpp"

#include <soci/soci.h>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "persistence/case_insert.hpp"
#include "persistence/sql_query.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

using domain::CaseId;

// One row of kCaseColumns, fetched into these members.
constexpr const char* kCaseColumns =
    "c.id, c.kind, c.state, d.name, c.housing_type, c.reported_on, c.summary, "
    "c.address_street, c.address_number, c.address_postcode, c.address_city, c.version, "
    "(SELECT t.effective_on FROM case_transitions t WHERE t.case_id = c.id "
    "ORDER BY t.sequence DESC LIMIT 1)";
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
  std::string last_change_on;

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
    statement.exchange(soci::into(last_change_on));
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
    casus.last_change_on = ParseStoredDate(last_change_on, "case_transitions.effective_on");
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

// The conditions of a case list; the values stay bound.
SqlConditions CaseConditions(const domain::CaseFilter& filter) {
  SqlConditions conditions;
  conditions.WhereIf(OptionalWire(filter.kind), "c.kind = :kind", "kind")
      .WhereIf(OptionalWire(filter.state), "c.state = :state", "state")
      .WhereIf(filter.district, "c.district_id = (SELECT id FROM districts WHERE name = :district)",
               "district")
      .WhereIf(OptionalWire(filter.housing_type), "c.housing_type = :housing_type", "housing_type");
  return conditions;
}

// The categories, themes and signal ids of the casussen `scope` selects, grouped per casus.
// `scope` is a condition on the case id ("= :id", "IN (<subquery>)") whose use elements `bind`
// exchanges. One query for all three kinds of child (a GET ran four statements before, now
// two): its rows are (case id, kind of child, text, order), and a named parameter that the
// scope repeats in each part is bound once.
struct CaseChildren {
  std::map<std::int64_t, std::vector<std::string>> categories;
  std::map<std::int64_t, std::vector<std::string>> themes;
  std::map<std::int64_t, std::vector<std::int64_t>> signal_ids;

  template <typename Bind>
  static CaseChildren Fetch(soci::session& sql, const std::string& scope, Bind&& bind) {
    enum Part { kCategory = 0, kTheme = 1, kSignal = 2 };
    const std::string query =
        "SELECT cc.case_id, 0, cc.category, cc.position FROM case_categories cc "
        "WHERE cc.case_id " +
        scope +
        " UNION ALL SELECT ct.case_id, 1, ct.theme, ct.position FROM case_themes ct "
        "WHERE ct.case_id " +
        scope + " UNION ALL SELECT s.case_id, 2, '', s.id FROM signals s WHERE s.case_id " + scope +
        " ORDER BY 1, 2, 4";
    CaseChildren children;
    std::int64_t case_id = 0;
    int part = 0;
    std::string text;
    std::int64_t order = 0;
    CachedStatement statement(sql, query);
    statement->exchange(soci::into(case_id));
    statement->exchange(soci::into(part));
    statement->exchange(soci::into(text));
    statement->exchange(soci::into(order));
    bind(*statement);
    statement.Execute(false);
    while (statement->fetch()) {
      switch (part) {
        case kCategory:
          children.categories[case_id].push_back(text);
          break;
        case kTheme:
          children.themes[case_id].push_back(text);
          break;
        case kSignal:
          children.signal_ids[case_id].push_back(order);
          break;
        default:
          throw std::runtime_error("unexpected part in the case children query");
      }
    }
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
  SqlConditions of_case;
  of_case.Where("t.case_id = :id", "id", id);
  return FetchRows<TransitionRow>(
      sql,
      std::string("SELECT ") + kTransitionColumns + " FROM case_transitions t" + of_case.Sql() +
          " ORDER BY t.sequence",
      [&of_case](soci::statement& statement) { of_case.Use(statement); }, &TransitionRow::ToRecord);
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
  SqlConditions by_id;
  by_id.Where("c.id = :id", "id", id);
  auto casus = FetchOne<CaseRow>(*sql, std::string("SELECT ") + kCaseColumns + kCaseFrom, by_id,
                                 &CaseRow::ToCasus);
  if (!casus) return std::nullopt;
  CaseChildren::Fetch(*sql, "= :id", [&by_id](soci::statement& children) {
    by_id.Use(children);
  }).MoveInto(*casus);
  transaction.Commit();
  return casus;
}

domain::CasePage SociCaseRepository::List(const domain::CaseFilter& filter) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  KeysetPage query(CaseConditions(filter), "c.id", filter.after, filter.limit);
  auto page = query.FetchPage<domain::CasePage, CaseRow>(
      *sql, std::string("SELECT ") + kCaseColumns + kCaseFrom, &CaseRow::ToCasus,
      [&](std::vector<domain::Casus>& items) {
        CaseChildren children =
            CaseChildren::Fetch(*sql, "IN (" + query.IdsOf("cases c") + ")", query.Binder());
        for (domain::Casus& casus : items) children.MoveInto(casus);
      });
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
  CachedStatement update(*sql,
                         "UPDATE cases SET state = :to_state, version = version + 1 "
                         "WHERE id = :id AND version = :version");
  update->exchange(soci::use(to, "to_state"));
  update->exchange(soci::use(id, "id"));
  update->exchange(soci::use(expected_version, "version"));
  update.Execute();
  if (update->get_affected_rows() == 0) return false;  // the transaction rolls back

  std::int64_t last = 0;
  soci::indicator last_indicator = soci::i_null;
  Execute(*sql, "SELECT MAX(sequence) FROM case_transitions WHERE case_id = :id",
          soci::use(id, "id"), soci::into(last, last_indicator));
  InsertTransition(*sql, id, (last_indicator == soci::i_ok ? last : 0) + 1, record);
  transaction.Commit();
  return true;
}

std::vector<domain::CaseTimeline> SociCaseRepository::Timelines(domain::CaseKind kind,
                                                                domain::Date until) {
  return TimelinesWhere(kind, until, std::nullopt);
}

std::vector<domain::CaseTimeline> SociCaseRepository::TimelinesActiveSince(domain::CaseKind kind,
                                                                           domain::Date since,
                                                                           domain::Date until) {
  return TimelinesWhere(kind, until, since);
}

void SociCaseRepository::VisitTimelinesActiveSince(
    domain::CaseKind kind, domain::Date since, domain::Date until,
    const std::function<void(const domain::CaseTimeline&)>& visit) {
  VisitWhere(kind, until, since, visit);
}

std::vector<domain::CaseTimeline> SociCaseRepository::TimelinesWhere(
    domain::CaseKind kind, domain::Date until, std::optional<domain::Date> since) {
  std::vector<domain::CaseTimeline> timelines;
  VisitWhere(kind, until, since,
             [&](const domain::CaseTimeline& timeline) { timelines.push_back(timeline); });
  return timelines;
}

void SociCaseRepository::VisitWhere(domain::CaseKind kind, domain::Date until,
                                    std::optional<domain::Date> since,
                                    const std::function<void(const domain::CaseTimeline&)>& visit) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  SqlConditions conditions;
  conditions.Where("c.kind = :kind", "kind", Wire(kind))
      .Where("c.reported_on <= :until", "until", until.ToString());
  if (since) {
    // Closed now and unchanged since `since`: closed before it, so handled in no period from
    // then on (the index case_transitions_states answers the EXISTS).
    conditions.Where(
        "(c.state NOT IN ('afgerond', 'ontkracht') OR EXISTS (SELECT 1 FROM case_transitions x "
        "WHERE x.case_id = c.id AND x.effective_on >= :since))",
        "since", since->ToString());
  }

  // Two cursors in id order over the same casussen, merged: one casus in memory at a time.
  CaseId id = 0;
  Nullable district;
  Nullable housing_type;
  std::string reported_on;
  CachedStatement cases(*sql,
                        "SELECT c.id, d.name, c.housing_type, c.reported_on FROM cases c "
                        "LEFT JOIN districts d ON d.id = c.district_id" +
                            conditions.Sql() + " ORDER BY c.id");
  cases->exchange(soci::into(id));
  cases->exchange(soci::into(district.value, district.indicator));
  cases->exchange(soci::into(housing_type.value, housing_type.indicator));
  cases->exchange(soci::into(reported_on));
  conditions.Use(*cases);
  cases.Execute(false);

  TransitionRow row;
  CachedStatement transitions(
      *sql, std::string("SELECT ") + kTransitionColumns +
                " FROM case_transitions t JOIN cases c ON c.id = t.case_id" + conditions.Sql() +
                " ORDER BY t.case_id, t.sequence");
  row.Into(*transitions);
  conditions.Use(*transitions);
  transitions.Execute(false);
  bool have_row = transitions->fetch();

  domain::CaseTimeline timeline;
  while (cases->fetch()) {
    timeline.id = id;
    timeline.district = district.Get();
    timeline.housing_type = ParseNullable<domain::HousingType>(housing_type, "cases.housing_type");
    timeline.reported_on = ParseStoredDate(reported_on, "cases.reported_on");
    timeline.history.clear();
    for (; have_row && row.case_id <= id; have_row = transitions->fetch()) {
      if (row.case_id == id) timeline.history.push_back(row.ToRecord());
    }
    visit(timeline);
  }
  transaction.Commit();
}

namespace {

// Tabel 5.1's questions for every woonoverlast casus, answered in the database. Per casus, one
// pass over its transitions up to the peildatum (index case_transitions_states covers it)
// finds the last one on or before a day as the largest of sequence * 2 + closed, so that one
// MAX also says whether the casus was closed then (NULL: it did not exist yet). Dates never
// decrease along the sequence, so a casus changed in a period exactly when its last transition
// by the period's end differs from its last one before it: three such MAXes answer
// HandledBetween and the peildatum for the period and the one before
// (domain/reports/woonoverlast_tally.hpp).
constexpr const char* kWoonoverlastTallies = R"(
WITH per_case AS (
  SELECT t.case_id AS case_id,
    MAX(CASE WHEN t.effective_on <= :end THEN t.sequence * 2 + (t.to_state IN ('afgerond', 'ontkracht')) END) AS at_end,
    MAX(CASE WHEN t.effective_on <= :previous_end THEN t.sequence * 2 + (t.to_state IN ('afgerond', 'ontkracht')) END) AS at_previous_end,
    MAX(CASE WHEN t.effective_on < :previous_start THEN t.sequence * 2 + (t.to_state IN ('afgerond', 'ontkracht')) END) AS before_previous_start
  FROM case_transitions t
  WHERE t.case_id IN (SELECT id FROM cases WHERE kind = 'woonoverlast' AND housing_type IS NOT NULL AND reported_on <= :end)
    AND t.effective_on <= :end
  GROUP BY t.case_id
)
SELECT d.name, c.housing_type,
  (p.at_previous_end IS NULL OR p.at_previous_end % 2 = 0 OR p.at_end > p.at_previous_end) AS handled,
  COALESCE(p.at_end % 2, 0) AS closed,
  (c.reported_on <= :previous_end AND (p.before_previous_start IS NULL OR p.before_previous_start % 2 = 0 OR p.at_previous_end > p.before_previous_start)) AS handled_previous,
  COALESCE(p.at_previous_end % 2, 0) AS closed_previous,
  (c.reported_on >= :start) AS new_in_period,
  COUNT(*)
FROM cases c
LEFT JOIN per_case p ON p.case_id = c.id
LEFT JOIN districts d ON d.id = c.district_id
WHERE c.kind = 'woonoverlast' AND c.housing_type IS NOT NULL AND c.reported_on <= :end
GROUP BY 1, 2, 3, 4, 5, 6, 7
)";

}  // namespace

std::vector<domain::WoonoverlastTally> SociCaseRepository::WoonoverlastTallies(
    const domain::ReportPeriod& period, const domain::ReportPeriod& previous) {
  // The query reads "before the period" as "by the previous period's end".
  if (previous.to.AddDays(1) != period.from || previous.from > previous.to ||
      period.from > period.to) {
    throw std::invalid_argument("the previous period must end the day before the period starts");
  }
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  std::string start = period.from.ToString();
  std::string end = period.to.ToString();
  std::string previous_start = previous.from.ToString();
  std::string previous_end = previous.to.ToString();

  Nullable district;
  std::string housing_type;
  int handled = 0, closed = 0, handled_previous = 0, closed_previous = 0, new_in_period = 0;
  std::int64_t count = 0;
  CachedStatement statement(*sql, kWoonoverlastTallies);
  statement->exchange(soci::into(district.value, district.indicator));
  statement->exchange(soci::into(housing_type));
  statement->exchange(soci::into(handled));
  statement->exchange(soci::into(closed));
  statement->exchange(soci::into(handled_previous));
  statement->exchange(soci::into(closed_previous));
  statement->exchange(soci::into(new_in_period));
  statement->exchange(soci::into(count));
  statement->exchange(soci::use(start, "start"));
  statement->exchange(soci::use(end, "end"));
  statement->exchange(soci::use(previous_start, "previous_start"));
  statement->exchange(soci::use(previous_end, "previous_end"));
  statement.Execute(false);
  std::vector<domain::WoonoverlastTally> tallies;
  while (statement->fetch()) {
    domain::WoonoverlastTally tally;
    tally.district = district.Get();
    tally.housing_type = ParseStored<domain::HousingType>(housing_type, "cases.housing_type");
    tally.handled = handled != 0;
    tally.closed = closed != 0;
    tally.handled_previous = handled_previous != 0;
    tally.closed_previous = closed_previous != 0;
    tally.new_in_period = new_in_period != 0;
    tally.count = count;
    tallies.push_back(std::move(tally));
  }
  transaction.Commit();
  return tallies;
}

}  // namespace casus::persistence
