#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "domain/unit_of_work.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// The SQLite UnitOfWork: one writer thread owns the writes and group-commits them (LevelDB's
// DBImpl::Write, PostgreSQL's commit_delay). It takes every unit waiting (up to max_batch),
// opens one write transaction, runs each unit in its own savepoint (a unit that throws rolls
// back alone and its caller gets the exception), commits once (synchronous=FULL: one fsync
// for the batch), and only then lets each caller return. Every repository called inside a
// unit shares the batch's transaction (AmbientSession).
//
// Bounds: a unit that cannot be queued (max_queue reached) or that has not started within
// `deadline` (the database is locked by another process, say) fails with
// DomainError(kUnavailable), and is then guaranteed never to run: a caller told "unavailable"
// changed nothing. A unit that has started is always waited for.
//
// Nested units: Run called from inside a unit (on the writer thread) runs the work at once,
// inside that unit, in a savepoint of its own: when it throws, what it changed is rolled back
// and the exception propagates, while the enclosing unit goes on and commits what it did
// besides if it catches the exception (a use case that fails inside a larger unit undoes its
// own change while the refusal's audit row written after it still commits).
//
// Thread-safety: Run may be called from any number of threads. Destruction finishes the
// units queued and joins the thread; the Database must outlive the writer.
class GroupCommitWriter final : public domain::UnitOfWork {
 public:
  struct Options {
    std::size_t max_batch = 512;
    std::size_t max_queue = 8192;
    std::chrono::milliseconds deadline{800};
  };

  GroupCommitWriter(Database& database, Options options);
  explicit GroupCommitWriter(Database& database) : GroupCommitWriter(database, Options{}) {}
  ~GroupCommitWriter() override;
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  void Run(const std::function<void()>& work) override;

  // False once the writer thread has ended (it never should before destruction); /readyz.
  bool Alive() const { return alive_.load(); }

  // Units waiting to be written now; for metrics and tests.
  std::size_t QueueDepth() const;

  // Batches committed so far, and the units in them; for tests and metrics.
  std::size_t BatchesCommitted() const { return batches_.load(); }
  std::size_t UnitsCommitted() const { return batched_units_.load(); }
  // Batches that failed to commit (every unit in them answered 503).
  std::size_t BatchesFailed() const { return failed_batches_.load(); }
  // Committed batches by size: at most kBatchSizeBounds[i] units (not cumulative), the last
  // entry for more than the largest bound.
  static constexpr std::array<std::size_t, 8> kBatchSizeBounds = {1, 2, 4, 8, 16, 32, 64, 128};
  std::size_t BatchesOfSize(std::size_t bucket) const { return batch_sizes_.at(bucket).load(); }

 private:
  struct Unit;

  void Loop();
  void RunNested(const std::function<void()>& work);  // on the writer thread, in a unit
  void WriteBatch(std::deque<std::shared_ptr<Unit>>& batch);

  Database& database_;
  const Options options_;
  mutable std::mutex mutex_;  // guards queue_ and stopping_
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Unit>> queue_;
  bool stopping_ = false;
  std::atomic<bool> alive_{true};
  std::atomic<std::size_t> batches_{0};
  std::atomic<std::size_t> batched_units_{0};
  std::atomic<std::size_t> failed_batches_{0};
  std::array<std::atomic<std::size_t>, kBatchSizeBounds.size() + 1> batch_sizes_{};
  soci::session* batch_session_ = nullptr;  // the writer thread's, while it writes a batch
  std::thread thread_;                      // last: starts after everything it uses
};

}  // namespace casus::persistence
