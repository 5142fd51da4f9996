#pragma once

#include <optional>
#include <string>

namespace casus::domain {

// A reply stored under an Idempotency-Key, to be given again to a retry of the same request.
struct StoredReply {
  std::string fingerprint;  // of the request answered (method, target, body): SHA-256, hex
  int status = 0;           // HTTP status code, 2xx
  std::string content_type;
  std::string location;  // empty: none
  std::string etag;      // empty: none
  std::string body;
  std::string created_at;  // "YYYY-MM-DDTHH:MM:SSZ"
};

// Port: the replies stored under idempotency keys, by (scope, key); the scope is the caller
// (token or person name), so that two callers never see each other's keys or replies. The
// replies hold personal data (a casus as registered) for 24 hours; IdempotencyKeys removes
// older ones. Called inside a unit of work, with the change the reply answers.
//
// Thread-safety: as the storage's other ports (each call atomic).
class IdempotencyStore {
 public:
  virtual ~IdempotencyStore() = default;

  virtual std::optional<StoredReply> Find(const std::string& scope, const std::string& key) = 0;
  // Stores `reply` under (scope, key), replacing what was there.
  virtual void Save(const std::string& scope, const std::string& key, const StoredReply& reply) = 0;
  // Removes every reply created before `instant` ("YYYY-MM-DDTHH:MM:SSZ"); returns how many.
  virtual std::size_t RemoveOlderThan(const std::string& instant) = 0;
};

}  // namespace casus::domain
