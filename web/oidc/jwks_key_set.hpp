#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casus::web::oidc {

// The signature algorithms a token may use; everything else ("none", HS256, PS256, ...) is
// refused whatever the key set holds.
enum class JwsAlgorithm { kRs256, kEs256 };

// The identity provider's public signing keys, from a JWKS document (RFC 7517), e.g. the one
// Keycloak serves at /realms/<realm>/protocol/openid-connect/certs. Kept: RSA keys of 2048 to
// 8192 bits (for RS256) and EC keys on P-256 (for ES256) whose "use" is absent or "sig" and
// whose "alg", when present, fits; every other key (encryption keys, other curves and types)
// is skipped. Each key is checked by OpenSSL on loading.
//
// Immutable once built: share it as std::shared_ptr<const JwksKeySet> between threads freely.
class JwksKeySet {
 public:
  static constexpr std::size_t kMaxDocumentBytes = 1024 * 1024;
  static constexpr std::size_t kMaxKeys = 100;

  // Throws std::runtime_error saying what is wrong: not a JWKS, more than kMaxDocumentBytes
  // or kMaxKeys, a key of a kind we keep that does not decode or that OpenSSL rejects, or no
  // usable key at all.
  static std::shared_ptr<const JwksKeySet> Parse(std::string_view json);
  // Parse of the file at `path`; also throws when it cannot be read.
  static std::shared_ptr<const JwksKeySet> Load(const std::string& path);

  ~JwksKeySet();
  JwksKeySet(const JwksKeySet&) = delete;
  JwksKeySet& operator=(const JwksKeySet&) = delete;

  // Whether `signature` is a valid `algorithm` signature over `signing_input` by the key that
  // `kid` names (of the algorithm's key type); without a kid, by the one key of that type when
  // there is exactly one. False for no such key, or a signature of the wrong length.
  bool Verify(JwsAlgorithm algorithm, const std::optional<std::string>& kid,
              std::string_view signing_input, std::string_view signature) const;

  std::size_t size() const;  // how many keys were kept

 private:
  struct Key;  // an OpenSSL public key with its kid and algorithm
  JwksKeySet();

  std::vector<Key> keys_;
};

}  // namespace casus::web::oidc
