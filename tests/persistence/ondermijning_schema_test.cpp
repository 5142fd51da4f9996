// schema/003_ondermijning.sql on its own: the constraints hold for rows written past the
// repositories, and the migration upgrades a database that is already in use.

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <span>
#include <string>

#include "persistence/database.hpp"
#include "persistence/migration.hpp"
#include "persistence/migrator.hpp"
#include "persistence/soci_case_repository.hpp"
#include "persistence/soci_signal_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/signal_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::SignalSource;

// An INSERT INTO signals of the required columns plus `columns`/`values` (each starting with
// a comma when not empty).
std::string InsertSignal(const std::string& source, const std::string& status,
                         const std::string& columns = "", const std::string& values = "") {
  return "INSERT INTO signals (received_on, source, summary, status, version, created_at" +
         columns + ") VALUES ('2024-04-02', '" + source + "', 's', '" + status +
         "', 1, '2024-04-02T08:30:00Z'" + values + ")";
}

constexpr const char* kAssessed = ", assessment_decision, assessed_on, assessed_at";

std::string AssessedValues(const std::string& decision) {
  return ", '" + decision + "', '2024-04-10', '2024-04-10T14:00:00Z'";
}

struct Fixture {
  testing::TempDatabase db;
  SessionLease sql{db.database};
  std::int64_t case_id = 0;

  Fixture() {
    *sql << "INSERT INTO cases (kind, state, reported_on, summary, version, created_at) "
            "VALUES ('ondermijning', 'gemeld', '2024-04-01', 's', 1, '2024-04-01T09:00:00Z') "
            "RETURNING id",
        soci::into(case_id);
  }
};

TEST_CASE_METHOD(Fixture, "The database refuses reporter details on an mma signal",
                 "[persistence][schema][mma]") {
  SECTION("on insert, each detail on its own") {
    CHECK_THROWS_AS(*sql << InsertSignal("mma", "open", ", reporter_name", ", 'Piet'"),
                    soci::soci_error);
    CHECK_THROWS_AS(*sql << InsertSignal("mma", "open", ", reporter_name, reporter_phone",
                                         ", 'Piet', '06-12345678'"),
                    soci::soci_error);
    CHECK_THROWS_AS(*sql << InsertSignal("mma", "open", ", reporter_name, reporter_email",
                                         ", 'Piet', 'piet@example.nl'"),
                    soci::soci_error);
    int count = -1;
    *sql << "SELECT COUNT(*) FROM signals", soci::into(count);
    CHECK(count == 0);
  }
  SECTION("on update of an mma signal") {
    *sql << InsertSignal("mma", "open");
    CHECK_THROWS_AS(*sql << "UPDATE signals SET reporter_name = 'Piet'", soci::soci_error);
    CHECK_THROWS_AS(*sql << "UPDATE signals SET reporter_name = 'Piet', reporter_phone = '06'",
                    soci::soci_error);
    int named = -1;
    *sql << "SELECT COUNT(*) FROM signals WHERE reporter_name IS NOT NULL", soci::into(named);
    CHECK(named == 0);
  }
  SECTION("on turning a signal with a reporter into an mma signal") {
    *sql << InsertSignal("meldpunt", "open", ", reporter_name", ", 'Piet'");
    CHECK_THROWS_AS(*sql << "UPDATE signals SET source = 'mma'", soci::soci_error);
    std::string source;
    *sql << "SELECT source FROM signals", soci::into(source);
    CHECK(source == "meldpunt");
  }
  SECTION("while other sources may name their reporter") {
    for (const char* source : {"meldpunt", "partner", "overig"}) {
      CHECK_NOTHROW(*sql << InsertSignal(source, "open",
                                         ", reporter_name, reporter_phone, reporter_email",
                                         ", 'Piet', '06', 'piet@example.nl'"));
    }
    CHECK_NOTHROW(*sql << InsertSignal("mma", "open"));
  }
}

TEST_CASE_METHOD(Fixture, "Reporter contact details need a reporter name",
                 "[persistence][schema][signals]") {
  CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "open", ", reporter_phone", ", '06'"),
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "open", ", reporter_email", ", 'a@b.nl'"),
                  soci::soci_error);
}

TEST_CASE_METHOD(Fixture, "The assessment columns of a signal follow its status",
                 "[persistence][schema][signals]") {
  const std::string id = std::to_string(case_id);
  SECTION("open: no assessment at all") {
    CHECK_NOTHROW(*sql << InsertSignal("meldpunt", "open"));
    CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "open", ", case_id", ", " + id),
                    soci::soci_error);
    CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "open", ", assessment_reason", ", 'r'"),
                    soci::soci_error);
    CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "open", kAssessed, AssessedValues("link")),
                    soci::soci_error);
  }
  SECTION("linked: a link or new_case decision naming a casus") {
    const std::string linked = std::string(kAssessed) + ", case_id";
    CHECK_NOTHROW(
        *sql << InsertSignal("meldpunt", "linked", linked, AssessedValues("link") + ", " + id));
    CHECK_NOTHROW(
        *sql << InsertSignal("meldpunt", "linked", linked, AssessedValues("new_case") + ", " + id));
    CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "linked", kAssessed, AssessedValues("link")),
                    soci::soci_error);
    CHECK_THROWS_AS(
        *sql << InsertSignal("meldpunt", "linked", linked, AssessedValues("dismiss") + ", " + id),
        soci::soci_error);
    CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "linked", ", case_id", ", " + id),
                    soci::soci_error);
    CHECK_THROWS_AS(
        *sql << InsertSignal("meldpunt", "linked", linked, AssessedValues("link") + ", 999"),
        soci::soci_error);  // the casus must exist
  }
  SECTION("dismissed: a dismiss decision with a reason and no casus") {
    const std::string dismissed = std::string(kAssessed) + ", assessment_reason";
    CHECK_NOTHROW(*sql << InsertSignal("meldpunt", "dismissed", dismissed,
                                       AssessedValues("dismiss") + ", 'r'"));
    CHECK_THROWS_AS(
        *sql << InsertSignal("meldpunt", "dismissed", kAssessed, AssessedValues("dismiss")),
        soci::soci_error);
    CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "dismissed", dismissed + ", case_id",
                                         AssessedValues("dismiss") + ", 'r', " + id),
                    soci::soci_error);
    CHECK_THROWS_AS(
        *sql << InsertSignal("meldpunt", "dismissed", dismissed, AssessedValues("link") + ", 'r'"),
        soci::soci_error);
  }
  SECTION("an assessed signal cannot be reopened without clearing its assessment") {
    *sql << InsertSignal("meldpunt", "dismissed", std::string(kAssessed) + ", assessment_reason",
                         AssessedValues("dismiss") + ", 'r'");
    CHECK_THROWS_AS(*sql << "UPDATE signals SET status = 'open'", soci::soci_error);
  }
}

TEST_CASE_METHOD(Fixture, "The schema refuses signal and activity values it does not know",
                 "[persistence][schema]") {
  CHECK_THROWS_AS(*sql << InsertSignal("anoniem", "open"), soci::soci_error);
  CHECK_THROWS_AS(*sql << InsertSignal("meldpunt", "closed"), soci::soci_error);
  *sql << InsertSignal("meldpunt", "open");
  CHECK_THROWS_AS(*sql << "INSERT INTO signal_themes (signal_id, theme, position) "
                          "VALUES (1, 'wapenhandel', 1)",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO activities (type, on_date, recorded_at) "
                          "VALUES ('razzia', '2024-04-02', 'x')",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO activities (type, on_date, companies_checked, "
                          "recorded_at) VALUES ('control_day', '2024-04-02', -1, 'x')",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO activity_cases (activity_id, case_id) VALUES (999, 1)",
                  soci::soci_error);
}

TEST_CASE("Migration 003 upgrades a database in use and every casus survives",
          "[persistence][schema][migrator]") {
  testing::TempDatabasePath file;
  Database database(file.path());
  const auto all = EmbeddedMigrations();
  REQUIRE(all.size() >= 3);
  REQUIRE(all[2].name == "003_ondermijning.sql");
  REQUIRE(Migrate(database, all.first(2)) == 2);

  // Written as the program before this migration wrote them.
  std::int64_t woonoverlast = 0;
  std::int64_t ondermijning = 0;
  {
    SessionLease sql(database);
    *sql << "INSERT INTO cases (kind, state, district_id, housing_type, reported_on, summary, "
            "address_street, address_number, address_postcode, address_city, version, "
            "created_at) VALUES ('woonoverlast', 'lopend', (SELECT id FROM districts WHERE "
            "name = 'Meerzicht'), 'koop', '2023-05-01', 'Oud', 'Dorpsstraat', '1', '2712 AB', "
            "NULL, 2, '2023-05-01T09:00:00Z') RETURNING id",
        soci::into(woonoverlast);
    *sql << "INSERT INTO case_categories (case_id, category, position) VALUES (:id, 'geluid', 1)",
        soci::use(woonoverlast);
    *sql << "INSERT INTO case_transitions (case_id, sequence, from_state, to_state, "
            "effective_on, reason, result, recorded_at) VALUES (:id, 1, NULL, 'gemeld', "
            "'2023-05-01', NULL, NULL, '2023-05-01T09:00:00Z')",
        soci::use(woonoverlast);
    *sql << "INSERT INTO case_transitions (case_id, sequence, from_state, to_state, "
            "effective_on, reason, result, recorded_at) VALUES (:id, 2, 'gemeld', 'lopend', "
            "'2023-05-03', NULL, NULL, '2023-05-03T09:00:00Z')",
        soci::use(woonoverlast);
    *sql << "INSERT INTO cases (kind, state, reported_on, summary, version, created_at) "
            "VALUES ('ondermijning', 'gemeld', '2023-06-01', 'Oud signaal', 1, "
            "'2023-06-01T09:00:00Z') RETURNING id",
        soci::into(ondermijning);
    *sql << "INSERT INTO case_transitions (case_id, sequence, to_state, effective_on, "
            "recorded_at) VALUES (:id, 1, 'gemeld', '2023-06-01', '2023-06-01T09:00:00Z')",
        soci::use(ondermijning);
  }

  CHECK(Migrate(database) == static_cast<int>(all.size()) - 2);
  CHECK(CurrentVersion(database) == all.back().version);

  SociCaseRepository cases(database);
  const auto old = cases.Find(woonoverlast);
  REQUIRE(old.has_value());
  CHECK(old->state == domain::CaseState::kLopend);
  CHECK(old->version == 2);
  CHECK(old->district == std::optional<std::string>("Meerzicht"));
  CHECK(old->categories == std::vector{domain::NuisanceCategory::kGeluid});
  CHECK(old->address == domain::Address{"Dorpsstraat", "1", "2712 AB", std::nullopt});
  CHECK(old->themes.empty());
  CHECK(old->signal_ids.empty());
  const auto history = cases.History(woonoverlast);
  REQUIRE(history.size() == 2);
  CHECK_FALSE(history[1].partner.has_value());
  CHECK_FALSE(history[1].measure.has_value());
  CHECK_FALSE(history[1].legal_basis.has_value());
  CHECK_FALSE(history[1].until.has_value());

  // The upgraded database takes the new data, also for a casus from before the migration.
  SociSignalRepository signals(database);
  const auto signal =
      signals.Create(testing::NewSignalFrom(SignalSource::kMma), testing::kReceivedAt).id;
  REQUIRE(signals.Assess(signal, testing::LinkTo(ondermijning)));
  CHECK(cases.Find(ondermijning)->signal_ids == std::vector{signal});
  domain::CaseFilter filter;
  CHECK(cases.List(filter).items.size() == 2);
}

}  // namespace
}  // namespace casus::persistence
