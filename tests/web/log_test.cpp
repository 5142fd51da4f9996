#include "web/log.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "api_fixture.hpp"

namespace casus::web {
namespace {

// What Log wrote to a temporary file while `write` ran; the log goes back to stderr after.
template <typename Write>
std::string Logged(LogFormat format, Write&& write) {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  Log::Configure(file, format);
  write();
  Log::Configure(stderr, LogFormat::kText);
  std::rewind(file);
  std::string text;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file)) text.append(buffer, n);
  std::fclose(file);
  return text;
}

const RequestRecord kRecord{"req-1", "GET", "/api/v1/cases/{id}",    200,
                            1.23456, 369,   "alice \"the\" analist", "127.0.0.1"};

TEST_CASE("A request is one JSON line with a UTC timestamp in milliseconds", "[web][log]") {
  const std::string line = Logged(LogFormat::kJson, [] { Log::Request(kRecord); });
  REQUIRE(line.back() == '\n');
  REQUIRE(line.find('\n') == line.size() - 1);
  const auto json = testing::ParseJson(line);
  CHECK(std::regex_match(std::string(json["ts"].GetString()),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  CHECK(std::string(json["level"].GetString()) == "info");
  CHECK(std::string(json["event"].GetString()) == "request");
  CHECK(std::string(json["request_id"].GetString()) == "req-1");
  CHECK(std::string(json["route"].GetString()) == "/api/v1/cases/{id}");
  CHECK(json["status"].GetInt() == 200);
  CHECK(json["duration_ms"].GetDouble() == Approx(1.234));
  CHECK(json["bytes"].GetInt() == 369);
  CHECK(std::string(json["who"].GetString()) == "alice \"the\" analist");  // escaped
}

TEST_CASE("Events carry their level, text lines read on a terminal", "[web][log]") {
  const std::string json =
      Logged(LogFormat::kJson, [] { Log::Event("error", "io", "write response: broken"); });
  const auto event = testing::ParseJson(json);
  CHECK(std::string(event["level"].GetString()) == "error");
  CHECK(std::string(event["event"].GetString()) == "io");
  CHECK(std::string(event["message"].GetString()) == "write response: broken");

  const std::string text = Logged(LogFormat::kText, [] { Log::Request(kRecord); });
  CHECK(std::regex_match(text, std::regex(R"(\S+Z info request req-1 GET /api/v1/cases/\{id\} 200 )"
                                          R"(1\.235ms 369B alice "the" analist 127\.0\.0\.1\n)")));
}

TEST_CASE("A log reader that falls behind holds up the flush, never a request line", "[web][log]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::FILE* out = ::fdopen(fds[1], "w");
  REQUIRE(out != nullptr);
  Log::Configure(out, LogFormat::kJson);
  // More than the pipe holds (64 KiB): the flush blocks until the pipe is read.
  for (int i = 0; i < 2'000; ++i) Log::Request(kRecord);
  std::atomic<bool> flushed{false};
  std::thread flusher([&] {
    Log::Flush();
    flushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(flushed);  // stuck on the full pipe
  // Meanwhile requests are logged without waiting, past the 4 MiB kept: the rest is counted.
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 30'000; ++i) Log::Request(kRecord);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
  CHECK_FALSE(flushed);

  std::string text;
  std::thread reader([&] {
    char buffer[65536];
    while (true) {
      const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
      if (n <= 0) break;
      text.append(buffer, static_cast<std::size_t>(n));
    }
  });
  flusher.join();
  Log::Flush();  // what waited meanwhile, and the count of what was dropped
  Log::Configure(stderr, LogFormat::kText);
  std::fclose(out);
  reader.join();
  ::close(fds[0]);
  std::size_t lines = 0;
  for (const char c : text) lines += c == '\n';
  const std::regex dropped(R"(warning log (\d+) line\(s\) dropped)");
  std::smatch match;
  REQUIRE(std::regex_search(text, match, dropped));
  const std::size_t count = std::stoul(match[1]);
  CHECK(count > 0);
  CHECK(lines - 1 + count == 32'000);  // every line written or counted, the note besides
}

TEST_CASE("With a LogWriter an event never waits on a log reader that falls behind", "[web][log]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::FILE* out = ::fdopen(fds[1], "w");
  REQUIRE(out != nullptr);
  Log::Configure(out, LogFormat::kJson);
  std::string text;
  std::thread reader;
  {
    const LogWriter writer(std::chrono::milliseconds(20));
    // Events are written through: without the writer the thread logging the first one that no
    // longer fits in the pipe (64 KiB) would block there until the pipe is read.
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 5'000; ++i) Log::Event("error", "io", "accept: Too many open files");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    reader = std::thread([&] {  // until end of file, once `out` is closed below
      char buffer[65536];
      while (true) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
      }
    });
  }  // the writer writes what is left
  Log::Configure(stderr, LogFormat::kText);
  std::fclose(out);
  reader.join();
  CHECK(std::count(text.begin(), text.end(), '\n') == 5'000);
  ::close(fds[0]);
}

}  // namespace
}  // namespace casus::web
