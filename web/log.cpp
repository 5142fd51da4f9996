#include "web/log.hpp"

#include <chrono>
#include <ctime>
#include <mutex>
#include <string>

#include "web/json.hpp"

namespace casus::web {

namespace {

struct Sink {
  std::mutex mutex;
  std::FILE* out = stderr;
  LogFormat format = LogFormat::kText;
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

// Request lines stay in the stream's buffer (a write per request would cost the server a
// system call each under load) until Flush, which `serve` calls every second; events, rarer
// and more urgent, are flushed at once.
void WriteLine(Sink& sink, const std::string& line, bool flush) {
  std::lock_guard lock(sink.mutex);
  std::fwrite(line.data(), 1, line.size(), sink.out);
  std::fputc('\n', sink.out);
  if (flush) std::fflush(sink.out);
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

void Log::Flush() {
  Sink& sink = TheSink();
  std::lock_guard lock(sink.mutex);
  std::fflush(sink.out);
}

}  // namespace casus::web
