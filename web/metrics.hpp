#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace casus::web {

// A histogram as Prometheus shows it: cumulative counts at each upper bound, then +Inf.
struct HistogramSnapshot {
  std::vector<double> bounds;         // ascending upper bounds, without +Inf
  std::vector<std::uint64_t> counts;  // per bound, cumulative; one more for +Inf (= count)
  double sum = 0;
};

// What the server tells an operator at GET /metrics, in Prometheus's text exposition format
// 0.0.4: requests by route pattern, method and status, their latency, requests in flight and
// open connections (counted here by the sessions), and what the wiring adds from other layers
// (the writer's queue and batches, the report cache, audit rows) as callbacks. No personal
// data: labels are route patterns, methods and statuses only.
//
// Thread-safety: the counting calls are lock-free (atomics), for every request on every
// thread; Add* are for the wiring before the server starts; Render from any thread.
class Metrics {
 public:
  // Counters for every route of RouteTable(), and for requests matching none.
  Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  // `route`: the index in RouteTable(), or its size (or more) for none; `method` counts only
  // then (a route has one method).
  void RequestFinished(std::size_t route, std::string_view method, unsigned status, double seconds);
  void ConnectionOpened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { connections_.fetch_sub(1, std::memory_order_relaxed); }

  // A metric another layer keeps, read when /metrics is asked. `name` without the casus_
  // prefix; `help` one line.
  void AddCounter(std::string name, std::string help, std::function<double()> read);
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  void AddHistogram(std::string name, std::string help, std::function<HistogramSnapshot()> read);

  std::string Render() const;

  // Latency bounds in seconds.
  static constexpr std::array<double, 12> kLatencyBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

 private:
  static constexpr std::size_t kStatuses = 500;  // 100..599
  static constexpr std::size_t kMethods = 5;     // GET POST PATCH HEAD OTHER
  struct RouteCounters {
    std::array<std::atomic<std::uint64_t>, kStatuses> by_status{};  // the route's own method
    std::array<std::atomic<std::uint64_t>, kLatencyBounds.size() + 1> latency{};  // not cumulative
    std::atomic<std::uint64_t> latency_sum_us{0};
  };
  struct Callback {
    std::string name, help, type;
    std::function<double()> value;
    std::function<HistogramSnapshot()> histogram;
  };

  std::vector<RouteCounters> routes_;  // one more than the table: unmatched requests
  // Unmatched requests by method too (a route's method is its own).
  std::array<std::array<std::atomic<std::uint64_t>, kStatuses>, kMethods> unmatched_{};
  std::atomic<std::uint64_t> unavailable_{0};  // 503s: storage locked, queues full
  std::atomic<std::uint64_t> internal_{0};     // 500s: a failure, most often the database's
  std::atomic<std::int64_t> in_flight_{0};
  std::atomic<std::int64_t> connections_{0};
  std::vector<Callback> callbacks_;
};

// Whether `client` (an IP address as text) is this machine: 127.0.0.0/8 or ::1 (also as
// ::ffff:127.x.y.z).
bool IsLoopback(std::string_view client);

}  // namespace casus::web
