#pragma once

#include <optional>
#include <string>

#include "domain/access/idempotency_store.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// IdempotencyStore on the idempotency_keys table of schema/013_idempotency_keys.sql, through
// a Database's session pool (the writer's ambient session inside a unit of work, so that a
// reply commits with the change it answers). Needs a migrated database and does not own it:
// `database` must outlive this.
//
// Bound values only. Thread-safety: safe from any number of threads; Save replaces a row of
// the same (scope, key) in one transaction (DELETE then INSERT). Database failures throw
// soci::soci_error.
class SociIdempotencyStore final : public domain::IdempotencyStore {
 public:
  explicit SociIdempotencyStore(Database& database) : database_(database) {}

  std::optional<domain::StoredReply> Find(const std::string& scope,
                                          const std::string& key) override;
  void Save(const std::string& scope, const std::string& key,
            const domain::StoredReply& reply) override;
  std::size_t RemoveOlderThan(const std::string& instant) override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
