#include "web/log.hpp"

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "web/json.hpp"

namespace casus::web {

namespace {

// Lines wait in `pending` and are written by whoever flushes, outside `mutex`: a log reader
// that falls behind (a full pipe, a slow journald) then holds up the flusher only, never a
// request. While the output is stuck, pending stays under kMaxPending and lines beyond it are
// dropped and counted; the next flush says how many.
struct Sink {
  static constexpr std::size_t kMaxPending = 4 << 20;

  std::mutex mutex;  // guards pending, dropped, out and format
  std::string pending;
  std::size_t dropped = 0;
  std::FILE* out = stderr;
  LogFormat format = LogFormat::kText;
  std::mutex write_mutex;  // one flusher at a time, so lines keep their order
  // While a LogWriter runs (under `mutex`): events wake it instead of being written by the
  // thread that logs them, since that write blocks while the output does.
  bool background = false;
  bool urgent = false;
  std::condition_variable wake;
};

Sink& TheSink() {
  static Sink sink;
  return sink;
}

// "2026-12-03T07:29:35.123Z"
std::string NowUtc() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis));
  return text;
}

// Writes out what is pending. `wait`: wait for another flush in progress; else leave the lines
// to it (or to the next one) rather than block.
void FlushPending(Sink& sink, bool wait) {
  std::unique_lock write(sink.write_mutex, std::defer_lock);
  if (wait) {
    write.lock();
  } else if (!write.try_lock()) {
    return;
  }
  std::string lines;
  std::size_t dropped = 0;
  std::FILE* out = nullptr;
  {
    std::lock_guard lock(sink.mutex);
    lines.swap(sink.pending);
    dropped = std::exchange(sink.dropped, 0);
    out = sink.out;
  }
  if (dropped > 0) {
    // Plain text in either format: it is about the log, not a record in it.
    const std::string note = NowUtc() + " warning log " + std::to_string(dropped) +
                             " line(s) dropped: the log's reader fell behind\n";
    std::fwrite(note.data(), 1, note.size(), out);
  }
  std::fwrite(lines.data(), 1, lines.size(), out);
  std::fflush(out);
}

// Request lines wait (a write per request would cost the server a system call each under
// load) until a flush, every second by serve's LogWriter; events, rarer and more urgent, wake
// the LogWriter, or without one are written through unless a flush is under way.
void WriteLine(Sink& sink, const std::string& line, bool flush) {
  bool background = false;
  {
    std::lock_guard lock(sink.mutex);
    if (sink.pending.size() + line.size() + 1 > Sink::kMaxPending) {
      ++sink.dropped;
    } else {
      sink.pending.append(line).push_back('\n');
    }
    background = sink.background;
    if (flush && background) sink.urgent = true;
  }
  if (!flush) return;
  if (background) {
    sink.wake.notify_one();
  } else {
    FlushPending(sink, /*wait=*/false);
  }
}

// Every JSON record's first members.
void StartRecord(JsonWriter& writer, const std::string& at, std::string_view level,
                 std::string_view event) {
  writer.StartObject();
  WriteKey(writer, "ts");
  WriteString(writer, at);
  WriteKey(writer, "level");
  WriteString(writer, level);
  WriteKey(writer, "event");
  WriteString(writer, event);
}

}  // namespace

void Log::Configure(std::FILE* out, LogFormat format) {
  Sink& sink = TheSink();
  FlushPending(sink, /*wait=*/true);
  std::lock_guard lock(sink.mutex);
  sink.out = out;
  sink.format = format;
}

void Log::Request(const RequestRecord& record) {
  Sink& sink = TheSink();
  const std::string at = NowUtc();
  if (sink.format == LogFormat::kText) {
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3fms", record.duration_ms);
    WriteLine(sink,
              at + " info request " + std::string(record.request_id) + " " +
                  std::string(record.method) + " " + std::string(record.route) + " " +
                  std::to_string(record.status) + " " + duration + " " +
                  std::to_string(record.bytes) + "B " + std::string(record.who) + " " +
                  std::string(record.client),
              false);
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  StartRecord(writer, at, "info", "request");
  WriteKey(writer, "request_id");
  WriteString(writer, record.request_id);
  WriteKey(writer, "method");
  WriteString(writer, record.method);
  WriteKey(writer, "route");
  WriteString(writer, record.route);
  WriteKey(writer, "status");
  writer.Uint(record.status);
  WriteKey(writer, "duration_ms");
  writer.Double(static_cast<double>(static_cast<long long>(record.duration_ms * 1000)) / 1000);
  WriteKey(writer, "bytes");
  writer.Uint64(record.bytes);
  WriteKey(writer, "who");
  WriteString(writer, record.who);
  WriteKey(writer, "client");
  WriteString(writer, record.client);
  writer.EndObject();
  WriteLine(sink, buffer.GetString(), false);
}

void Log::Event(std::string_view level, std::string_view event, std::string_view message) {
  Sink& sink = TheSink();
  const std::string at = NowUtc();
  if (sink.format == LogFormat::kText) {
    WriteLine(sink,
              at + " " + std::string(level) + " " + std::string(event) + " " + std::string(message),
              true);
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  StartRecord(writer, at, level, event);
  WriteKey(writer, "message");
  WriteString(writer, message);
  writer.EndObject();
  WriteLine(sink, buffer.GetString(), true);
}

void Log::Flush() { FlushPending(TheSink(), /*wait=*/true); }

LogWriter::LogWriter(std::chrono::milliseconds period) {
  Sink& sink = TheSink();
  {
    std::lock_guard lock(sink.mutex);
    sink.background = true;
  }
  thread_ = std::thread([this, period, &sink] {
    std::unique_lock lock(sink.mutex);
    while (!stopping_) {
      sink.wake.wait_for(lock, period, [&] { return stopping_ || sink.urgent; });
      sink.urgent = false;
      lock.unlock();
      FlushPending(sink, /*wait=*/true);
      lock.lock();
    }
  });
}

LogWriter::~LogWriter() {
  Sink& sink = TheSink();
  {
    std::lock_guard lock(sink.mutex);
    stopping_ = true;
    sink.background = false;
  }
  sink.wake.notify_all();
  thread_.join();
  FlushPending(sink, /*wait=*/true);
}

}  // namespace casus::web
