#include "domain/reports/report_cache.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace casus::domain {
namespace {

// A data version the test moves by hand, as the database's triggers would on a write.
class ManualVersion final : public DataVersion {
 public:
  std::int64_t Current() override { return value.load(); }
  std::atomic<std::int64_t> value{1};
};

struct Counted {
  std::string key;
  std::int64_t computed_at_version = 0;
};

TEST_CASE("A report asked for again while the data stands still is computed once",
          "[domain][reports][cache]") {
  ManualVersion version;
  ReportCache<Counted> cache(version);
  int computed = 0;
  const auto compute = [&] {
    ++computed;
    return Counted{"2024", version.Current()};
  };
  for (int i = 0; i < 10; ++i) CHECK(cache.Get("2024", compute).key == "2024");
  CHECK(computed == 1);
  CHECK(cache.Computed() == 1);

  cache.Get("2023", compute);  // another key is another report
  CHECK(computed == 2);
}

TEST_CASE("A change of the data version computes the report again", "[domain][reports][cache]") {
  ManualVersion version;
  ReportCache<Counted> cache(version);
  const auto compute = [&] { return Counted{"2024", version.Current()}; };
  CHECK(cache.Get("2024", compute).computed_at_version == 1);
  version.value = 2;
  CHECK(cache.Get("2024", compute).computed_at_version == 2);
  CHECK(cache.Get("2024", compute).computed_at_version == 2);
  CHECK(cache.Computed() == 2);
}

TEST_CASE("Requests missing at the same time compute the report once and all get it",
          "[domain][reports][cache]") {
  ManualVersion version;
  ReportCache<Counted> cache(version);
  std::atomic<int> computed{0};
  std::atomic<int> answered{0};
  const auto slow = [&] {
    ++computed;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return Counted{"2024", version.Current()};
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (cache.Get("2024", slow).key == "2024") ++answered;
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(computed == 1);
  CHECK(answered == 8);
}

TEST_CASE("A computation that fails caches nothing and its waiters learn why",
          "[domain][reports][cache]") {
  ManualVersion version;
  ReportCache<Counted> cache(version);
  int attempts = 0;
  const auto failing = [&]() -> Counted {
    ++attempts;
    throw std::runtime_error("database gone");
  };
  CHECK_THROWS_WITH(cache.Get("2024", failing), "database gone");
  CHECK_THROWS_WITH(cache.Get("2024", failing), "database gone");
  CHECK(attempts == 2);
  CHECK(cache.Get("2024", [] { return Counted{"2024", 1}; }).key == "2024");
}

TEST_CASE("A cache keeps at most its capacity of reports, the oldest going first",
          "[domain][reports][cache]") {
  ManualVersion version;
  ReportCache<Counted> cache(version, 3);
  int computed = 0;
  const auto compute = [&] {
    ++computed;
    return Counted{};
  };
  for (const char* key : {"2021", "2022", "2023", "2024"}) cache.Get(key, compute);
  CHECK(computed == 4);
  cache.Get("2024", compute);  // still there
  cache.Get("2022", compute);
  CHECK(computed == 4);
  cache.Get("2021", compute);  // the oldest went
  CHECK(computed == 5);
}

}  // namespace
}  // namespace casus::domain
