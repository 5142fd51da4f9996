#include "web/oidc/jwks_key_set.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "web/oidc/base64url.hpp"
#include "web/oidc/strict_json.hpp"

namespace casus::web::oidc {

namespace {

constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;
constexpr std::size_t kP256CoordinateBytes = 32;

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct BnFree {
  void operator()(BIGNUM* number) const { BN_free(number); }
};
struct ParamBldFree {
  void operator()(OSSL_PARAM_BLD* builder) const { OSSL_PARAM_BLD_free(builder); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
struct EcdsaSigFree {
  void operator()(ECDSA_SIG* signature) const { ECDSA_SIG_free(signature); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

[[noreturn]] void Refuse(const std::string& why) { throw std::runtime_error(why); }

// A member that must be a base64url string, decoded.
std::string Bytes(const rapidjson::Value& jwk, const char* member, const std::string& key) {
  const auto found = jwk.FindMember(member);
  if (found == jwk.MemberEnd() || !found->value.IsString()) {
    Refuse(key + ": \"" + member + "\" is missing");
  }
  auto bytes = Base64UrlDecode({found->value.GetString(), found->value.GetStringLength()});
  if (!bytes || bytes->empty()) Refuse(key + ": \"" + member + "\" is not base64url");
  return *bytes;
}

std::optional<std::string> StringMember(const rapidjson::Value& jwk, const char* member,
                                        const std::string& key) {
  const auto found = jwk.FindMember(member);
  if (found == jwk.MemberEnd()) return std::nullopt;
  if (!found->value.IsString()) Refuse(key + ": \"" + member + "\" is not a string");
  return std::string(found->value.GetString(), found->value.GetStringLength());
}

// Builds a public key of `type` ("RSA", "EC") from `params`, and has OpenSSL check it.
Pkey FromData(const char* type, OSSL_PARAM_BLD* builder, const std::string& key) {
  const std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder));
  const std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> context(
      EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    Refuse(key + ": OpenSSL does not accept it as a public key");
  }
  Pkey pkey(raw);
  const std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> check(
      EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    Refuse(key + ": OpenSSL's public key check fails");
  }
  return pkey;
}

Pkey RsaKey(const rapidjson::Value& jwk, const std::string& key) {
  const std::string n = Bytes(jwk, "n", key);
  const std::string e = Bytes(jwk, "e", key);
  const std::unique_ptr<BIGNUM, BnFree> modulus(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr));
  const std::unique_ptr<BIGNUM, BnFree> exponent(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr));
  if (!modulus || !exponent) Refuse(key + ": out of memory");
  const int bits = BN_num_bits(modulus.get());
  if (bits < kMinRsaBits || bits > kMaxRsaBits) {
    Refuse(key + ": an RSA key of " + std::to_string(bits) + " bits (2048 to 8192 are accepted)");
  }
  const std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    Refuse(key + ": out of memory");
  }
  return FromData("RSA", builder.get(), key);
}

Pkey P256Key(const rapidjson::Value& jwk, const std::string& key) {
  const std::string x = Bytes(jwk, "x", key);
  const std::string y = Bytes(jwk, "y", key);
  // RFC 7518 section 6.2.1.2: each coordinate is exactly the curve's size, leading zeros kept.
  if (x.size() != kP256CoordinateBytes || y.size() != kP256CoordinateBytes) {
    Refuse(key + ": P-256 coordinates are 32 bytes each");
  }
  const std::string point = '\x04' + x + y;  // uncompressed (SEC 1 section 2.3.3)
  const std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) !=
          1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    Refuse(key + ": out of memory");
  }
  return FromData("EC", builder.get(), key);
}

// JOSE's raw r||s (RFC 7518 section 3.4) as the DER ECDSA-Sig-Value OpenSSL verifies.
std::optional<std::string> EcdsaDer(std::string_view raw) {
  if (raw.size() != 2 * kP256CoordinateBytes) return std::nullopt;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  std::unique_ptr<ECDSA_SIG, EcdsaSigFree> signature(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(bytes, kP256CoordinateBytes, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + kP256CoordinateBytes, kP256CoordinateBytes, nullptr);
  if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace

struct JwksKeySet::Key {
  std::optional<std::string> kid;
  JwsAlgorithm algorithm;
  Pkey pkey;
};

JwksKeySet::JwksKeySet() = default;
JwksKeySet::~JwksKeySet() = default;

std::size_t JwksKeySet::size() const { return keys_.size(); }

std::shared_ptr<const JwksKeySet> JwksKeySet::Parse(std::string_view json) {
  if (json.size() > kMaxDocumentBytes) Refuse("the key set is larger than 1 MiB");
  const auto document = ParseStrictObject(json);
  if (!document) Refuse("not a JSON object (or a member repeated, or nested too deep)");
  const auto keys = document->FindMember("keys");
  if (keys == document->MemberEnd() || !keys->value.IsArray()) {
    Refuse("no \"keys\" array: not a JWKS document");
  }
  if (keys->value.Size() > kMaxKeys) Refuse("more than 100 keys");
  std::shared_ptr<JwksKeySet> set(new JwksKeySet());
  rapidjson::SizeType index = 0;
  for (const auto& jwk : keys->value.GetArray()) {
    const std::string name = "key " + std::to_string(index++);
    if (!jwk.IsObject()) Refuse(name + " is not an object");
    const auto kty = StringMember(jwk, "kty", name);
    const auto use = StringMember(jwk, "use", name);
    const auto alg = StringMember(jwk, "alg", name);
    const auto crv = StringMember(jwk, "crv", name);
    const auto kid = StringMember(jwk, "kid", name);
    const std::string described = kid ? name + " (kid \"" + *kid + "\")" : name;
    if (use && *use != "sig") continue;  // e.g. Keycloak's RSA-OAEP encryption key
    if (kty == "RSA" && (!alg || *alg == "RS256")) {
      set->keys_.push_back({kid, JwsAlgorithm::kRs256, RsaKey(jwk, described)});
    } else if (kty == "EC" && crv == "P-256" && (!alg || *alg == "ES256")) {
      set->keys_.push_back({kid, JwsAlgorithm::kEs256, P256Key(jwk, described)});
    }
  }
  if (set->keys_.empty()) Refuse("no RS256 or ES256 signing key in the key set");
  return set;
}

std::shared_ptr<const JwksKeySet> JwksKeySet::Load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) Refuse("cannot read " + path);
  std::string text;
  text.resize(kMaxDocumentBytes + 1);
  file.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (file.bad()) Refuse("cannot read " + path);
  text.resize(static_cast<std::size_t>(file.gcount()));
  if (text.empty()) Refuse(path + " is empty");
  try {
    return Parse(text);
  } catch (const std::runtime_error& error) {
    Refuse(path + ": " + error.what());
  }
}

bool JwksKeySet::Verify(JwsAlgorithm algorithm, const std::optional<std::string>& kid,
                        std::string_view signing_input, std::string_view signature) const {
  const Key* key = nullptr;
  for (const Key& candidate : keys_) {
    if (candidate.algorithm != algorithm) continue;
    if (kid) {
      if (candidate.kid == kid) {
        key = &candidate;
        break;
      }
    } else if (key != nullptr) {
      return false;  // two candidates and no kid to choose: refuse rather than try each
    } else {
      key = &candidate;
    }
  }
  if (key == nullptr) return false;

  std::string der;
  if (algorithm == JwsAlgorithm::kEs256) {
    auto converted = EcdsaDer(signature);
    if (!converted) return false;
    der = std::move(*converted);
    signature = der;
  } else if (signature.size() != static_cast<std::size_t>(EVP_PKEY_get_size(key->pkey.get()))) {
    return false;  // RFC 8017: an RSA signature is exactly the modulus's length
  }
  const std::unique_ptr<EVP_MD_CTX, MdCtxFree> context(EVP_MD_CTX_new());
  return context &&
         EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key->pkey.get()) ==
             1 &&
         EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(),
                          reinterpret_cast<const unsigned char*>(signing_input.data()),
                          signing_input.size()) == 1;
}

}  // namespace casus::web::oidc
