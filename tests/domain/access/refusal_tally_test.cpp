#include "domain/access/refusal_tally.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "domain/access/access_gate.hpp"
#include "domain/clock.hpp"
#include "domain/unit_of_work.hpp"
#include "support/in_memory_access_stores.hpp"

namespace casus::domain {
namespace {

AuditEvent Refusal(const std::string& at, const std::string& client,
                   const std::string& object = "cases") {
  return {at, "-", "-", "write_case", object, "unauthenticated", client};
}

std::int64_t Total(const std::vector<AuditEvent>& rows) {
  std::int64_t total = 0;
  for (const AuditEvent& row : rows) total += row.count;
  return total;
}

TEST_CASE("Refusals are one row per client and minute, written when the minute is over",
          "[domain][access][audit]") {
  RefusalTally tally;
  CHECK(tally.Add(Refusal("2025-01-15T12:00:01Z", "10.0.0.1", "cases/1")).empty());
  CHECK(tally.Add(Refusal("2025-01-15T12:00:30Z", "10.0.0.1", "cases/2")).empty());
  CHECK(tally.Add(Refusal("2025-01-15T12:00:59Z", "10.0.0.2")).empty());
  CHECK(tally.TakeFinished("2025-01-15T12:00:59Z").empty());

  // The first refusal of the next minute brings out the rows of the one before.
  auto due = tally.Add(Refusal("2025-01-15T12:01:00Z", "10.0.0.1"));
  REQUIRE(due.size() == 2);
  CHECK(due[0].client == "10.0.0.1");
  CHECK(due[0].count == 2);
  CHECK(due[0].at == "2025-01-15T12:00:01Z");  // the minute's first refusal stands for it
  CHECK(due[0].object == "cases/1");
  CHECK(due[1].client == "10.0.0.2");
  CHECK(due[1].count == 1);

  const auto rest = tally.TakeAll();
  REQUIRE(rest.size() == 1);
  CHECK(rest[0].at == "2025-01-15T12:01:00Z");
  CHECK(tally.TakeAll().empty());
}

TEST_CASE("Every refusal is counted once whatever order minutes and clients come in",
          "[domain][access][audit]") {
  // Oracle: a plain count per (minute, client), against rows taken out at random moments.
  std::mt19937 random(20250115);
  for (int round = 0; round < 50; ++round) {
    RefusalTally tally;
    std::map<std::pair<std::string, std::string>, std::int64_t> expected;
    std::map<std::pair<std::string, std::string>, std::int64_t> written;
    const auto take = [&](const std::vector<AuditEvent>& rows) {
      for (const AuditEvent& row : rows) written[{row.at.substr(0, 16), row.client}] += row.count;
    };
    int minute = 0;
    for (int i = 0; i < 500; ++i) {
      minute += random() % 10 == 0 ? 1 : 0;
      char at[32];
      std::snprintf(at, sizeof at, "2025-01-15T%02d:%02d:%02dZ", 10 + minute / 60, minute % 60,
                    static_cast<int>(random() % 60));
      const std::string client = "10.0.0." + std::to_string(random() % 5);
      ++expected[{std::string(at).substr(0, 16), client}];
      take(tally.Add(Refusal(at, client)));
      if (random() % 50 == 0) take(tally.TakeFinished(at));
    }
    take(tally.TakeAll());
    CHECK(written == expected);
  }
}

TEST_CASE("A tally holds at most kMaxClients rows", "[domain][access][audit]") {
  RefusalTally tally;
  std::int64_t written = 0;
  for (std::size_t i = 0; i < RefusalTally::kMaxClients + 10; ++i) {
    written += Total(tally.Add(Refusal("2025-01-15T12:00:00Z", "client-" + std::to_string(i))));
  }
  CHECK(written == static_cast<std::int64_t>(RefusalTally::kMaxClients));
  CHECK(Total(tally.TakeAll()) == 10);
}

TEST_CASE("Rows put back after a failed write keep their minute's first refusal and add up",
          "[domain][access][audit]") {
  RefusalTally tally;
  tally.Add(Refusal("2025-01-15T12:00:01Z", "10.0.0.1", "cases/1"));
  tally.Add(Refusal("2025-01-15T12:00:02Z", "10.0.0.1"));
  const auto failed = tally.TakeAll();
  tally.Add(Refusal("2025-01-15T12:00:40Z", "10.0.0.1", "cases/9"));
  tally.PutBack(failed);
  const auto rows = tally.TakeAll();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].count == 3);
  CHECK(rows[0].object == "cases/1");
}

// A unit of work that fails while `failing` is set, as the writer does when the database is
// locked by another process.
class FlakyUnits final : public UnitOfWork {
 public:
  bool failing = false;
  void Run(const std::function<void()>& work) override {
    if (failing) throw DomainError(ErrorCode::kUnavailable, "locked");
    work();
  }
};

TEST_CASE(
    "A flood of refusals without a token costs one audit row, kept while the database "
    "is away",
    "[domain][access][audit]") {
  casus::testing::InMemoryAuditTrail audit;
  FlakyUnits units;
  FixedClock clock(Date(2025, 1, 15));
  AccessGate gate(audit, units, clock);

  units.failing = true;
  for (int i = 0; i < 500; ++i) gate.RecordUnauthenticated("10.6.6.6", Action::kWriteCase, "cases");
  gate.FlushRefusals(/*all=*/true);  // fails: the count goes back, nothing is thrown
  CHECK(audit.Rows().empty());

  units.failing = false;
  gate.FlushRefusals();  // the minute (of the fixed clock) is not over
  CHECK(audit.Rows().empty());
  gate.FlushRefusals(/*all=*/true);
  const auto rows = audit.Rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event.count == 500);
  CHECK(rows[0].event.client == "10.6.6.6");
  CHECK(rows[0].event.result == "unauthenticated");
}

}  // namespace
}  // namespace casus::domain
