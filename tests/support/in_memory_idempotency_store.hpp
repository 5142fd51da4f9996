#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "domain/access/idempotency_store.hpp"

namespace casus::testing {

// An IdempotencyStore in memory, as SociIdempotencyStore: rows by (scope, key).
class InMemoryIdempotencyStore final : public domain::IdempotencyStore {
 public:
  std::optional<domain::StoredReply> Find(const std::string& scope,
                                          const std::string& key) override {
    std::lock_guard lock(mutex_);
    const auto found = rows_.find({scope, key});
    if (found == rows_.end()) return std::nullopt;
    return found->second;
  }
  void Save(const std::string& scope, const std::string& key,
            const domain::StoredReply& reply) override {
    std::lock_guard lock(mutex_);
    rows_[{scope, key}] = reply;
  }
  std::size_t RemoveOlderThan(const std::string& instant) override {
    std::lock_guard lock(mutex_);
    return std::erase_if(rows_, [&](const auto& row) { return row.second.created_at < instant; });
  }
  std::size_t Size() {
    std::lock_guard lock(mutex_);
    return rows_.size();
  }

 private:
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, domain::StoredReply> rows_;
};

}  // namespace casus::testing
