#include "domain/access/idempotency_keys.hpp"

#include <stdexcept>

#include "domain/date.hpp"

namespace casus::domain {

std::string IdempotencyKeys::ValidSince(const std::string& now) {
  static_assert(kLifetimeHours == 24, "ValidSince steps back whole days");
  const auto day = Date::Parse(std::string_view(now).substr(0, 10));
  if (!day || now.size() != 20) throw std::invalid_argument("not an instant: " + now);
  return day->AddDays(-1).ToString() + now.substr(10);
}

std::optional<StoredReply> IdempotencyKeys::Find(const std::string& scope, const std::string& key) {
  if (store_ == nullptr) return std::nullopt;
  auto reply = store_->Find(scope, key);
  if (reply && reply->created_at < ValidSince(clock_.NowUtc())) return std::nullopt;
  return reply;
}

void IdempotencyKeys::Save(const std::string& scope, const std::string& key, StoredReply reply) {
  if (store_ == nullptr) return;
  reply.created_at = clock_.NowUtc();
  store_->RemoveOlderThan(ValidSince(reply.created_at));
  store_->Save(scope, key, reply);
}

std::size_t IdempotencyKeys::RemoveExpired() {
  if (store_ == nullptr) return 0;
  return store_->RemoveOlderThan(ValidSince(clock_.NowUtc()));
}

}  // namespace casus::domain
