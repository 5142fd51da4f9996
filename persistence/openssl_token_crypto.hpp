#pragma once

#include <string>
#include <string_view>

#include "domain/access/api_token.hpp"

namespace casus::persistence {

// TokenCrypto on OpenSSL. A secret is "casus_" followed by 32 bytes (256 bits) from OpenSSL's
// CSPRNG (RAND_bytes, seeded by the operating system) in base64url without padding: 49
// characters of [A-Za-z0-9_-], safe in a header, a URL or a shell without quoting. The prefix
// lets secret scanners and people recognise a leaked Casus token. Hash is SHA-256 in hex; a
// salt or slow hash is not needed, as the secrets are random and long, not chosen by people.
//
// Stateless and thread-safe. NewSecret throws std::runtime_error when OpenSSL cannot produce
// random bytes (it never falls back to a weaker source); Hash throws as Sha256Hex.
class OpenSslTokenCrypto final : public domain::TokenCrypto {
 public:
  static constexpr std::string_view kPrefix = "casus_";
  static constexpr int kRandomBytes = 32;

  std::string NewSecret() override;
  std::string Hash(std::string_view secret) override;
};

}  // namespace casus::persistence
