#include "persistence/soci_activity_repository.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "persistence/sql_query.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

using domain::ActivityId;

// One row of kSelectActivities, fetched into these members.
constexpr const char* kSelectActivities =
    "SELECT a.id, a.type, a.on_date, a.companies_checked, a.findings, a.business_park, "
    "a.heit_type, a.recorded_at FROM activities a";

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

// The conditions of an activity list; the values stay bound.
SqlConditions ActivityConditions(const domain::ActivityFilter& filter) {
  SqlConditions conditions;
  conditions.WhereIf(OptionalWire(filter.type), "a.type = :type", "type");
  if (filter.year) {
    conditions.Where("a.on_date BETWEEN :year_from AND :year_to", "year_from",
                     domain::Date::FirstDayOfYear(*filter.year).ToString(), "year_to",
                     domain::Date::LastDayOfYear(*filter.year).ToString());
  }
  return conditions;
}

// Adds their partners and case links to `activities`, with one query each; `scope` is a query
// of the same activities' ids, bound by `bind`.
template <typename Bind>
void AddChildren(soci::session& sql, const std::string& scope, Bind&& bind,
                 std::vector<domain::Activity>& activities) {
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
  Execute(*sql,
          "INSERT INTO activities (type, on_date, companies_checked, findings, business_park, "
          "heit_type, recorded_at) VALUES (:type, :on_date, :companies_checked, :findings, "
          ":business_park, :heit_type, :recorded_at) RETURNING id",
          soci::use(type, "type"), soci::use(on, "on_date"),
          soci::use(companies_checked.value, companies_checked.indicator, "companies_checked"),
          soci::use(findings.value, findings.indicator, "findings"),
          soci::use(business_park.value, business_park.indicator, "business_park"),
          soci::use(heit_type.value, heit_type.indicator, "heit_type"),
          soci::use(recorded_at, "recorded_at"), soci::into(id));

  int position = 0;
  for (const std::string& partner : activity.partners) {
    ++position;
    Execute(*sql,
            "INSERT INTO activity_partners (activity_id, position, partner) "
            "VALUES (:id, :position, :partner)",
            soci::use(id, "id"), soci::use(position, "position"), soci::use(partner, "partner"));
  }
  for (const domain::CaseId case_id : activity.case_ids) {
    Execute(*sql, "INSERT INTO activity_cases (activity_id, case_id) VALUES (:id, :case_id)",
            soci::use(id, "id"), soci::use(case_id, "case_id"));
  }
  transaction.Commit();

  domain::Activity stored = activity;
  stored.id = id;
  std::sort(stored.case_ids.begin(), stored.case_ids.end());
  return stored;
}

domain::ActivityPage SociActivityRepository::List(const domain::ActivityFilter& filter) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  KeysetPage query(ActivityConditions(filter), "a.id", filter.after, filter.limit);
  auto page = query.FetchPage<domain::ActivityPage, ActivityRow>(
      *sql, kSelectActivities, &ActivityRow::ToActivity, [&](std::vector<domain::Activity>& items) {
        AddChildren(*sql, query.IdsOf("activities a"), query.Binder(), items);
      });
  transaction.Commit();
  return page;
}

std::vector<domain::Activity> SociActivityRepository::Between(domain::Date from, domain::Date to) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  SqlConditions period;
  period.Where("a.on_date BETWEEN :from AND :to", "from", from.ToString(), "to", to.ToString());
  const auto bind = [&period](soci::statement& statement) { period.Use(statement); };
  auto activities =
      FetchRows<ActivityRow>(*sql, std::string(kSelectActivities) + period.Sql() + " ORDER BY a.id",
                             bind, &ActivityRow::ToActivity);
  if (!activities.empty()) {
    AddChildren(*sql, "SELECT a.id FROM activities a" + period.Sql(), bind, activities);
  }
  transaction.Commit();
  return activities;
}

void SociActivityRepository::VisitBetween(
    domain::Date from, domain::Date to,
    const std::function<void(const domain::ActivityFacts&)>& visit) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  std::string first = from.ToString();
  std::string last = to.ToString();
  std::string type;
  std::string on;
  NullableOf<int> companies_checked;
  CachedStatement statement(*sql,
                            "SELECT a.type, a.on_date, a.companies_checked FROM activities a "
                            "WHERE a.on_date BETWEEN :from AND :to ORDER BY a.id");
  statement->exchange(soci::into(type));
  statement->exchange(soci::into(on));
  statement->exchange(soci::into(companies_checked.value, companies_checked.indicator));
  statement->exchange(soci::use(first, "from"));
  statement->exchange(soci::use(last, "to"));
  statement.Execute(false);
  while (statement->fetch()) {
    visit({ParseStored<domain::ActivityType>(type, "activities.type"),
           ParseStoredDate(on, "activities.on_date"), companies_checked.Get()});
  }
  transaction.Commit();
}

}  // namespace casus::persistence
