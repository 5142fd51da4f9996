#include "web/idempotency.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <stdexcept>

#include "domain/error.hpp"

namespace casus::web {

namespace {

constexpr const char* kKeyField = "Idempotency-Key";

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace

std::optional<std::string> IdempotencyKeyOf(const Request& request) {
  const std::size_t fields = request.count(kKeyField);
  if (fields == 0) return std::nullopt;
  if (fields > 1) {
    throw domain::DomainError(domain::ErrorCode::kMalformed,
                              "a request carries at most one Idempotency-Key");
  }
  const std::string_view key = ToStd(request[kKeyField]);
  const bool visible =
      std::all_of(key.begin(), key.end(), [](unsigned char c) { return c >= 0x21 && c <= 0x7E; });
  if (key.empty() || key.size() > kMaxIdempotencyKeyBytes || !visible) {
    throw domain::DomainError(domain::ErrorCode::kMalformed,
                              "an Idempotency-Key is 1 to 255 visible ASCII characters");
  }
  return std::string(key);
}

std::string FingerprintOf(const Request& request) {
  // Neither a method nor a request target holds a line break, so this reads back one way.
  std::string text(ToStd(request.method_string()));
  text += '\n';
  text += ToStd(request.target());
  text += '\n';
  text += request.body();
  return Sha256Hex(text);
}

domain::StoredReply ToStoredReply(const Response& response, std::string fingerprint) {
  domain::StoredReply reply;
  reply.fingerprint = std::move(fingerprint);
  reply.status = static_cast<int>(response.result_int());
  reply.content_type = std::string(ToStd(response[http::field::content_type]));
  reply.location = std::string(ToStd(response[http::field::location]));
  reply.etag = std::string(ToStd(response[http::field::etag]));
  reply.body = response.body();
  return reply;
}

Response Replay(const domain::StoredReply& reply, const Request& request) {
  Response response{static_cast<http::status>(reply.status), request.version()};
  if (!reply.content_type.empty()) response.set(http::field::content_type, reply.content_type);
  response.set(http::field::cache_control, "no-store");
  if (!reply.location.empty()) response.set(http::field::location, reply.location);
  if (!reply.etag.empty()) response.set(http::field::etag, reply.etag);
  response.set("Idempotent-Replayed", "true");
  response.body() = reply.body;
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

}  // namespace casus::web
