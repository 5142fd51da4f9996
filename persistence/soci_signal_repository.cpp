#include "persistence/soci_signal_repository.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "persistence/case_insert.hpp"
#include "persistence/sql_query.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

using domain::SignalId;

// One row of kSignalColumns, fetched into these members.
constexpr const char* kSignalColumns =
    "s.id, s.received_on, s.source, s.summary, d.name, s.address_street, s.address_number, "
    "s.address_postcode, s.address_city, s.reporter_name, s.reporter_phone, s.reporter_email, "
    "s.status, s.assessment_decision, s.assessed_on, s.case_id, s.assessment_reason, "
    "s.assessed_at, s.version";
constexpr const char* kSignalFrom = " FROM signals s LEFT JOIN districts d ON d.id = s.district_id";

struct SignalRow {
  SignalId id = 0;
  std::string received_on;
  std::string source;
  std::string summary;
  Nullable district;
  AddressColumns address;
  Nullable reporter_name;
  Nullable reporter_phone;
  Nullable reporter_email;
  std::string status;
  Nullable decision;
  Nullable assessed_on;
  NullableOf<std::int64_t> case_id;
  Nullable reason;
  Nullable assessed_at;
  std::int64_t version = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(received_on));
    statement.exchange(soci::into(source));
    statement.exchange(soci::into(summary));
    statement.exchange(soci::into(district.value, district.indicator));
    statement.exchange(soci::into(address.street.value, address.street.indicator));
    statement.exchange(soci::into(address.number.value, address.number.indicator));
    statement.exchange(soci::into(address.postcode.value, address.postcode.indicator));
    statement.exchange(soci::into(address.city.value, address.city.indicator));
    statement.exchange(soci::into(reporter_name.value, reporter_name.indicator));
    statement.exchange(soci::into(reporter_phone.value, reporter_phone.indicator));
    statement.exchange(soci::into(reporter_email.value, reporter_email.indicator));
    statement.exchange(soci::into(status));
    statement.exchange(soci::into(decision.value, decision.indicator));
    statement.exchange(soci::into(assessed_on.value, assessed_on.indicator));
    statement.exchange(soci::into(case_id.value, case_id.indicator));
    statement.exchange(soci::into(reason.value, reason.indicator));
    statement.exchange(soci::into(assessed_at.value, assessed_at.indicator));
    statement.exchange(soci::into(version));
  }

  domain::Signal ToSignal() const {
    domain::Signal signal;
    signal.id = id;
    signal.received_on = ParseStoredDate(received_on, "signals.received_on");
    signal.source = ParseStored<domain::SignalSource>(source, "signals.source");
    signal.summary = summary;
    signal.district = district.Get();
    signal.address = address.Get();
    if (reporter_name.indicator == soci::i_ok) {
      signal.reporter =
          domain::Reporter{reporter_name.value, reporter_phone.Get(), reporter_email.Get()};
    }
    signal.status = ParseStored<domain::SignalStatus>(status, "signals.status");
    // The schema keeps the assessment columns set exactly when the status is not open.
    if (signal.status != domain::SignalStatus::kOpen) {
      domain::SignalAssessment assessment;
      assessment.decision =
          ParseStored<domain::AssessmentDecision>(decision.value, "signals.assessment_decision");
      assessment.on = ParseStoredDate(assessed_on.value, "signals.assessed_on");
      assessment.case_id = case_id.Get();
      assessment.reason = reason.Get();
      assessment.recorded_at = assessed_at.value;
      signal.assessment = std::move(assessment);
    }
    signal.version = version;
    return signal;
  }
};

// The conditions of a signal list; the values stay bound.
SqlConditions SignalConditions(const domain::SignalFilter& filter) {
  SqlConditions conditions;
  conditions.WhereIf(OptionalWire(filter.source), "s.source = :source", "source")
      .WhereIf(OptionalWire(filter.status), "s.status = :status", "status")
      .WhereIf(OptionalWire(filter.theme),
               "EXISTS (SELECT 1 FROM signal_themes st WHERE st.signal_id = s.id AND "
               "st.theme = :theme)",
               "theme");
  return conditions;
}

// The themes of the signals `scope` (a condition on st.signal_id) selects, grouped per signal.
template <typename Bind>
std::map<std::int64_t, std::vector<std::string>> ThemesOf(soci::session& sql,
                                                          const std::string& scope, Bind&& bind) {
  return FetchGrouped<std::string>(sql,
                                   "SELECT st.signal_id, st.theme FROM signal_themes st "
                                   "WHERE st.signal_id " +
                                       scope + " ORDER BY st.signal_id, st.position",
                                   bind);
}

std::vector<domain::Theme> ParseThemes(const std::vector<std::string>& themes) {
  return ParseAll<domain::Theme>(themes, "signal_themes.theme");
}

// The conditional UPDATE both assessments share: only an open signal is assessed.
bool RecordAssessment(soci::session& sql, SignalId id, const domain::SignalAssessment& assessment) {
  std::string status = Wire(assessment.decision == domain::AssessmentDecision::kDismiss
                                ? domain::SignalStatus::kDismissed
                                : domain::SignalStatus::kLinked);
  std::string decision = Wire(assessment.decision);
  std::string on = assessment.on.ToString();
  NullableOf<std::int64_t> case_id = NullableOf<std::int64_t>::Of(assessment.case_id);
  Nullable reason = Nullable::Of(assessment.reason);
  std::string recorded_at = assessment.recorded_at;
  soci::statement update =
      (sql.prepare << "UPDATE signals SET status = :status, assessment_decision = :decision, "
                      "assessed_on = :assessed_on, case_id = :case_id, "
                      "assessment_reason = :reason, assessed_at = :assessed_at, "
                      "version = version + 1 WHERE id = :id AND status = 'open'",
       soci::use(status, "status"), soci::use(decision, "decision"), soci::use(on, "assessed_on"),
       soci::use(case_id.value, case_id.indicator, "case_id"),
       soci::use(reason.value, reason.indicator, "reason"), soci::use(recorded_at, "assessed_at"),
       soci::use(id, "id"));
  update.execute(true);
  return update.get_affected_rows() > 0;
}

}  // namespace

std::vector<std::string> SociSignalRepository::ExternalRefs() {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  std::vector<std::string> refs;
  soci::rowset<std::string> rows =
      sql->prepare << "SELECT external_ref FROM signals WHERE external_ref IS NOT NULL "
                      "ORDER BY external_ref";
  for (const auto& ref : rows) refs.push_back(ref);
  return refs;
}

domain::Signal SociSignalRepository::Create(const domain::NewSignal& fields,
                                            const std::string& recorded_at) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);

  NullableOf<std::int64_t> district_id = DistrictIdOf(*sql, fields.district);
  std::string received_on = fields.received_on.ToString();
  std::string source = Wire(fields.source);
  std::string summary = fields.summary;
  AddressColumns address = AddressColumns::Of(fields.address);
  Nullable name, phone, email;
  if (fields.reporter) {
    name = Nullable{fields.reporter->name, soci::i_ok};
    phone = Nullable::Of(fields.reporter->phone);
    email = Nullable::Of(fields.reporter->email);
  }
  std::string created_at = recorded_at;
  SignalId id = 0;
  Execute(*sql,
          "INSERT INTO signals (received_on, source, summary, district_id, address_street, "
          "address_number, address_postcode, address_city, reporter_name, reporter_phone, "
          "reporter_email, status, version, created_at) "
          "VALUES (:received_on, :source, :summary, :district_id, :street, :number, :postcode, "
          ":city, :reporter_name, :reporter_phone, :reporter_email, 'open', 1, :created_at) "
          "RETURNING id",
          soci::use(received_on, "received_on"), soci::use(source, "source"),
          soci::use(summary, "summary"),
          soci::use(district_id.value, district_id.indicator, "district_id"),
          soci::use(address.street.value, address.street.indicator, "street"),
          soci::use(address.number.value, address.number.indicator, "number"),
          soci::use(address.postcode.value, address.postcode.indicator, "postcode"),
          soci::use(address.city.value, address.city.indicator, "city"),
          soci::use(name.value, name.indicator, "reporter_name"),
          soci::use(phone.value, phone.indicator, "reporter_phone"),
          soci::use(email.value, email.indicator, "reporter_email"),
          soci::use(created_at, "created_at"), soci::into(id));
  if (fields.external_ref) {
    // Set apart, only for an imported signal, as InsertCase does (schema 016).
    std::string external_ref = *fields.external_ref;
    Execute(*sql, "UPDATE signals SET external_ref = :external_ref WHERE id = :id",
            soci::use(external_ref, "external_ref"), soci::use(id, "id"));
  }

  int position = 0;
  for (const domain::Theme theme : fields.themes) {
    ++position;
    std::string wire = Wire(theme);
    Execute(*sql,
            "INSERT INTO signal_themes (signal_id, theme, position) "
            "VALUES (:id, :theme, :position)",
            soci::use(id, "id"), soci::use(wire, "theme"), soci::use(position, "position"));
  }
  transaction.Commit();

  domain::Signal signal;
  signal.id = id;
  signal.received_on = fields.received_on;
  signal.source = fields.source;
  signal.themes = fields.themes;
  signal.summary = fields.summary;
  signal.district = fields.district;
  signal.address = fields.address;
  signal.reporter = fields.reporter;
  signal.status = domain::SignalStatus::kOpen;
  signal.version = 1;
  return signal;
}

std::optional<domain::Signal> SociSignalRepository::Find(SignalId id) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  SqlConditions by_id;
  by_id.Where("s.id = :id", "id", id);
  auto signal = FetchOne<SignalRow>(*sql, std::string("SELECT ") + kSignalColumns + kSignalFrom,
                                    by_id, &SignalRow::ToSignal);
  if (!signal) return std::nullopt;
  auto themes =
      ThemesOf(*sql, "= :id", [&by_id](soci::statement& statement) { by_id.Use(statement); });
  signal->themes = ParseThemes(TakeGroup(themes, id));
  transaction.Commit();
  return signal;
}

domain::SignalPage SociSignalRepository::List(const domain::SignalFilter& filter) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  KeysetPage query(SignalConditions(filter), "s.id", filter.after, filter.limit);
  auto page = query.FetchPage<domain::SignalPage, SignalRow>(
      *sql, std::string("SELECT ") + kSignalColumns + kSignalFrom, &SignalRow::ToSignal,
      [&](std::vector<domain::Signal>& items) {
        auto themes = ThemesOf(*sql, "IN (" + query.IdsOf("signals s") + ")", query.Binder());
        for (domain::Signal& signal : items) {
          signal.themes = ParseThemes(TakeGroup(themes, signal.id));
        }
      });
  transaction.Commit();
  return page;
}

bool SociSignalRepository::Assess(SignalId id, const domain::SignalAssessment& assessment) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  if (!RecordAssessment(*sql, id, assessment)) return false;
  transaction.Commit();
  return true;
}

std::optional<domain::Casus> SociSignalRepository::AssessIntoNewCase(
    SignalId id, const domain::SignalAssessment& assessment, const domain::NewCase& fields,
    const domain::TransitionRecord& registration) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  domain::Casus casus = InsertCase(*sql, fields, registration);
  domain::SignalAssessment linked = assessment;
  linked.case_id = casus.id;
  // Not open any more: the transaction rolls the casus back.
  if (!RecordAssessment(*sql, id, linked)) return std::nullopt;
  transaction.Commit();
  casus.signal_ids = {id};
  return casus;
}

std::vector<domain::SignalFacts> SociSignalRepository::ReceivedBetween(domain::Date from,
                                                                       domain::Date to) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  SqlConditions period;
  period.Where("s.received_on BETWEEN :from AND :to", "from", from.ToString(), "to", to.ToString());
  const auto bind_period = [&period](soci::statement& statement) { period.Use(statement); };

  std::vector<domain::SignalFacts> facts;
  {
    SignalId id = 0;
    std::string received_on;
    std::string source;
    soci::statement statement(*sql);
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(received_on));
    statement.exchange(soci::into(source));
    bind_period(statement);
    Prepare(statement, "SELECT s.id, s.received_on, s.source FROM signals s" + period.Sql() +
                           " ORDER BY s.id");
    statement.execute();
    while (statement.fetch()) {
      facts.push_back({id,
                       ParseStoredDate(received_on, "signals.received_on"),
                       ParseStored<domain::SignalSource>(source, "signals.source"),
                       {}});
    }
  }
  auto themes = ThemesOf(*sql, "IN (SELECT s.id FROM signals s" + period.Sql() + ")", bind_period);
  for (domain::SignalFacts& signal : facts)
    signal.themes = ParseThemes(TakeGroup(themes, signal.id));
  transaction.Commit();
  return facts;
}

void SociSignalRepository::VisitReceivedBetween(
    domain::Date from, domain::Date to,
    const std::function<void(const domain::SignalFacts&)>& visit) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  std::string first = from.ToString();
  std::string last = to.ToString();
  SignalId id = 0;
  std::string received_on;
  std::string source;
  Nullable themes;  // comma-separated; NULL for a signal without themes
  // The themes joined by commas: group_concat in SQLite, string_agg in PostgreSQL.
  const std::string themes_of_signal = DialectOf(*sql) == Dialect::kPostgresql
                                           ? "string_agg(st.theme, ',')"
                                           : "group_concat(st.theme)";
  CachedStatement statement(
      *sql, "SELECT s.id, s.received_on, s.source, " + themes_of_signal +
                " FROM signals s LEFT JOIN signal_themes st ON st.signal_id = s.id "
                "WHERE s.received_on BETWEEN :from AND :to GROUP BY s.id ORDER BY s.id");
  statement->exchange(soci::into(id));
  statement->exchange(soci::into(received_on));
  statement->exchange(soci::into(source));
  statement->exchange(soci::into(themes.value, themes.indicator));
  statement->exchange(soci::use(first, "from"));
  statement->exchange(soci::use(last, "to"));
  statement.Execute(false);
  domain::SignalFacts facts;
  std::vector<std::string> names;
  while (statement->fetch()) {
    facts.id = id;
    facts.received_on = ParseStoredDate(received_on, "signals.received_on");
    facts.source = ParseStored<domain::SignalSource>(source, "signals.source");
    names.clear();
    if (const auto joined = themes.Get()) {
      for (std::size_t start = 0; start <= joined->size();) {
        const std::size_t comma = std::min(joined->find(',', start), joined->size());
        names.push_back(joined->substr(start, comma - start));
        start = comma + 1;
      }
    }
    facts.themes = ParseThemes(names);
    visit(facts);
  }
  transaction.Commit();
}

}  // namespace casus::persistence
