#pragma once

#include <functional>

namespace casus::domain {

// Port: runs a unit of work atomically. Every change `work` makes through the other ports
// (repositories, audit trail, token store, ...) of the same storage commits together, or none
// does. Implemented in persistence/ (one transaction; on SQLite, group-committed by a single
// writer); the in-memory fakes of the tests run `work` as it is.
//
// Thread-safety: Run may be called from any number of threads at once. Run must not be called
// from inside `work`.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;

  // Runs `work` and commits what it changed; returns once that is durable. When `work` throws,
  // nothing it changed stays and the exception propagates to the caller unchanged.
  virtual void Run(const std::function<void()>& work) = 0;
};

// A UnitOfWork without transactions of its own, for ports that are atomic per call anyway
// (the in-memory fakes of the tests) and for trusted local work that needs no grouping.
class DirectUnitOfWork final : public UnitOfWork {
 public:
  void Run(const std::function<void()>& work) override { work(); }
};

}  // namespace casus::domain
