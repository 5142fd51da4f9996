#pragma once

#include <functional>

namespace casus::domain {

// Port: runs a unit of work atomically. Every change `work` makes through the other ports
// (repositories, audit trail, token store, ...) of the same storage commits together, or none
// does. Implemented in persistence/ (one transaction; on SQLite, group-committed by a single
// writer); the in-memory fakes of the tests run `work` as it is.
//
// Nested units: Run called from inside `work` (on the same thread) runs the inner work at once,
// as part of the enclosing unit, but rolls back alone: when the inner work throws, what it
// changed is undone and the exception propagates; if the enclosing work catches it, the rest
// of the enclosing unit commits as usual. (A use case failing inside a larger unit undoes its
// change while the audit row of its refusal still commits: see web/router.hpp, Idempotency-Key.)
// The in-memory fakes have no rollback; their use cases check before they change anything.
//
// Thread-safety: Run may be called from any number of threads at once.
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
