#include "persistence/openssl_token_crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include "persistence/sha256.hpp"

namespace casus::persistence {

namespace {

// RFC 4648 section 5, without padding.
std::string Base64Url(const unsigned char* data, std::size_t size) {
  constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string text;
  text.reserve((size * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    const unsigned bits = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    text.push_back(kAlphabet[(bits >> 18) & 0x3f]);
    text.push_back(kAlphabet[(bits >> 12) & 0x3f]);
    text.push_back(kAlphabet[(bits >> 6) & 0x3f]);
    text.push_back(kAlphabet[bits & 0x3f]);
  }
  if (size - i == 1) {
    const unsigned bits = data[i] << 16;
    text.push_back(kAlphabet[(bits >> 18) & 0x3f]);
    text.push_back(kAlphabet[(bits >> 12) & 0x3f]);
  } else if (size - i == 2) {
    const unsigned bits = (data[i] << 16) | (data[i + 1] << 8);
    text.push_back(kAlphabet[(bits >> 18) & 0x3f]);
    text.push_back(kAlphabet[(bits >> 12) & 0x3f]);
    text.push_back(kAlphabet[(bits >> 6) & 0x3f]);
  }
  return text;
}

}  // namespace

std::string OpenSslTokenCrypto::NewSecret() {
  std::array<unsigned char, kRandomBytes> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    throw std::runtime_error("no secure random bytes available (OpenSSL RAND_bytes failed)");
  }
  std::string secret = std::string(kPrefix) + Base64Url(random.data(), random.size());
  OPENSSL_cleanse(random.data(), random.size());
  return secret;
}

std::string OpenSslTokenCrypto::Hash(std::string_view secret) { return Sha256Hex(secret); }

}  // namespace casus::persistence
