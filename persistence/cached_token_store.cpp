#include "persistence/cached_token_store.hpp"

namespace casus::persistence {

void CachedTokenStore::Forget() {
  found_.clear();
  ++generation_;
}

bool CachedTokenStore::Create(const domain::StoredToken& token) {
  const bool created = store_.Create(token);
  std::lock_guard lock(mutex_);
  Forget();
  version_.reset();
  return created;
}

bool CachedTokenStore::Revoke(const std::string& name, const std::string& at) {
  const bool revoked = store_.Revoke(name, at);
  std::lock_guard lock(mutex_);
  Forget();
  version_.reset();
  return revoked;
}

void CachedTokenStore::Revalidate(std::unique_lock<std::mutex>& lock) {
  const auto now = std::chrono::steady_clock::now();
  if (version_ && now - checked_at_ < recheck_) return;
  lock.unlock();  // the store is not called under the lock
  const std::int64_t version = store_.Version();
  lock.lock();
  if (version_ != version) Forget();
  version_ = version;
  checked_at_ = now;
}

std::optional<domain::StoredToken> CachedTokenStore::FindByHash(const std::string& secret_hash) {
  std::unique_lock lock(mutex_);
  Revalidate(lock);
  if (const auto it = found_.find(secret_hash); it != found_.end()) return it->second;
  const std::uint64_t generation = generation_;
  lock.unlock();
  auto stored = store_.FindByHash(secret_hash);
  if (!stored) return stored;
  lock.lock();
  // A change since the read started may have made `stored` stale: then it is not kept.
  if (generation != generation_) return stored;
  if (found_.size() >= capacity_) Forget();
  found_.emplace(secret_hash, *stored);
  return stored;
}

}  // namespace casus::persistence
