// Two `casus serve` processes on one database, as behind a load balancer: on PostgreSQL (the
// point of it) and on one SQLite file alike. Writes through both at once (registrations,
// signals assessed into new casussen, transitions); every acknowledged write is seen through
// both, a race on one If-Match has one winner, and the audit trail is one intact chain.

#include <atomic>
#include <csignal>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "child_process.hpp"
#include "http_client.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

using namespace std::chrono_literals;

constexpr const char* kCaseBody =
    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Twee instanties"})";
constexpr const char* kSignalBody =
    R"({"received_on":"2024-04-03","source":"mma","themes":["drugs"],"summary":"Loods"})";
constexpr const char* kNewCase =
    R"({"decision":"new_case","reported_on":"2024-04-05","themes":["drugs"],"summary":"Loods"})";

std::int64_t IdOf(const Response& response) {
  static const std::regex id(R"re("id":([0-9]+))re");
  std::smatch match;
  const std::string body = response.body();
  REQUIRE(std::regex_search(body, match, id));
  return std::stoll(match[1]);
}

// The ids each kind of write was acknowledged with (a 2xx), from any thread.
struct Acknowledged {
  std::mutex mutex;
  std::set<std::int64_t> cases;               // woonoverlast casussen registered
  std::set<std::int64_t> ondermijning_cases;  // casussen opened by assessing a signal
  std::atomic<int> failures{0};               // answers that were neither the expected 2xx nor 503

  void Add(std::set<std::int64_t>& into, std::int64_t id) {
    std::lock_guard lock(mutex);
    REQUIRE(into.insert(id).second);  // no id handed out twice
  }
};

int ExitCode(const std::vector<std::string>& arguments) {
  ChildProcess child(CASUS_BINARY, arguments);
  while (child.WaitForLine("", 20s)) {
  }
  const auto status = child.Wait(20s);
  REQUIRE(status.has_value());
  REQUIRE(WIFEXITED(*status));
  return WEXITSTATUS(*status);
}

TEST_CASE(
    "Two instances on one database: every acknowledged write is seen by both, an If-Match "
    "race has one winner, and the audit chain verifies",
    "[e2e][instances]") {
  TempDatabaseLocation db;
  const std::string woonoverlast = CreateToken(db.path(), "team-w", "woonoverlast");
  const std::string ondermijning = CreateToken(db.path(), "team-o", "ondermijning");
  ServeProcess first(db.path());
  ServeProcess second(db.path());
  const unsigned short ports[] = {first.port, second.port};

  Acknowledged acknowledged;
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      HttpClient client(ports[w % 2], woonoverlast);
      for (int i = 0; i < 15; ++i) {
        const Response created = client.Post("/api/v1/cases", kCaseBody);
        if (created.result() == http::status::created) {
          acknowledged.Add(acknowledged.cases, IdOf(created));
        } else {
          ++acknowledged.failures;
        }
      }
    });
  }
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      HttpClient client(ports[w % 2], ondermijning);
      for (int i = 0; i < 8; ++i) {
        const Response signal = client.Post("/api/v1/signals", kSignalBody);
        if (signal.result() != http::status::created) {
          ++acknowledged.failures;
          continue;
        }
        const Response opened = client.Post(
            "/api/v1/signals/" + std::to_string(IdOf(signal)) + "/assessment", kNewCase);
        if (opened.result() == http::status::created) {
          acknowledged.Add(acknowledged.ondermijning_cases, IdOf(opened));
        } else {
          ++acknowledged.failures;
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();
  CHECK(acknowledged.failures == 0);
  REQUIRE(acknowledged.cases.size() == 60);
  REQUIRE(acknowledged.ondermijning_cases.size() == 16);

  // Every acknowledged casus, through either instance.
  for (const unsigned short port : ports) {
    HttpClient w(port, woonoverlast);
    for (const auto id : acknowledged.cases) {
      INFO("casus " << id << " through port " << port);
      CHECK(w.Get("/api/v1/cases/" + std::to_string(id)).result() == http::status::ok);
    }
    HttpClient o(port, ondermijning);
    for (const auto id : acknowledged.ondermijning_cases) {
      INFO("casus " << id << " through port " << port);
      CHECK(o.Get("/api/v1/cases/" + std::to_string(id)).result() == http::status::ok);
    }
  }

  // Eight movers, four through each instance, all at If-Match "1" on one casus: one wins.
  const std::int64_t contested = *acknowledged.cases.begin();
  std::atomic<int> won{0};
  std::atomic<int> stale{0};
  std::atomic<int> other{0};
  std::vector<std::thread> movers;
  for (int m = 0; m < 8; ++m) {
    movers.emplace_back([&, m] {
      HttpClient client(ports[m % 2], woonoverlast);
      Request move{http::verb::post, "/api/v1/cases/" + std::to_string(contested) + "/transitions",
                   11};
      move.set(http::field::content_type, "application/json");
      move.set(http::field::if_match, "\"1\"");
      move.body() = R"({"to":"lopend","on":"2024-03-05"})";
      const Response answer = client.Send(std::move(move));
      if (answer.result() == http::status::ok) {
        ++won;
      } else if (answer.result() == http::status::precondition_failed) {
        ++stale;
      } else {
        ++other;
      }
    });
  }
  for (auto& mover : movers) mover.join();
  CHECK(won == 1);
  CHECK(stale == 7);
  CHECK(other == 0);
  for (const unsigned short port : ports) {
    const Response now =
        HttpClient(port, woonoverlast).Get("/api/v1/cases/" + std::to_string(contested));
    CHECK(std::string(now[http::field::etag]) == "\"2\"");
  }

  first.process.Signal(SIGTERM);
  second.process.Signal(SIGTERM);
  REQUIRE(first.process.Wait(20s).has_value());
  REQUIRE(second.process.Wait(20s).has_value());
  CHECK(ExitCode({"audit", "verify", "--db", db.path()}) == 0);
}

}  // namespace
}  // namespace casus::e2e
