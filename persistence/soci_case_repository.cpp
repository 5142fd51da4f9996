#include "persistence/soci_case_repository.hpp"

#include <soci/soci.h>

#include <algorithm>
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
    "c.assignee, (SELECT t.effective_on FROM case_transitions t WHERE t.case_id = c.id "
    "ORDER BY t.sequence DESC LIMIT 1), c.external_ref";
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
  Nullable assignee;
  std::string last_change_on;
  Nullable external_ref;

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
    statement.exchange(soci::into(assignee.value, assignee.indicator));
    statement.exchange(soci::into(last_change_on));
    statement.exchange(soci::into(external_ref.value, external_ref.indicator));
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
    casus.assignee = assignee.Get();
    casus.last_change_on = ParseStoredDate(last_change_on, "case_transitions.effective_on");
    casus.external_ref = external_ref.Get();
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

// The search filters of a case list (reported_from/to, postcode, q). `q`'s words reach the
// full-text query only quoted (FTS5: each a "phrase", quotes doubled; PostgreSQL:
// plainto_tsquery, which reads no operators), so no search text is query syntax.
void AddSearchConditions(SqlConditions& conditions, const domain::CaseFilter& filter,
                         Dialect dialect) {
  const auto date = [](const std::optional<domain::Date>& d) {
    return d ? std::optional<std::string>(d->ToString()) : std::nullopt;
  };
  conditions.WhereIf(date(filter.reported_from), "c.reported_on >= :reported_from", "reported_from")
      .WhereIf(date(filter.reported_to), "c.reported_on <= :reported_to", "reported_to")
      .WhereIf(filter.postcode, "c.address_postcode = :postcode", "postcode");
  if (filter.words.empty()) return;
  std::string query;
  for (const std::string& word : filter.words) {
    if (!query.empty()) query += ' ';
    if (dialect == Dialect::kPostgresql) {
      query += word;
      continue;
    }
    query += '"';
    for (const char c : word) query += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += '"';
  }
  conditions.Where(dialect == Dialect::kPostgresql
                       ? "c.id IN (SELECT s.case_id FROM case_search s "
                         "WHERE s.document @@ plainto_tsquery('simple', :words))"
                       : "c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH :words)",
                   "words", query);
}

// The conditions of a case list; the values stay bound.
SqlConditions CaseConditions(const domain::CaseFilter& filter, Dialect dialect) {
  SqlConditions conditions;
  conditions.WhereIf(OptionalWire(filter.kind), "c.kind = :kind", "kind")
      .WhereIf(OptionalWire(filter.state), "c.state = :state", "state")
      .WhereIf(filter.district, "c.district_id = (SELECT id FROM districts WHERE name = :district)",
               "district")
      .WhereIf(OptionalWire(filter.housing_type), "c.housing_type = :housing_type", "housing_type")
      .WhereIf(filter.assignee, "c.assignee = :assignee", "assignee");
  AddSearchConditions(conditions, filter, dialect);
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

std::vector<std::string> SociCaseRepository::ExternalRefs(domain::CaseKind kind) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  const std::string wire = Wire(kind);
  std::vector<std::string> refs;
  soci::rowset<std::string> rows =
      (sql->prepare << "SELECT external_ref FROM cases WHERE kind = :kind AND external_ref IS NOT "
                       "NULL ORDER BY external_ref",
       soci::use(wire, "kind"));
  for (const auto& ref : rows) refs.push_back(ref);
  return refs;
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
  const Dialect dialect = database_.dialect();
  domain::CasePage page;
  if (filter.count) {
    SqlConditions conditions = CaseConditions(filter, dialect);
    std::int64_t count = 0;
    CachedStatement counting(*sql, "SELECT COUNT(*) FROM cases c" + conditions.Sql());
    counting->exchange(soci::into(count));
    conditions.Use(*counting);
    counting.Execute(true);
    page.count = count;
  }
  KeysetOrder order;
  if (filter.sort != domain::CaseSort::kId) {
    order.column = "c.reported_on";
    order.descending = filter.sort == domain::CaseSort::kReportedOnDescending;
    if (filter.after.value_or(0) != 0) {
      // Where the cursor's casus stands in the sort; one of another kind counts as missing,
      // so that its reported_on cannot be probed by where a page starts.
      SqlConditions cursor;
      cursor.Where("c.id = :id", "id", *filter.after)
          .WhereIf(OptionalWire(filter.kind), "c.kind = :kind", "kind");
      std::string reported_on;
      CachedStatement find(*sql, "SELECT c.reported_on FROM cases c" + cursor.Sql());
      find->exchange(soci::into(reported_on));
      cursor.Use(*find);
      if (!find.Execute(true)) {
        transaction.Commit();
        return page;
      }
      order.after_value = reported_on;
    }
  }
  KeysetPage query(CaseConditions(filter, dialect), "c.id", filter.after, filter.limit, order);
  const std::optional<std::int64_t> count = page.count;
  page = query.FetchPage<domain::CasePage, CaseRow>(
      *sql, std::string("SELECT ") + kCaseColumns + kCaseFrom, &CaseRow::ToCasus,
      [&](std::vector<domain::Casus>& items) {
        CaseChildren children =
            CaseChildren::Fetch(*sql, "IN (" + query.IdsOf("cases c") + ")", query.Binder());
        for (domain::Casus& casus : items) children.MoveInto(casus);
      });
  page.count = count;
  transaction.Commit();
  return page;
}

domain::CaseNote SociCaseRepository::AddNote(const domain::CaseNote& note) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  domain::CaseNote stored = note;
  Execute(*sql,
          "INSERT INTO case_notes (case_id, text, author, at) "
          "VALUES (:case_id, :text, :author, :at) RETURNING id",
          soci::use(stored.case_id, "case_id"), soci::use(stored.text, "text"),
          soci::use(stored.author, "author"), soci::use(stored.at, "at"), soci::into(stored.id));
  transaction.Commit();
  return stored;
}

namespace {

struct NoteRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string text;
  std::string author;
  std::string at;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(case_id));
    statement.exchange(soci::into(text));
    statement.exchange(soci::into(author));
    statement.exchange(soci::into(at));
  }
  domain::CaseNote ToNote() const { return {id, case_id, text, author, at}; }
};

}  // namespace

domain::NotePage SociCaseRepository::Notes(CaseId id, std::optional<domain::NoteId> after,
                                           int limit) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  SqlConditions of_case;
  of_case.Where("n.case_id = :case_id", "case_id", id);
  KeysetPage query(std::move(of_case), "n.id", after, limit);
  domain::NotePage page;
  page.items = query.FetchRows<NoteRow>(
      *sql, "SELECT n.id, n.case_id, n.text, n.author, n.at FROM case_notes n", &NoteRow::ToNote);
  page.next = query.Finish(page.items, [](const domain::CaseNote& note) { return note.id; });
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

bool SociCaseRepository::Correct(const domain::Casus& corrected, std::int64_t expected_version,
                                 const std::vector<domain::CaseChange>& changes) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  CaseId id = corrected.id;
  NullableOf<std::int64_t> district_id = DistrictIdOf(*sql, corrected.district);
  Nullable housing_type = NullableWire(corrected.housing_type);
  std::string reported_on = corrected.reported_on.ToString();
  std::string summary = corrected.summary;
  AddressColumns address = AddressColumns::Of(corrected.address);
  Nullable assignee = Nullable::Of(corrected.assignee);
  CachedStatement update(
      *sql,
      "UPDATE cases SET district_id = :district_id, housing_type = :housing_type, "
      "reported_on = :reported_on, summary = :summary, address_street = :street, "
      "address_number = :number, address_postcode = :postcode, address_city = :city, "
      "assignee = :assignee, version = version + 1 WHERE id = :id AND version = :version");
  update->exchange(soci::use(district_id.value, district_id.indicator, "district_id"));
  update->exchange(soci::use(housing_type.value, housing_type.indicator, "housing_type"));
  update->exchange(soci::use(reported_on, "reported_on"));
  update->exchange(soci::use(summary, "summary"));
  update->exchange(soci::use(address.street.value, address.street.indicator, "street"));
  update->exchange(soci::use(address.number.value, address.number.indicator, "number"));
  update->exchange(soci::use(address.postcode.value, address.postcode.indicator, "postcode"));
  update->exchange(soci::use(address.city.value, address.city.indicator, "city"));
  update->exchange(soci::use(assignee.value, assignee.indicator, "assignee"));
  update->exchange(soci::use(id, "id"));
  update->exchange(soci::use(expected_version, "version"));
  update.Execute();
  if (update->get_affected_rows() == 0) return false;  // the transaction rolls back

  for (const domain::CaseChange& change : changes) {
    if (change.field == "reported_on") {
      // The registration row carries the reported date (migration 011 allows this one update).
      Execute(*sql,
              "UPDATE case_transitions SET effective_on = :on WHERE case_id = :id AND sequence = 1",
              soci::use(reported_on, "on"), soci::use(id, "id"));
    } else if (change.field == "categories") {
      Execute(*sql, "DELETE FROM case_categories WHERE case_id = :id", soci::use(id, "id"));
      int position = 0;
      for (const domain::NuisanceCategory category : corrected.categories) {
        ++position;
        std::string name = Wire(category);
        Execute(*sql,
                "INSERT INTO case_categories (case_id, category, position) "
                "VALUES (:id, :category, :position)",
                soci::use(id, "id"), soci::use(name, "category"), soci::use(position, "position"));
      }
    } else if (change.field == "themes") {
      Execute(*sql, "DELETE FROM case_themes WHERE case_id = :id", soci::use(id, "id"));
      int position = 0;
      for (const domain::Theme theme : corrected.themes) {
        ++position;
        std::string name = Wire(theme);
        Execute(*sql,
                "INSERT INTO case_themes (case_id, theme, position) "
                "VALUES (:id, :theme, :position)",
                soci::use(id, "id"), soci::use(name, "theme"), soci::use(position, "position"));
      }
    }
    std::string field = change.field;
    Nullable old_value = Nullable::Of(change.old_value);
    Nullable new_value = Nullable::Of(change.new_value);
    Nullable reason = Nullable::Of(change.reason);
    std::string who = change.who;
    std::string at = change.at;
    Execute(
        *sql,
        "INSERT INTO case_changes (case_id, field, old_value, new_value, reason, who, changed_at) "
        "VALUES (:id, :field, :old_value, :new_value, :reason, :who, :changed_at)",
        soci::use(id, "id"), soci::use(field, "field"),
        soci::use(old_value.value, old_value.indicator, "old_value"),
        soci::use(new_value.value, new_value.indicator, "new_value"),
        soci::use(reason.value, reason.indicator, "reason"), soci::use(who, "who"),
        soci::use(at, "changed_at"));
  }
  transaction.Commit();
  return true;
}

namespace {

struct ChangeRow {
  std::string field;
  Nullable old_value;
  Nullable new_value;
  Nullable reason;
  std::string who;
  std::string at;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(field));
    statement.exchange(soci::into(old_value.value, old_value.indicator));
    statement.exchange(soci::into(new_value.value, new_value.indicator));
    statement.exchange(soci::into(reason.value, reason.indicator));
    statement.exchange(soci::into(who));
    statement.exchange(soci::into(at));
  }

  domain::CaseChange ToChange() const {
    return {field, old_value.Get(), new_value.Get(), reason.Get(), who, at};
  }
};

}  // namespace

std::vector<domain::CaseChange> SociCaseRepository::Changes(CaseId id) {
  SessionLease sql(database_);
  SqlConditions of_case;
  of_case.Where("h.case_id = :id", "id", id);
  return FetchRows<ChangeRow>(
      *sql,
      "SELECT h.field, h.old_value, h.new_value, h.reason, h.who, h.changed_at FROM case_changes "
      "h" +
          of_case.Sql() + " ORDER BY h.id",
      [&of_case](soci::statement& statement) { of_case.Use(statement); }, &ChangeRow::ToChange);
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

// Tabel 5.1's counts per wijk and woningtype, as sums over two indexes without a pass over the
// transitions or a join per casus (schema/009_case_closures.sql). For a period [start, end]:
//   reported: casussen reported by `end` (N);
//   closed_at_end: those closed on `end` (Y): a closure with closed_on <= end < reopened_on;
//   closed_through: those closed before `start` and not changed until after `end` (X): a
//     closure with closed_on < start and reopened_on > end. Dates never decrease along a
//     casus's transitions and a closure ends at the next one, so this is exactly a casus
//     closed the day before the period and changed by no transition in it.
// Portable SQL (SQLite and PostgreSQL): conditions are summed as CASE WHEN ... THEN 1.
// Then HandledBetween = N - X, afgerond = Y - X (closed through the period implies closed on
// its last day) and lopend = N - Y. The same for the previous period.
constexpr const char* kWoonoverlastCounts = R"(
SELECT d.name, x.housing_type,
  CAST(SUM(x.reported) AS BIGINT), CAST(SUM(x.closed_at_end) AS BIGINT),
  CAST(SUM(x.closed_through) AS BIGINT), CAST(SUM(x.previous_reported) AS BIGINT),
  CAST(SUM(x.previous_closed_at_end) AS BIGINT), CAST(SUM(x.previous_closed_through) AS BIGINT),
  CAST(SUM(x.new_in_period) AS BIGINT)
FROM (
  SELECT district_id, housing_type,
    SUM(CASE WHEN reported_on <= :end THEN 1 ELSE 0 END) AS reported,
    0 AS closed_at_end, 0 AS closed_through,
    SUM(CASE WHEN reported_on <= :previous_end THEN 1 ELSE 0 END) AS previous_reported,
    0 AS previous_closed_at_end, 0 AS previous_closed_through,
    SUM(CASE WHEN reported_on >= :start AND reported_on <= :end THEN 1 ELSE 0 END) AS new_in_period
  FROM cases
  WHERE kind = 'woonoverlast' AND housing_type IS NOT NULL AND reported_on <= :last
  GROUP BY district_id, housing_type
  UNION ALL
  SELECT district_id, housing_type, 0,
    SUM(CASE WHEN reported_on <= :end AND closed_on <= :end
        AND (reopened_on IS NULL OR reopened_on > :end) THEN 1 ELSE 0 END),
    SUM(CASE WHEN reported_on <= :end AND closed_on < :start
        AND (reopened_on IS NULL OR reopened_on > :end) THEN 1 ELSE 0 END),
    0,
    SUM(CASE WHEN reported_on <= :previous_end AND closed_on <= :previous_end
        AND (reopened_on IS NULL OR reopened_on > :previous_end) THEN 1 ELSE 0 END),
    SUM(CASE WHEN reported_on <= :previous_end AND closed_on < :previous_start
        AND (reopened_on IS NULL OR reopened_on > :previous_end) THEN 1 ELSE 0 END),
    0
  FROM case_closures
  WHERE kind = 'woonoverlast' AND housing_type IS NOT NULL AND closed_on <= :last
  GROUP BY district_id, housing_type
) x
LEFT JOIN districts d ON d.id = x.district_id
GROUP BY x.district_id, x.housing_type, d.name
)";

}  // namespace

std::vector<domain::WoonoverlastCount> SociCaseRepository::WoonoverlastCounts(
    const domain::ReportPeriod& period, const domain::ReportPeriod& previous) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  std::string start = period.from.ToString();
  std::string end = period.to.ToString();
  std::string previous_start = previous.from.ToString();
  std::string previous_end = previous.to.ToString();
  std::string last = std::max(end, previous_end);

  Nullable district;
  std::string housing_type;
  std::int64_t reported = 0, closed_at_end = 0, closed_through = 0;
  std::int64_t previous_reported = 0, previous_closed_at_end = 0, previous_closed_through = 0;
  std::int64_t new_in_period = 0;
  CachedStatement statement(*sql, kWoonoverlastCounts);
  statement->exchange(soci::into(district.value, district.indicator));
  statement->exchange(soci::into(housing_type));
  for (std::int64_t* sum : {&reported, &closed_at_end, &closed_through, &previous_reported,
                            &previous_closed_at_end, &previous_closed_through, &new_in_period}) {
    statement->exchange(soci::into(*sum));
  }
  statement->exchange(soci::use(start, "start"));
  statement->exchange(soci::use(end, "end"));
  statement->exchange(soci::use(previous_start, "previous_start"));
  statement->exchange(soci::use(previous_end, "previous_end"));
  statement->exchange(soci::use(last, "last"));
  statement.Execute(false);
  const auto cell = [](std::int64_t reported, std::int64_t closed_at_end,
                       std::int64_t closed_through) {
    return domain::LopendAfgerond{static_cast<int>(reported - closed_at_end),
                                  static_cast<int>(closed_at_end - closed_through)};
  };
  std::vector<domain::WoonoverlastCount> counts;
  while (statement->fetch()) {
    domain::WoonoverlastCount count;
    count.district = district.Get();
    count.housing_type = ParseStored<domain::HousingType>(housing_type, "cases.housing_type");
    count.period = cell(reported, closed_at_end, closed_through);
    count.previous = cell(previous_reported, previous_closed_at_end, previous_closed_through);
    count.new_in_period = static_cast<int>(new_in_period);
    counts.push_back(std::move(count));
  }
  transaction.Commit();
  return counts;
}

}  // namespace casus::persistence
