#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string_view>
#include <thread>

namespace casus::web {

// How log lines are written: one JSON object per line (for a log collector), or plain text
// for a terminal.
enum class LogFormat { kJson, kText };

// One request as the access log records it. Never a token, a query string, a body or any
// personal data: the route is the pattern ("/api/v1/cases/{id}"), who the token's or
// person's name.
struct RequestRecord {
  std::string_view request_id;
  std::string_view method;
  std::string_view route;
  unsigned status = 0;
  double duration_ms = 0;
  std::size_t bytes = 0;  // of the response body
  std::string_view who;
  std::string_view client;
};

// The process's log: requests, errors and start/stop events, each one line with a UTC
// timestamp (milliseconds) and a level, in one format. Thread-safe: each line is queued whole
// under a lock, and written by a flush outside it, so a reader that falls behind never holds
// up a request (past 4 MiB waiting, lines are dropped and the count logged). Until Configure,
// it writes text to stderr (tests, commands other than serve); `casus serve` writes to stdout
// in the format of --log-format.
class Log {
 public:
  static void Configure(std::FILE* out, LogFormat format);

  static void Request(const RequestRecord& record);
  // level: "info", "warning", "error"; event: a word ("start", "stop", "io"). Written through
  // at once, unless a flush is under way (its line then goes with the next one); while a
  // LogWriter runs, by its thread within moments.
  static void Event(std::string_view level, std::string_view event, std::string_view message);
  // Writes out the lines waiting (serve calls it every second, and at stop); blocks while the
  // output does.
  static void Flush();
};

// While one exists, a thread of its own writes the log: events at once, request lines every
// `period`, so that no other thread ever waits on the output (an I/O thread that logged an
// accept error into a pipe nobody read stopped accepting). `casus serve` holds one; it is
// meant to be the only one. The destructor writes what is left and joins the thread.
class LogWriter {
 public:
  explicit LogWriter(std::chrono::milliseconds period);
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

 private:
  bool stopping_ = false;  // guarded by the log's own mutex
  std::thread thread_;
};

}  // namespace casus::web
