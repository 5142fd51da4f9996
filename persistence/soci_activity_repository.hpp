#pragma once

#include <vector>

#include "domain/ondermijning/activity.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// ActivityRepository on the activities, activity_partners and activity_cases tables of
// schema/003_ondermijning.sql, through a Database's session pool. Needs a migrated database
// and does not own it: `database` must outlive this.
//
// Transactions, bound values and thread-safety: as SociCaseRepository. Partners keep their
// submitted order; case links are a set and come back ascending, from Create too.
//
// Errors: List throws std::invalid_argument for a limit below 1; a case id naming no casus
// and database failures throw soci::soci_error, storing nothing.
class SociActivityRepository final : public domain::ActivityRepository {
 public:
  explicit SociActivityRepository(Database& database) : database_(database) {}

  // One write transaction: the activity, its partners and its case links.
  domain::Activity Create(const domain::Activity& activity) override;
  // Keyset pagination as SociCaseRepository::List; filter.year selects on_date from 1 January
  // to 31 December. Partners and case links in one query each per page.
  domain::ActivityPage List(const domain::ActivityFilter& filter) override;
  // Three queries (activities, partners, case links) in one snapshot.
  std::vector<domain::Activity> Between(domain::Date from, domain::Date to) override;
  // One query over the activities alone, streamed.
  void VisitBetween(domain::Date from, domain::Date to,
                    const std::function<void(const domain::ActivityFacts&)>& visit) override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
