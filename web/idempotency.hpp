#pragma once

#include <optional>
#include <string>

#include "domain/access/idempotency_store.hpp"
#include "web/http.hpp"

namespace casus::web {

// The HTTP side of Idempotency-Key (the Router's use is described in web/router.hpp).

// The longest key taken, in characters.
inline constexpr std::size_t kMaxIdempotencyKeyBytes = 255;

// The request's Idempotency-Key: nullopt without one. Throws DomainError(kMalformed) for two
// fields, or a value that is not 1..255 visible ASCII characters (0x21-0x7E).
std::optional<std::string> IdempotencyKeyOf(const Request& request);

// What identifies the request a key was used for: the SHA-256 (hex) of its method, target
// and body.
std::string FingerprintOf(const Request& request);

// `response` as it is kept under a key (created_at is the store's to stamp).
domain::StoredReply ToStoredReply(const Response& response, std::string fingerprint);

// The kept reply given again, answering `request`: the same status, body, Content-Type,
// Location and ETag, and `Idempotent-Replayed: true`.
Response Replay(const domain::StoredReply& reply, const Request& request);

}  // namespace casus::web
