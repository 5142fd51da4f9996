#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/access/api_token.hpp"

namespace casus::persistence {

// A TokenStore that remembers the tokens it has found by hash, so that a request's token
// check costs no query. Right across processes: the store's Version() (bumped by the database
// on every create and revoke) is read again at most every `recheck` and the cache is dropped
// when it moved; a create or revoke through this object drops it at once. Expiry needs no
// invalidation: TokenService checks it against the clock on every request. Unknown hashes are
// not remembered, so a flood of made-up tokens cannot grow it; it holds at most `capacity`.
//
// Thread-safe. Does not own `store`, which must outlive it.
class CachedTokenStore final : public domain::TokenStore {
 public:
  explicit CachedTokenStore(domain::TokenStore& store,
                            std::chrono::milliseconds recheck = std::chrono::seconds(1),
                            std::size_t capacity = 10000)
      : store_(store), recheck_(recheck), capacity_(capacity) {}

  bool Create(const domain::StoredToken& token) override;
  std::optional<domain::StoredToken> FindByHash(const std::string& secret_hash) override;
  std::vector<domain::TokenInfo> List() override { return store_.List(); }
  bool Revoke(const std::string& name, const std::string& at) override;
  std::int64_t Version() override { return store_.Version(); }

 private:
  // Drops the cache when the store's version moved; at most once per `recheck_`.
  void Revalidate(std::unique_lock<std::mutex>& lock);
  // Drops every remembered token; a read that began before is then not remembered either.
  void Forget();

  domain::TokenStore& store_;
  const std::chrono::milliseconds recheck_;
  const std::size_t capacity_;
  std::mutex mutex_;  // guards the members below
  std::unordered_map<std::string, domain::StoredToken> found_;
  std::uint64_t generation_ = 0;  // bumped by Forget
  std::optional<std::int64_t> version_;
  std::chrono::steady_clock::time_point checked_at_{};
};

}  // namespace casus::persistence
