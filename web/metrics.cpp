#include "web/metrics.hpp"

#include <cstdio>
#include <sstream>

#include "web/http.hpp"
#include "web/route_table.hpp"

namespace casus::web {

namespace {

constexpr std::array<std::string_view, 5> kMethodNames = {"GET", "POST", "PATCH", "HEAD", "OTHER"};

std::size_t MethodIndex(std::string_view method) {
  for (std::size_t i = 0; i + 1 < kMethodNames.size(); ++i) {
    if (method == kMethodNames[i]) return i;
  }
  return kMethodNames.size() - 1;
}

std::size_t StatusIndex(unsigned status) {
  return status < 100 || status > 599 ? 400 : status - 100;
}

// A number as the exposition format writes it: integers without a fraction.
std::string Value(double value) {
  char text[64];
  if (value == static_cast<double>(static_cast<long long>(value))) {
    std::snprintf(text, sizeof text, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(text, sizeof text, "%.9g", value);
  }
  return text;
}

std::string Bound(double bound) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", bound);
  return text;
}

// Route patterns and methods need no escaping (no backslash, quote or line break); this keeps
// it so should a pattern ever hold one.
std::string Label(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '\\' || c == '"') escaped += '\\';
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    escaped += c;
  }
  return escaped;
}

void Header(std::ostringstream& out, std::string_view name, std::string_view help,
            std::string_view type) {
  out << "# HELP casus_" << name << ' ' << help << "\n# TYPE casus_" << name << ' ' << type << '\n';
}

void WriteHistogram(std::ostringstream& out, std::string_view name, const std::string& labels,
                    const HistogramSnapshot& histogram) {
  const std::string prefix = labels.empty() ? "" : labels + ",";
  for (std::size_t i = 0; i < histogram.bounds.size(); ++i) {
    out << "casus_" << name << "_bucket{" << prefix << "le=\"" << Bound(histogram.bounds[i])
        << "\"} " << histogram.counts[i] << '\n';
  }
  const std::uint64_t count = histogram.counts.empty() ? 0 : histogram.counts.back();
  out << "casus_" << name << "_bucket{" << prefix << "le=\"+Inf\"} " << count << '\n';
  out << "casus_" << name << "_sum" << (labels.empty() ? "" : "{" + labels + "}") << ' '
      << Value(histogram.sum) << '\n';
  out << "casus_" << name << "_count" << (labels.empty() ? "" : "{" + labels + "}") << ' ' << count
      << '\n';
}

}  // namespace

Metrics::Metrics() : routes_(RouteTable().size() + 1) {}

void Metrics::RequestFinished(std::size_t route, std::string_view method, unsigned status,
                              double seconds) {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  if (status == 503) unavailable_.fetch_add(1, std::memory_order_relaxed);
  if (status == 500) internal_.fetch_add(1, std::memory_order_relaxed);
  const std::size_t index = route < routes_.size() - 1 ? route : routes_.size() - 1;
  RouteCounters& counters = routes_[index];
  if (index == routes_.size() - 1) {
    unmatched_[MethodIndex(method)][StatusIndex(status)].fetch_add(1, std::memory_order_relaxed);
  } else {
    counters.by_status[StatusIndex(status)].fetch_add(1, std::memory_order_relaxed);
  }
  std::size_t bucket = 0;
  while (bucket < kLatencyBounds.size() && seconds > kLatencyBounds[bucket]) ++bucket;
  counters.latency[bucket].fetch_add(1, std::memory_order_relaxed);
  counters.latency_sum_us.fetch_add(static_cast<std::uint64_t>(seconds * 1e6),
                                    std::memory_order_relaxed);
}

void Metrics::AddCounter(std::string name, std::string help, std::function<double()> read) {
  callbacks_.push_back({std::move(name), std::move(help), "counter", std::move(read), {}});
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  callbacks_.push_back({std::move(name), std::move(help), "gauge", std::move(read), {}});
}

void Metrics::AddHistogram(std::string name, std::string help,
                           std::function<HistogramSnapshot()> read) {
  callbacks_.push_back({std::move(name), std::move(help), "histogram", {}, std::move(read)});
}

std::string Metrics::Render() const {
  const auto table = RouteTable();
  std::ostringstream out;

  Header(out, "http_requests_total", "HTTP requests answered, by route pattern, method and status.",
         "counter");
  for (std::size_t r = 0; r < table.size(); ++r) {
    const std::string labels = "route=\"" + Label(table[r].info.pattern) + "\",method=\"" +
                               std::string(ToStd(http::to_string(table[r].info.method))) + "\"";
    for (std::size_t s = 0; s < kStatuses; ++s) {
      const std::uint64_t n = routes_[r].by_status[s].load(std::memory_order_relaxed);
      if (n > 0) {
        out << "casus_http_requests_total{" << labels << ",status=\"" << s + 100 << "\"} " << n
            << '\n';
      }
    }
  }
  for (std::size_t m = 0; m < kMethods; ++m) {
    for (std::size_t s = 0; s < kStatuses; ++s) {
      const std::uint64_t n = unmatched_[m][s].load(std::memory_order_relaxed);
      if (n > 0) {
        out << "casus_http_requests_total{route=\"unmatched\",method=\"" << kMethodNames[m]
            << "\",status=\"" << s + 100 << "\"} " << n << '\n';
      }
    }
  }

  Header(out, "http_request_duration_seconds",
         "Time from a request read to its response written, by route pattern.", "histogram");
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    HistogramSnapshot histogram;
    histogram.bounds.assign(kLatencyBounds.begin(), kLatencyBounds.end());
    std::uint64_t cumulative = 0;
    for (const auto& bucket : routes_[r].latency) {
      cumulative += bucket.load(std::memory_order_relaxed);
      histogram.counts.push_back(cumulative);
    }
    if (cumulative == 0) continue;
    histogram.sum = static_cast<double>(routes_[r].latency_sum_us.load()) / 1e6;
    const std::string route = r < table.size() ? Label(table[r].info.pattern) : "unmatched";
    WriteHistogram(out, "http_request_duration_seconds", "route=\"" + route + "\"", histogram);
  }

  Header(out, "http_unavailable_total",
         "Requests answered 503: the database locked or busy, or the request queues full.",
         "counter");
  out << "casus_http_unavailable_total " << unavailable_.load() << '\n';
  Header(out, "http_internal_errors_total",
         "Requests answered 500: an unexpected failure, most often of the database.", "counter");
  out << "casus_http_internal_errors_total " << internal_.load() << '\n';
  Header(out, "http_requests_in_flight", "Requests read and not yet answered.", "gauge");
  out << "casus_http_requests_in_flight " << in_flight_.load() << '\n';
  Header(out, "http_connections_open", "Open client connections.", "gauge");
  out << "casus_http_connections_open " << connections_.load() << '\n';

  for (const Callback& callback : callbacks_) {
    Header(out, callback.name, callback.help, callback.type);
    if (callback.histogram) {
      WriteHistogram(out, callback.name, "", callback.histogram());
    } else {
      out << "casus_" << callback.name << ' ' << Value(callback.value()) << '\n';
    }
  }
  return out.str();
}

bool IsLoopback(std::string_view client) {
  if (client == "::1") return true;
  if (client.starts_with("::ffff:")) client.remove_prefix(7);
  return client.starts_with("127.");
}

}  // namespace casus::web
