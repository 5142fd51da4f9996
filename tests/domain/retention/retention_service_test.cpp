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
  RetentionService retention{store, gate, clock};
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
  const auto report = retention.Purge(operator_, {Date(2031, 3, 1)});
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
  const auto report = retention.Purge(operator_, {Date(2031, 3, 1), true});
  CHECK(report.dry_run);
  CHECK(report.cases == std::vector<CaseId>{1});
  CHECK(store.purges == 0);
  CHECK(audit.Rows().size() == 1);
}

TEST_CASE_METHOD(RetentionFixture, "Only a beheerder runs retention", "[domain][retention]") {
  const Actor analist{"a", Role::kAnalist, "10.0.0.1"};
  CHECK_THROWS_AS(retention.Purge(analist, {Date(2031, 3, 1)}), DomainError);
  CHECK(store.purges == 0);
  CHECK(retention.SetYears(operator_, CaseKind::kOndermijning, 10).ondermijning_years == 10);
  CHECK_THROWS_AS(retention.SetYears(operator_, CaseKind::kOndermijning, 0), DomainError);
}

TEST_CASE_METHOD(RetentionFixture, "Only what was actually purged is reported and audited",
                 "[domain][retention]") {
  store.closed_woonoverlast = {1, 2};
  store.skip = {2};  // re-opened between listing and purging
  const auto report = retention.Purge(operator_, {Date(2031, 3, 1)});
  CHECK(report.cases == std::vector<CaseId>{1});
  CHECK(audit.Rows().size() == 2);
}

TEST_CASE_METHOD(RetentionFixture, "A purge ahead of today without a reason is refused and audited",
                 "[domain][retention]") {
  store.closed_woonoverlast = {1};
  try {
    retention.Purge(operator_, {Date(2031, 3, 2)});
    FAIL("purged ahead of today");
  } catch (const DomainError& error) {
    CHECK(error.code() == ErrorCode::kInvalid);
    CHECK(std::string(error.what()).find("after today") != std::string::npos);
  }
  CHECK(store.purges == 0);
  const auto rows = audit.Rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event.object == "retention/purge/2031-03-02?force=true");
  CHECK(rows[0].event.result != "ok");
}

TEST_CASE_METHOD(RetentionFixture, "A blank reason does not force a purge ahead of today",
                 "[domain][retention]") {
  store.closed_woonoverlast = {1};
  CHECK_THROWS_AS(retention.Purge(operator_, {Date(2031, 3, 2), false, std::string("  ")}),
                  DomainError);
  CHECK(store.purges == 0);
}

TEST_CASE_METHOD(RetentionFixture, "A forced purge ahead of today runs and audits its reason",
                 "[domain][retention]") {
  store.closed_woonoverlast = {1};
  const auto report =
      retention.Purge(operator_, {Date(2035, 1, 1), false, std::string("Verzoek AP 2031-17")});
  CHECK(report.forced);
  CHECK(report.cases == std::vector<CaseId>{1});
  CHECK(store.purges == 1);
  const auto rows = audit.Rows();
  REQUIRE(rows.size() == 3);  // the run, its reason, the casus
  CHECK(rows[0].event.object == "retention/purge/2035-01-01?force=true");
  CHECK(rows[0].event.result == "ok");
  CHECK(rows[1].event.object == "retention/purge/2035-01-01");
  CHECK(rows[1].event.result == "forced: Verzoek AP 2031-17");
  CHECK(rows[2].event.object == "cases/1");
}

TEST_CASE_METHOD(RetentionFixture, "A dry run may look ahead of today without a reason",
                 "[domain][retention]") {
  store.closed_woonoverlast = {1};
  const auto report = retention.Purge(operator_, {Date(2040, 1, 1), true});
  CHECK(report.dry_run);
  CHECK_FALSE(report.forced);
  CHECK(report.cases == std::vector<CaseId>{1});
  CHECK(store.purges == 0);
}

TEST_CASE_METHOD(RetentionFixture, "A purge counts what goes per kind and year",
                 "[domain][retention]") {
  store.closed_woonoverlast = {1, 2};
  store.closed_ondermijning = {5};
  store.assessed_signals = {9, 10};
  store.skip = {2};
  const auto dry = retention.Purge(operator_, {Date(2031, 3, 1), true});
  CHECK(dry.tally == std::vector<PurgeTally>{{"woonoverlast", 2019, 2},
                                             {"ondermijning", 2019, 1},
                                             {"signal", 2019, 2}});
  const auto real = retention.Purge(operator_, {Date(2031, 3, 1)});
  CHECK(real.tally == std::vector<PurgeTally>{{"woonoverlast", 2019, 1},
                                              {"ondermijning", 2019, 1},
                                              {"signal", 2019, 2}});
}
