#include "domain/cases/case_importer.hpp"

#include <catch2/catch.hpp>

#include "domain/cases/case_export.hpp"
#include "domain/error.hpp"
#include "support/error_code_of.hpp"
#include "support/in_memory_access_stores.hpp"
#include "support/in_memory_case_repository.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

using casus::testing::CodeOf;

struct ImportFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::FixedDistrictRepository districts;
  casus::testing::InMemoryAuditTrail audit;
  FixedClock clock{Date(2025, 6, 30)};
  CaseService service{cases, districts, clock};
  DirectUnitOfWork units;
  AccessGate gate{audit, units, clock};
  CaseImporter importer{service, cases, units, gate, clock};
  const Actor beheerder{"cli:test", Role::kBeheerder, "cli"};

  std::int64_t Stored() {
    CaseFilter all;
    all.count = true;
    return *cases.List(all).count;
  }
};

const std::string kFile =
    "\xEF\xBB\xBFwijk;woningtype;datum melding;categorie;omschrijving;status;datum afgerond;"
    "external_ref\n"
    "Centrum;koop;01-03-2024;geluid;Harde muziek;lopend;;R1\n"
    "Atlantis;koop;2024-03-01;zorg;Onbekende wijk;gemeld;;R2\n"  // line 3: no such wijk
    "Meerzicht;corporatie;2024-03-02;geluid|zorg;Zorgen;afgerond;2024-02-01;R3\n"  // before melding
    "Rokkeveen;particulier;2024-05-01;overig;Overig;handhaving;;R4\n";

}  // namespace

TEST_CASE("An import with a row the rules refuse stores nothing and names the rows",
          "[domain][import]") {
  ImportFixture f;
  const auto summary = f.importer.Import(f.beheerder, kFile, {});
  CHECK(summary.rows == 4);
  CHECK(summary.imported == 0);
  CHECK_FALSE(summary.written);
  CHECK(f.Stored() == 0);
  REQUIRE(summary.problems.size() == 2);
  CHECK(summary.problems[0].line == 3);
  CHECK(summary.problems[0].column == "wijk");
  CHECK(summary.problems[1].line == 4);
  CHECK(summary.problems[1].column == "status");
  CHECK(summary.problems[1].reason.find("precedes") != std::string::npos);
  const auto rows = f.audit.Rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event.action == "import_data");
  CHECK(rows[0].event.result == "invalid");
}

TEST_CASE(
    "With skip_invalid the good rows are imported through the lifecycle, audited once "
    "with their count",
    "[domain][import]") {
  ImportFixture f;
  const auto summary = f.importer.Import(f.beheerder, kFile, {.skip_invalid = true});
  CHECK(summary.imported == 2);
  CHECK(summary.problems.size() == 2);
  CHECK(f.Stored() == 2);
  const auto page = f.cases.List({});
  REQUIRE(page.items.size() == 2);
  CHECK(page.items[0].external_ref == "R1");
  CHECK(page.items[0].state == CaseState::kLopend);
  CHECK(page.items[1].state == CaseState::kHandhaving);
  const auto history = f.cases.History(page.items[1].id);
  REQUIRE(history.size() == 3);
  CHECK(history[1].to == CaseState::kLopend);
  CHECK(history[2].to == CaseState::kHandhaving);
  CHECK(history[2].on == Date(2024, 5, 1));
  const auto rows = f.audit.Rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event.result == "ok");
  CHECK(rows[0].event.count == 2);
  CHECK(rows[0].event.object == "cases/import/woonoverlast");
}

TEST_CASE("A dry run checks every row and changes nothing", "[domain][import]") {
  ImportFixture f;
  const auto summary =
      f.importer.Import(f.beheerder, kFile, {.dry_run = true, .skip_invalid = true});
  CHECK(summary.imported == 2);
  CHECK(summary.problems.size() == 2);
  CHECK_FALSE(summary.written);
  CHECK(f.Stored() == 0);
  CHECK(f.audit.Rows().empty());
}

TEST_CASE("Importing the same file again changes nothing", "[domain][import]") {
  ImportFixture f;
  f.importer.Import(f.beheerder, kFile, {.skip_invalid = true});
  const auto again = f.importer.Import(f.beheerder, kFile, {.skip_invalid = true});
  CHECK(again.imported == 0);
  CHECK(again.unchanged == 2);
  CHECK_FALSE(again.written);
  CHECK(f.Stored() == 2);
  CHECK(f.audit.Rows().size() == 1);
}

TEST_CASE("A historie against the lifecycle, or an external_ref twice in a file, is refused",
          "[domain][import]") {
  ImportFixture f;
  const auto summary = f.importer.Import(
      f.beheerder,
      "wijk,woningtype,datum melding,categorie,omschrijving,historie,external_ref\n"
      "Centrum,koop,2024-01-01,geluid,Tekst,afgerond@2024-02-01,A\n"
      "Centrum,koop,2024-01-01,geluid,Tekst,,B\n"
      "Centrum,koop,2024-01-01,geluid,Tekst,,B\n",
      {});
  REQUIRE(summary.problems.size() == 2);
  CHECK(summary.problems[0].line == 2);
  CHECK(summary.problems[0].column == "historie");
  CHECK(summary.problems[0].reason.find("cannot move to afgerond") != std::string::npos);
  CHECK(summary.problems[1] ==
        ImportProblem{4, "external_ref", "external_ref B appears on an earlier line too"});
}

TEST_CASE("Only a beheerder may import", "[domain][import]") {
  ImportFixture f;
  const Actor team{"wo-team", Role::kWoonoverlast, "10.0.0.1"};
  CHECK(CodeOf([&] { f.importer.Import(team, kFile, {}); }) == ErrorCode::kForbidden);
  CHECK(f.Stored() == 0);
}

TEST_CASE("Exported casussen import into an empty store as the same casussen and Tabel 5.1",
          "[domain][import][export]") {
  ImportFixture source;
  NewCase fields;
  fields.kind = CaseKind::kWoonoverlast;
  fields.district = "Centrum";
  fields.housing_type = HousingType::kCorporatie;
  fields.reported_on = Date(2023, 11, 20);
  fields.categories = {NuisanceCategory::kZorg, NuisanceCategory::kGeluid};
  fields.summary = "Tekst; met \"aanhalingstekens\"\nen een regel";
  const Casus reopened = source.service.Register(fields);
  const auto move = [&](CaseId id, CaseState to, Date on, const char* reason = nullptr) {
    TransitionRequest request{to, on};
    if (reason) request.reason = reason;
    source.service.Transition(id, request, std::nullopt);
  };
  move(reopened.id, CaseState::kLopend, Date(2023, 12, 1));
  move(reopened.id, CaseState::kAfgerond, Date(2024, 2, 1));
  move(reopened.id, CaseState::kLopend, Date(2024, 5, 1), "Weer klachten");
  fields.district = "Meerzicht";
  fields.housing_type = HousingType::kKoop;
  fields.reported_on = Date(2024, 3, 3);
  const Casus closed = source.service.Register(fields);
  move(closed.id, CaseState::kOntkracht, Date(2024, 4, 4));
  fields.reported_on = Date(2024, 7, 7);
  source.service.Register(fields);

  std::string file;
  ExportCases(source.service, {.separator = ';'}, [&](std::string_view text) { file += text; });

  ImportFixture target;
  const auto summary = target.importer.Import(target.beheerder, file, {});
  REQUIRE(summary.problems.empty());
  CHECK(summary.imported == 3);
  const auto before = source.cases.List({});
  const auto after = target.cases.List({});
  REQUIRE(after.items.size() == before.items.size());
  for (std::size_t i = 0; i < before.items.size(); ++i) {
    const Casus& a = before.items[i];
    const Casus& b = after.items[i];
    CHECK(b.district == a.district);
    CHECK(b.housing_type == a.housing_type);
    CHECK(b.reported_on == a.reported_on);
    CHECK(b.categories == a.categories);
    CHECK(b.summary == a.summary);
    CHECK(b.state == a.state);
    const auto old_history = source.cases.History(a.id);
    const auto new_history = target.cases.History(b.id);
    REQUIRE(new_history.size() == old_history.size());
    for (std::size_t j = 0; j < old_history.size(); ++j) {
      CHECK(new_history[j].to == old_history[j].to);
      CHECK(new_history[j].on == old_history[j].on);
    }
  }
  for (const int year : {2023, 2024}) {
    CHECK(WoonoverlastReportText(target.service.WoonoverlastYearReport(year)) ==
          WoonoverlastReportText(source.service.WoonoverlastYearReport(year)));
  }
  // And the file of the imported casussen is the same file: nothing was lost on the way.
  std::string again;
  ExportCases(target.service, {.separator = ';'}, [&](std::string_view text) { again += text; });
  CHECK(again == file);
}

namespace {

// Runs each unit as it comes, and notes how many audit rows there were once an outermost one
// (what commits) was done; a unit run inside another is part of it.
class RecordingUnitOfWork final : public UnitOfWork {
 public:
  explicit RecordingUnitOfWork(casus::testing::InMemoryAuditTrail& audit) : audit_(audit) {}
  void Run(const std::function<void()>& work) override {
    ++depth_;
    work();
    if (--depth_ == 0) rows_after_unit.push_back(audit_.Rows().size());
  }
  std::vector<std::size_t> rows_after_unit;

 private:
  casus::testing::InMemoryAuditTrail& audit_;
  int depth_ = 0;
};

}  // namespace

TEST_CASE("No import batch commits without an audit row, the last with the import's own",
          "[domain][import]") {
  for (const int rows : {2, 500, 501, 1200}) {
    casus::testing::InMemoryCaseRepository cases;
    casus::testing::FixedDistrictRepository districts;
    casus::testing::InMemoryAuditTrail audit;
    FixedClock clock{Date(2025, 6, 30)};
    CaseService service{cases, districts, clock};
    RecordingUnitOfWork units(audit);
    AccessGate gate{audit, units, clock};
    CaseImporter importer{service, cases, units, gate, clock};
    std::string file = "wijk;woningtype;datum melding;categorie;omschrijving;status\n";
    for (int i = 0; i < rows; ++i) {
      file += "Centrum;koop;2024-03-01;geluid;Regel " + std::to_string(i) + ";gemeld\n";
    }
    const auto summary = importer.Import({"cli:test", Role::kBeheerder, "cli"}, file, {});
    INFO(rows << " rows");
    CHECK(summary.imported == rows);
    // One unit per batch of 500. One batch: its unit holds the one row. More: the first unit
    // holds a "started" row, the last the "ok" row; none is committed without a row before it.
    const std::size_t batches = (static_cast<std::size_t>(rows) + 499) / 500;
    REQUIRE(units.rows_after_unit.size() == batches);
    const std::vector<AuditRecord> written = audit.Rows();
    if (batches == 1) {
      CHECK(units.rows_after_unit[0] == 1);
      REQUIRE(written.size() == 1);
    } else {
      for (std::size_t i = 0; i + 1 < batches; ++i) CHECK(units.rows_after_unit[i] == 1);
      CHECK(units.rows_after_unit.back() == 2);
      REQUIRE(written.size() == 2);
      CHECK(written[0].event.result == "started");
      CHECK(written[0].event.count == rows);
    }
    CHECK(written.back().event.result == "ok");
    CHECK(written.back().event.count == rows);
  }
}
