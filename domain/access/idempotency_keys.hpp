#pragma once

#include <optional>
#include <string>

#include "domain/access/idempotency_store.hpp"
#include "domain/clock.hpp"

namespace casus::domain {

// The 24-hour rule of Idempotency-Key over an IdempotencyStore: a reply is given again for 24
// hours after it was stored, and then never (the key may be used anew). Expired replies are
// removed on every Save (an indexed range delete) and by RemoveExpired (serve's periodic task),
// so the store holds about one day of replies. Without a store (the wiring of commands that
// serve no HTTP) keys are not kept: Enabled() is false.
//
// Thread-safety: as the store. Find and Save belong in one unit of work with the change.
class IdempotencyKeys {
 public:
  static constexpr int kLifetimeHours = 24;

  IdempotencyKeys(IdempotencyStore* store, const Clock& clock) : store_(store), clock_(clock) {}

  bool Enabled() const { return store_ != nullptr; }

  // The reply stored under (scope, key) in the last 24 hours; nullopt when none.
  std::optional<StoredReply> Find(const std::string& scope, const std::string& key);

  // Stores `reply` under (scope, key), stamped with the current time, after removing the
  // expired ones.
  void Save(const std::string& scope, const std::string& key, StoredReply reply);

  // Removes the replies older than 24 hours; returns how many.
  std::size_t RemoveExpired();

  // The earliest creation instant still valid at `now` (both "YYYY-MM-DDTHH:MM:SSZ"): 24
  // hours earlier (UTC has no daylight saving, so the same time of the previous day).
  static std::string ValidSince(const std::string& now);

 private:
  IdempotencyStore* store_;
  const Clock& clock_;
};

}  // namespace casus::domain
