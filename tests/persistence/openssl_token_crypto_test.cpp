#include "persistence/openssl_token_crypto.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "persistence/sha256.hpp"

namespace casus::persistence {
namespace {

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

TEST_CASE("Sha256Hex gives the FIPS 180-2 test vectors in lower-case hex",
          "[persistence][crypto]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string("a\0b", 3)) != Sha256Hex("a"));  // embedded NUL is hashed
}

TEST_CASE("A new secret is the casus_ prefix and 256 random bits in base64url",
          "[persistence][crypto]") {
  OpenSslTokenCrypto crypto;
  const std::string secret = crypto.NewSecret();
  REQUIRE(secret.rfind("casus_", 0) == 0);
  const std::string random = secret.substr(6);
  CHECK(random.size() == 43);  // 32 bytes, unpadded
  for (const char c : random) CHECK(IsBase64UrlChar(c));
}

TEST_CASE("New secrets do not repeat", "[persistence][crypto]") {
  OpenSslTokenCrypto crypto;
  std::set<std::string> secrets;
  for (int i = 0; i < 1000; ++i) secrets.insert(crypto.NewSecret());
  CHECK(secrets.size() == 1000);
}

TEST_CASE("A secret's hash is its SHA-256, the same every time", "[persistence][crypto]") {
  OpenSslTokenCrypto crypto;
  const std::string secret = crypto.NewSecret();
  CHECK(crypto.Hash(secret) == Sha256Hex(secret));
  CHECK(crypto.Hash(secret) == crypto.Hash(std::string(secret)));
  CHECK(crypto.Hash(secret).size() == 64);
  CHECK(crypto.Hash(secret) != crypto.Hash(secret + "x"));
}

}  // namespace
}  // namespace casus::persistence
