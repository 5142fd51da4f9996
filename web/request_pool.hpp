#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

#include "web/asio.hpp"

#include <boost/asio/thread_pool.hpp>

namespace casus::web {

// The threads that run the domain (and so the database) for requests, apart from the I/O
// threads, which only parse and write HTTP: a slow or locked database then holds up requests
// that need it, never the connections, /healthz, or the accepting of new ones.
//
// Bounded: at most `max_pending` jobs are queued or running; beyond that TryPost refuses, and
// the session answers 503 at once. Thread-safe. Destruction waits for the running jobs.
class RequestPool {
 public:
  RequestPool(int threads, std::size_t max_pending)
      : pool_(threads > 0 ? threads : 1), max_pending_(max_pending) {}
  ~RequestPool() { pool_.join(); }
  RequestPool(const RequestPool&) = delete;
  RequestPool& operator=(const RequestPool&) = delete;

  // Runs `job` on a pool thread; false, without running it, when the pool is full.
  bool TryPost(std::function<void()> job) {
    if (pending_.fetch_add(1) >= max_pending_) {
      --pending_;
      return false;
    }
    net::post(pool_, [this, job = std::move(job)] {
      job();
      --pending_;
    });
    return true;
  }

  // Waits for the jobs running and queued, then ends the threads.
  void Join() { pool_.join(); }

 private:
  net::thread_pool pool_;
  const std::size_t max_pending_;
  std::atomic<std::size_t> pending_{0};
};

// The pools a session hands requests to, one per lane that leaves the I/O thread
// (web/route_table.hpp: Lane). References; the pools belong to the server.
struct WorkerLanes {
  RequestPool& requests;  // Lane::kWorker
  RequestPool& reports;   // Lane::kReport
};

}  // namespace casus::web
