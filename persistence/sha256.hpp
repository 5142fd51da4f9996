#pragma once

#include <string>
#include <string_view>

namespace casus::persistence {

// The SHA-256 digest of `data` as 64 lower-case hex digits (OpenSSL's EVP interface).
// Thread-safe. Throws std::runtime_error when OpenSSL fails, which it does not for SHA-256
// short of running out of memory.
std::string Sha256Hex(std::string_view data);

}  // namespace casus::persistence
