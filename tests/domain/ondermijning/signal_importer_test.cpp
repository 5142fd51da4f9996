#include "domain/ondermijning/signal_importer.hpp"

#include <catch2/catch.hpp>

#include "support/in_memory_access_stores.hpp"
#include "support/in_memory_case_repository.hpp"
#include "support/in_memory_signal_repository.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

struct SignalImportFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::InMemorySignalRepository signals{cases};
  casus::testing::FixedDistrictRepository districts;
  casus::testing::InMemoryAuditTrail audit;
  FixedClock clock{Date(2025, 6, 30)};
  CaseService case_service{cases, districts, clock};
  SignalService service{signals, cases, case_service, clock};
  DirectUnitOfWork units;
  AccessGate gate{audit, units, clock};
  SignalImporter importer{service, signals, units, gate, clock};
  const Actor beheerder{"cli:test", Role::kBeheerder, "cli"};

  std::size_t Stored() { return signals.List({}).items.size(); }
};

const std::string kSignals =
    "\xEF\xBB\xBF"
    "Datum ontvangst;Bron;Thema;Omschrijving;Wijk;Status;Datum beoordeling;Reden;External_ref\n"
    "01-03-2024;mma;drugs|witwassen;Loods met stank;Rokkeveen;;;;S1\n"
    "2024-03-02;meldpunt;prostitutie;Veel bezoek;;dismissed;2024-03-20;Niets gevonden;S2\n"
    "2024-03-03;krant;drugs;Onbekende bron;;;;;S3\n"  // line 4: bron
    "2024-03-04;partner;drugs;Afgewezen te vroeg;;dismissed;2024-03-01;Te vroeg;S4\n"  // 5
    "2024-03-05;partner;drugs;Zonder reden;;dismissed;2024-03-06;;S5\n"                // 6
    "2024-03-06;partner;drugs;Gekoppeld;;linked;;;S6\n";                               // 7

}  // namespace

TEST_CASE("A signals file with bad rows is refused whole, naming line, column and reason",
          "[domain][import][signals]") {
  SignalImportFixture f;
  const auto summary = f.importer.Import(f.beheerder, kSignals, {});
  CHECK(summary.imported == 0);
  CHECK(f.Stored() == 0);
  REQUIRE(summary.problems.size() == 4);
  CHECK(summary.problems[0].line == 4);
  CHECK(summary.problems[0].column == "bron");
  CHECK(summary.problems[1].line == 5);
  CHECK(summary.problems[1].column == "datum beoordeling");
  CHECK(summary.problems[2] == ImportProblem{6, "reden", "dismissing needs a reason"});
  CHECK(summary.problems[3].line == 7);
  CHECK(summary.problems[3].column == "status");
}

TEST_CASE("Good signal rows are received, a dismissed one dismissed, once however often imported",
          "[domain][import][signals]") {
  SignalImportFixture f;
  const auto summary = f.importer.Import(f.beheerder, kSignals, {.skip_invalid = true});
  CHECK(summary.imported == 2);
  const auto stored = f.signals.List({}).items;
  REQUIRE(stored.size() == 2);
  CHECK(stored[0].received_on == Date(2024, 3, 1));
  CHECK(stored[0].themes == std::vector{Theme::kDrugs, Theme::kWitwassen});
  CHECK(stored[0].district == "Rokkeveen");
  CHECK(stored[0].status == SignalStatus::kOpen);
  CHECK(stored[1].status == SignalStatus::kDismissed);
  REQUIRE(stored[1].assessment);
  CHECK(stored[1].assessment->on == Date(2024, 3, 20));
  CHECK(stored[1].assessment->reason == "Niets gevonden");

  const auto again = f.importer.Import(f.beheerder, kSignals, {.skip_invalid = true});
  CHECK(again.imported == 0);
  CHECK(again.unchanged == 2);
  CHECK(f.Stored() == 2);
  const auto rows = f.audit.Rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event.object == "signals/import");
  CHECK(rows[0].event.count == 2);
}
