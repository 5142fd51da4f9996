#include "domain/retention/retention_service.hpp"

#include <catch2/catch.hpp>

#include "support/in_memory_access_stores.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {
struct RetentionFixture {
  casus::testing::RecordingPersonalDataStore store;
  casus::testing::InMemoryAuditTrail audit;
  FixedClock clock{Date(2031, 3, 1)};
  DirectUnitOfWork units;
  AccessGate gate{audit, units, clock};
  RetentionService retention{store, gate};
  const Actor operator_{"cli", Role::kBeheerder, "cli"};
};
}  // namespace

TEST_CASE("Moving back whole years keeps the day, and 29 February becomes 28 February",
          "[domain][retention]") {
  CHECK(YearsBefore(Date(2031, 3, 1), 5) == Date(2026, 3, 1));
  CHECK(YearsBefore(Date(2028, 2, 29), 5) == Date(2023, 2, 28));
  CHECK(YearsBefore(Date(2028, 2, 29), 4) == Date(2024, 2, 29));
}

TEST_CASE_METHOD(RetentionFixture, "A purge asks for each kind's own cutoff and purges them",
                 "[domain][retention]") {
  store.policy.ondermijning_years = 7;
  store.closed_woonoverlast = {1, 2};
  store.closed_ondermijning = {5};
  store.assessed_signals = {9};
  const auto report = retention.Purge(operator_, Date(2031, 3, 1), false);
  CHECK(store.asked_case_cutoffs.at(CaseKind::kWoonoverlast) == Date(2026, 3, 1));
  CHECK(store.asked_case_cutoffs.at(CaseKind::kOndermijning) == Date(2024, 3, 1));
  CHECK(store.asked_signal_cutoff == Date(2024, 3, 1));
  CHECK(store.purged_cases == std::vector<CaseId>{1, 2, 5});
  CHECK(store.purged_signals == std::vector<SignalId>{9});
  CHECK(report.cases == std::vector<CaseId>{1, 2, 5});
  const auto rows = audit.Rows();
  REQUIRE(rows.size() == 5);  // the run, three casussen, one signal
  CHECK(rows[0].event.action == "run_retention");
  CHECK(rows[0].event.object == "retention/purge/2031-03-01");
  CHECK(rows[1].event.object == "cases/1");
  CHECK(rows[1].event.result == "purged");
  CHECK(rows[4].event.object == "signals/9");
}

TEST_CASE_METHOD(RetentionFixture, "A dry run lists but purges nothing", "[domain][retention]") {
  store.closed_woonoverlast = {1};
  const auto report = retention.Purge(operator_, Date(2031, 3, 1), true);
  CHECK(report.dry_run);
  CHECK(report.cases == std::vector<CaseId>{1});
  CHECK(store.purges == 0);
  CHECK(audit.Rows().size() == 1);
}

TEST_CASE_METHOD(RetentionFixture, "Only a beheerder runs retention", "[domain][retention]") {
  const Actor analist{"a", Role::kAnalist, "10.0.0.1"};
  CHECK_THROWS_AS(retention.Purge(analist, Date(2031, 3, 1), false), DomainError);
  CHECK(store.purges == 0);
  CHECK(retention.SetYears(operator_, CaseKind::kOndermijning, 10).ondermijning_years == 10);
  CHECK_THROWS_AS(retention.SetYears(operator_, CaseKind::kOndermijning, 0), DomainError);
}

TEST_CASE_METHOD(RetentionFixture, "Only what was actually purged is reported and audited",
                 "[domain][retention]") {
  store.closed_woonoverlast = {1, 2};
  store.skip = {2};  // re-opened between listing and purging
  const auto report = retention.Purge(operator_, Date(2031, 3, 1), false);
  CHECK(report.cases == std::vector<CaseId>{1});
  CHECK(audit.Rows().size() == 2);
}
