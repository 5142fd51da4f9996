#include "persistence/group_commit_writer.hpp"

#include <soci/soci.h>

#include <cstdio>
#include <future>
#include <utility>
#include <vector>

#include "domain/error.hpp"
#include "persistence/statement_cache.hpp"

namespace casus::persistence {

namespace {

thread_local const GroupCommitWriter* writing_on_this_thread = nullptr;

// A unit's life: queued, then either started by the writer or given up by its caller at the
// deadline; exactly one of them wins the compare-and-swap out of kQueued.
enum class UnitState { kQueued, kStarted, kAbandoned };

domain::DomainError Unavailable(const std::string& why) {
  return domain::DomainError(
      domain::ErrorCode::kUnavailable,
      "the database cannot take this request now (" + why + "); try again in a moment");
}

}  // namespace

struct GroupCommitWriter::Unit {
  explicit Unit(const std::function<void()>& w) : work(w) {}
  const std::function<void()>& work;  // the caller waits while it may run
  std::atomic<UnitState> state{UnitState::kQueued};
  std::promise<void> done;

  bool Start() {
    UnitState expected = UnitState::kQueued;
    return state.compare_exchange_strong(expected, UnitState::kStarted);
  }
};

GroupCommitWriter::GroupCommitWriter(Database& database, Options options)
    : database_(database), options_(options), thread_([this] { Loop(); }) {}

GroupCommitWriter::~GroupCommitWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::size_t GroupCommitWriter::QueueDepth() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void GroupCommitWriter::Run(const std::function<void()>& work) {
  if (writing_on_this_thread == this) return RunNested(work);  // part of the running unit
  auto unit = std::make_shared<Unit>(work);
  std::future<void> done = unit->done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw Unavailable("the server is stopping");
    if (queue_.size() >= options_.max_queue) throw Unavailable("too many writes are waiting");
    queue_.push_back(unit);
  }
  wake_.notify_one();
  if (done.wait_for(options_.deadline) == std::future_status::timeout) {
    UnitState expected = UnitState::kQueued;
    if (unit->state.compare_exchange_strong(expected, UnitState::kAbandoned)) {
      throw Unavailable("the database is busy");
    }
    // Started: it will commit or fail soon, and the caller must learn which.
  }
  done.get();
}

void GroupCommitWriter::RunNested(const std::function<void()>& work) {
  // Only the writer thread gets here, inside WriteBatch, so batch_session_ is set.
  soci::session& sql = *batch_session_;
  Execute(sql, "SAVEPOINT casus_nested");
  try {
    work();
  } catch (...) {
    Execute(sql, "ROLLBACK TO casus_nested");
    Execute(sql, "RELEASE casus_nested");
    throw;
  }
  Execute(sql, "RELEASE casus_nested");
}

void GroupCommitWriter::Loop() {
  writing_on_this_thread = this;
  while (true) {
    std::deque<std::shared_ptr<Unit>> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) break;  // stopping, and nothing left to write
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    WriteBatch(batch);
  }
  alive_ = false;
}

void GroupCommitWriter::WriteBatch(std::deque<std::shared_ptr<Unit>>& batch) {
  struct Outcome {
    std::shared_ptr<Unit> unit;
    std::exception_ptr error;
  };
  std::vector<Outcome> started;
  try {
    SessionLease sql(database_);
    AmbientSession ambient(database_, *sql);
    Transaction transaction(*sql, Transaction::Mode::kWrite);
    batch_session_ = &*sql;
    for (auto& unit : batch) {
      if (!unit->Start()) continue;  // its caller gave up on it
      started.push_back({unit, nullptr});
      Execute(*sql, "SAVEPOINT casus_unit");
      try {
        unit->work();
        Execute(*sql, "RELEASE casus_unit");
      } catch (...) {
        started.back().error = std::current_exception();
        Execute(*sql, "ROLLBACK TO casus_unit");
        Execute(*sql, "RELEASE casus_unit");
      }
    }
    batch_session_ = nullptr;
    transaction.Commit();
  } catch (const std::exception& error) {
    batch_session_ = nullptr;
    // Nothing of this batch was committed: every unit fails, those not started as unavailable.
    std::fprintf(stderr, "casus: write batch failed: %s\n", error.what());
    ++failed_batches_;
    for (auto& unit : batch) {
      if (unit->Start())
        unit->done.set_exception(std::make_exception_ptr(Unavailable(error.what())));
    }
    for (auto& outcome : started) {
      outcome.unit->done.set_exception(
          std::make_exception_ptr(Unavailable("the write could not be committed")));
    }
    return;
  }
  ++batches_;
  std::size_t bucket = 0;
  while (bucket < kBatchSizeBounds.size() && batch.size() > kBatchSizeBounds[bucket]) ++bucket;
  ++batch_sizes_[bucket];
  batched_units_ += batch.size();
  for (auto& outcome : started) {
    if (outcome.error) {
      outcome.unit->done.set_exception(outcome.error);
    } else {
      outcome.unit->done.set_value();
    }
  }
}

}  // namespace casus::persistence
