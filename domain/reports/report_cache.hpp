#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "domain/reports/data_version.hpp"

namespace casus::domain {

// Year reports by (key, data version): a report asked for again while nothing it counts has
// changed is served from memory, in constant time, and several requests missing at once
// compute it once (single flight): the first computes, the others wait for its result. The
// data version comes from the database, so a change made by another process is seen too.
//
// A computation that throws caches nothing; its waiters get the same exception, and the next
// request computes again. At most `capacity` reports are kept; the oldest goes first.
//
// Thread-safety: Get may be called from any number of threads. `Report` must be copyable.
template <typename Report>
class ReportCache {
 public:
  explicit ReportCache(DataVersion& version, std::size_t capacity = 32)
      : version_(version), capacity_(capacity) {}
  ReportCache(const ReportCache&) = delete;
  ReportCache& operator=(const ReportCache&) = delete;

  // The report `key` names (e.g. "2024"), as of the current data version.
  Report Get(const std::string& key, const std::function<Report()>& compute) {
    ++asked_;
    const Key cache_key{key, version_.Current()};
    std::promise<std::shared_ptr<const Report>> promise;
    Shared shared;
    bool computing = false;
    {
      std::lock_guard lock(mutex_);
      const auto it = entries_.find(cache_key);
      if (it != entries_.end()) {
        shared = it->second.report;
      } else {
        shared = promise.get_future().share();
        entries_.emplace(cache_key, Entry{shared, ++clock_});
        computing = true;
        Evict();
      }
    }
    if (computing) {
      ++computed_;
      try {
        promise.set_value(std::make_shared<const Report>(compute()));
      } catch (...) {
        promise.set_exception(std::current_exception());
        std::lock_guard lock(mutex_);
        entries_.erase(cache_key);
      }
    }
    return *shared.get();  // rethrows the computation's exception
  }

  // Whether Get(key) would answer from memory now: computed for the current data version, not
  // still being computed. Reads the data version; computes nothing.
  bool Ready(const std::string& key) {
    const Key cache_key{key, version_.Current()};
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(cache_key);
    return it != entries_.end() &&
           it->second.report.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }

  // Reports computed so far (misses); hits are the requests beyond it. For tests and metrics.
  std::uint64_t Computed() const { return computed_.load(); }
  // Gets so far; those not computed were answered from memory.
  std::uint64_t Asked() const { return asked_.load(); }

 private:
  using Key = std::pair<std::string, std::int64_t>;
  using Shared = std::shared_future<std::shared_ptr<const Report>>;
  struct Entry {
    Shared report;
    std::uint64_t added = 0;
  };

  void Evict() {  // mutex_ held
    while (entries_.size() > capacity_) {
      auto oldest = entries_.begin();
      for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->second.added < oldest->second.added) oldest = it;
      }
      entries_.erase(oldest);  // a computation still running keeps its waiters' future alive
    }
  }

  DataVersion& version_;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::map<Key, Entry> entries_;
  std::uint64_t clock_ = 0;
  std::atomic<std::uint64_t> computed_{0};
  std::atomic<std::uint64_t> asked_{0};
};

}  // namespace casus::domain
