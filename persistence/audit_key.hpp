#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace casus::persistence {

// A refused key file or a key that does not fit the chain; the message names the fix.
struct AuditKeyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The secret of a keyed audit chain (issue #11): each row's hash is an HMAC-SHA-256 under it,
// so that whoever can write the database but does not hold the key cannot recompute the chain
// after changing it. The key lives in a file outside the database, 64 hex digits and a
// newline, readable by its owner only.
//
// The database records Id() (audit_head.key_id), never the key: a fingerprint that tells
// which key a chain uses without revealing it (an HMAC under the key, so it cannot be
// computed without it either).
//
// Copyable value; the bytes are wiped on destruction. Thread-safe for concurrent const use.
class AuditKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // A new key from OpenSSL's secure random source. Throws std::runtime_error without one.
  static AuditKey Generate();
  // Creates `path` (O_CREAT | O_EXCL, mode 0600) holding a new key, and returns the key.
  // Throws AuditKeyError when the file exists already (a key is never overwritten: the chain
  // under it could no longer be verified) or cannot be written; removes a partly written file.
  static AuditKey CreateFile(const std::string& path);
  // The key in `path`. Throws AuditKeyError, naming the path and the fix, when the file is
  // missing, not a regular file, readable or writable by group or others (as ssh refuses a
  // private key), or not exactly 64 hex digits with an optional final newline.
  static AuditKey ReadFile(const std::string& path);
  // The key of `hex` (64 hex digits); throws AuditKeyError otherwise. For tests and ReadFile.
  static AuditKey FromHex(std::string_view hex);

  AuditKey(const AuditKey& other) = default;
  AuditKey& operator=(const AuditKey& other) = default;
  ~AuditKey();

  // HMAC-SHA-256 of `data` under the key, as 64 lower-case hex digits.
  std::string MacHex(std::string_view data) const;
  // The key's fingerprint: the first 16 bytes of MacHex("casus audit key id"), 32 hex digits.
  std::string Id() const;
  // The file's content: 64 lower-case hex digits and a newline.
  std::string ToFileText() const;

 private:
  AuditKey() = default;

  std::array<unsigned char, kBytes> bytes_{};
};

}  // namespace casus::persistence
