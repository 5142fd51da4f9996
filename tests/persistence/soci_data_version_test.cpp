#include "persistence/soci_data_version.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "persistence/sha256.hpp"
#include "persistence/soci_audit_trail.hpp"
#include "persistence/soci_case_repository.hpp"
#include "persistence/soci_district_repository.hpp"
#include "persistence/soci_signal_repository.hpp"
#include "persistence/soci_token_store.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/signal_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::CaseState;

struct Fixture {
  testing::TempDatabase db;
  SociDataVersion version{db.database};
  SociCaseRepository cases{db.database};
  SociSignalRepository signals{db.database};
  SociDistrictRepository districts{db.database};
  SociAuditTrail audit{db.database};
  SociTokenStore tokens{db.database};

  // Whether `change` moved the version forward.
  template <typename Change>
  bool Moves(Change&& change) {
    const std::int64_t before = version.Current();
    change();
    return version.Current() > before;
  }
};

TEST_CASE_METHOD(Fixture, "Every change to report data moves the data version",
                 "[persistence][reports]") {
  const auto fields = testing::Woonoverlast();
  domain::Casus casus;
  CHECK(Moves([&] { casus = cases.Create(fields, testing::Registration(fields)); }));
  CHECK(Moves([&] {
    REQUIRE(cases.AppendTransition(
        casus.id, casus.version,
        testing::Move(CaseState::kGemeld, CaseState::kLopend, "2024-03-05")));
  }));
  CHECK(Moves([&] {
    signals.Create(testing::NewSignalFrom(domain::SignalSource::kMma), testing::kReceivedAt);
  }));
  CHECK(Moves([&] {
    auto all = districts.All();
    all.push_back({0, "Nieuwe Wijk", std::nullopt, static_cast<int>(all.size()) + 1});
    districts.Store(all);
  }));
  CHECK(Moves([&] { districts.StoreMunicipality({"Delft", "Tabel 3"}); }));
}

TEST_CASE_METHOD(Fixture, "Audit rows and tokens leave the data version as it is",
                 "[persistence][reports]") {
  CHECK_FALSE(Moves([&] {
    audit.Append({"2025-01-15T12:00:00Z", "alice", "analist", "read_woonoverlast_report",
                  "reports/woonoverlast/2024", "ok", "192.0.2.7"});
  }));
  CHECK_FALSE(Moves([&] {
    domain::StoredToken token;
    token.info = {"alice", domain::Role::kAnalist, "2025-01-06T08:00:00Z", std::nullopt};
    token.secret_hash = Sha256Hex("secret");
    REQUIRE(tokens.Create(token));
  }));
}

TEST_CASE("Another process's change is seen through the version", "[persistence][reports]") {
  testing::TempDatabase db;
  Database other(db.location(), 1);  // another casus process on the same file
  SociDataVersion mine(db.database);
  const std::int64_t before = mine.Current();
  SociCaseRepository their_cases(other);
  const auto fields = testing::Woonoverlast();
  their_cases.Create(fields, testing::Registration(fields));
  CHECK(mine.Current() > before);
}

}  // namespace
}  // namespace casus::persistence
