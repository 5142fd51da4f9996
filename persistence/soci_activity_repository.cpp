#include "persistence/soci_activity_repository.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

using domain::ActivityId;

// One row of kActivityColumns, fetched into these members.
constexpr const char* kActivityColumns =
    "a.id, a.type, a.on_date, a.companies_checked, a.findings, a.business_park, a.heit_type, "
    "a.recorded_at";

struct ActivityRow {
  ActivityId id = 0;
  std::string type;
  std::string on;
  NullableOf<int> companies_checked;
  Nullable findings;
  Nullable business_park;
  Nullable heit_type;
  std::string recorded_at;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(type));
    statement.exchange(soci::into(on));
    statement.exchange(soci::into(companies_checked.value, companies_checked.indicator));
    statement.exchange(soci::into(findings.value, findings.indicator));
    statement.exchange(soci::into(business_park.value, business_park.indicator));
    statement.exchange(soci::into(heit_type.value, heit_type.indicator));
    statement.exchange(soci::into(recorded_at));
  }

  domain::Activity ToActivity() const {
    domain::Activity activity;
    activity.id = id;
    activity.type = ParseStored<domain::ActivityType>(type, "activities.type");
    activity.on = ParseStoredDate(on, "activities.on_date");
    activity.companies_checked = companies_checked.Get();
    activity.findings = findings.Get();
    activity.business_park = business_park.Get();
    activity.heit_type = heit_type.Get();
    activity.recorded_at = recorded_at;
    return activity;
  }
};

// The WHERE clause of an activity query, built from fixed fragments; the values stay bound.
class ActivityConditions {
 public:
  explicit ActivityConditions(const domain::ActivityFilter& filter)
      : after_(filter.after.value_or(0)),
        type_(filter.type ? Wire(*filter.type) : std::string()),
        year_from_(filter.year ? domain::Date::FirstDayOfYear(*filter.year).ToString() : ""),
        year_to_(filter.year ? domain::Date::LastDayOfYear(*filter.year).ToString() : ""),
        has_type_(filter.type.has_value()),
        has_year_(filter.year.has_value()) {}

  std::string Sql() const {
    std::string sql = " WHERE a.id > :after";
    if (has_type_) sql += " AND a.type = :type";
    if (has_year_) sql += " AND a.on_date BETWEEN :year_from AND :year_to";
    return sql;
  }

  void Use(soci::statement& statement) {
    statement.exchange(soci::use(after_, "after"));
    if (has_type_) statement.exchange(soci::use(type_, "type"));
    if (has_year_) {
      statement.exchange(soci::use(year_from_, "year_from"));
      statement.exchange(soci::use(year_to_, "year_to"));
    }
  }

 private:
  ActivityId after_;
  std::string type_;
  std::string year_from_;
  std::string year_to_;
  bool has_type_;
  bool has_year_;
};

// Reads the activities `where` selects (with the use elements `bind` exchanges), then their
// partners and case links with one query each; `scope` is a query of the same activities' ids.
template <typename Bind>
std::vector<domain::Activity> FetchActivities(soci::session& sql, const std::string& where,
                                              const std::string& scope, Bind&& bind) {
  std::vector<domain::Activity> activities;
  {
    ActivityRow row;
    soci::statement statement(sql);
    row.Into(statement);
    bind(statement);
    Prepare(statement, std::string("SELECT ") + kActivityColumns + " FROM activities a" + where);
    statement.execute();
    while (statement.fetch()) activities.push_back(row.ToActivity());
  }
  if (activities.empty()) return activities;

  auto partners = FetchGrouped<std::string>(
      sql,
      "SELECT ap.activity_id, ap.partner FROM activity_partners ap WHERE ap.activity_id IN (" +
          scope + ") ORDER BY ap.activity_id, ap.position",
      bind);
  auto case_ids = FetchGrouped<std::int64_t>(
      sql,
      "SELECT ac.activity_id, ac.case_id FROM activity_cases ac WHERE ac.activity_id IN (" + scope +
          ") ORDER BY ac.activity_id, ac.case_id",
      bind);
  for (domain::Activity& activity : activities) {
    activity.partners = TakeGroup(partners, activity.id);
    activity.case_ids = TakeGroup(case_ids, activity.id);
  }
  return activities;
}

}  // namespace

domain::Activity SociActivityRepository::Create(const domain::Activity& activity) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);

  std::string type = Wire(activity.type);
  std::string on = activity.on.ToString();
  NullableOf<int> companies_checked = NullableOf<int>::Of(activity.companies_checked);
  Nullable findings = Nullable::Of(activity.findings);
  Nullable business_park = Nullable::Of(activity.business_park);
  Nullable heit_type = Nullable::Of(activity.heit_type);
  std::string recorded_at = activity.recorded_at;
  ActivityId id = 0;
  *sql << "INSERT INTO activities (type, on_date, companies_checked, findings, business_park, "
          "heit_type, recorded_at) VALUES (:type, :on_date, :companies_checked, :findings, "
          ":business_park, :heit_type, :recorded_at) RETURNING id",
      soci::use(type, "type"), soci::use(on, "on_date"),
      soci::use(companies_checked.value, companies_checked.indicator, "companies_checked"),
      soci::use(findings.value, findings.indicator, "findings"),
      soci::use(business_park.value, business_park.indicator, "business_park"),
      soci::use(heit_type.value, heit_type.indicator, "heit_type"),
      soci::use(recorded_at, "recorded_at"), soci::into(id);

  int position = 0;
  for (const std::string& partner : activity.partners) {
    ++position;
    *sql << "INSERT INTO activity_partners (activity_id, position, partner) "
            "VALUES (:id, :position, :partner)",
        soci::use(id, "id"), soci::use(position, "position"), soci::use(partner, "partner");
  }
  for (const domain::CaseId case_id : activity.case_ids) {
    *sql << "INSERT INTO activity_cases (activity_id, case_id) VALUES (:id, :case_id)",
        soci::use(id, "id"), soci::use(case_id, "case_id");
  }
  transaction.Commit();

  domain::Activity stored = activity;
  stored.id = id;
  std::sort(stored.case_ids.begin(), stored.case_ids.end());
  return stored;
}

domain::ActivityPage SociActivityRepository::List(const domain::ActivityFilter& filter) {
  if (filter.limit < 1) throw std::invalid_argument("ActivityFilter.limit must be at least 1");
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);

  ActivityConditions conditions(filter);
  // One row more than asked tells whether another page follows; the children are fetched for
  // that row too, which is cheaper than a second round of the conditions.
  int fetch = filter.limit + 1;
  const std::string page = conditions.Sql() + " ORDER BY a.id LIMIT :fetch";
  domain::ActivityPage result;
  result.items = FetchActivities(*sql, page, "SELECT a.id FROM activities a" + page,
                                 [&conditions, &fetch](soci::statement& statement) {
                                   conditions.Use(statement);
                                   statement.exchange(soci::use(fetch, "fetch"));
                                 });
  if (static_cast<int>(result.items.size()) > filter.limit) {
    result.items.pop_back();
    result.next = result.items.back().id;
  }
  transaction.Commit();
  return result;
}

std::vector<domain::Activity> SociActivityRepository::Between(domain::Date from, domain::Date to) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  std::string from_text = from.ToString();
  std::string to_text = to.ToString();
  const std::string where = " WHERE a.on_date BETWEEN :from AND :to ORDER BY a.id";
  auto activities = FetchActivities(*sql, where, "SELECT a.id FROM activities a" + where,
                                    [&from_text, &to_text](soci::statement& statement) {
                                      statement.exchange(soci::use(from_text, "from"));
                                      statement.exchange(soci::use(to_text, "to"));
                                    });
  transaction.Commit();
  return activities;
}

}  // namespace casus::persistence
