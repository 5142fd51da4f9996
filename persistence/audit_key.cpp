#include "persistence/audit_key.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace casus::persistence {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Hex(const unsigned char* data, std::size_t size) {
  std::string hex;
  hex.reserve(2 * size);
  for (std::size_t i = 0; i < size; ++i) {
    hex.push_back(kHexDigits[data[i] >> 4]);
    hex.push_back(kHexDigits[data[i] & 0x0f]);
  }
  return hex;
}

// Closes the descriptor on every path out.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string SystemError(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

}  // namespace

AuditKey::~AuditKey() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

AuditKey AuditKey::Generate() {
  AuditKey key;
  if (RAND_bytes(key.bytes_.data(), static_cast<int>(key.bytes_.size())) != 1) {
    throw std::runtime_error("no secure random bytes available (OpenSSL RAND_bytes failed)");
  }
  return key;
}

AuditKey AuditKey::FromHex(std::string_view hex) {
  if (hex.size() != 2 * kBytes) {
    throw AuditKeyError("an audit key is 64 hex digits, not " + std::to_string(hex.size()) +
                        " characters");
  }
  AuditKey key;
  for (std::size_t i = 0; i < kBytes; ++i) {
    const int high = HexValue(hex[2 * i]);
    const int low = HexValue(hex[2 * i + 1]);
    if (high < 0 || low < 0) throw AuditKeyError("an audit key is 64 hex digits (0-9, a-f)");
    key.bytes_[i] = static_cast<unsigned char>(high << 4 | low);
  }
  return key;
}

AuditKey AuditKey::CreateFile(const std::string& path) {
  AuditKey key = Generate();
  // O_EXCL: never replace a key, not even through a symlink planted at `path` (O_NOFOLLOW).
  FileDescriptor file{::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC,
                             S_IRUSR | S_IWUSR)};
  if (file.fd < 0) {
    if (errno == EEXIST) {
      throw AuditKeyError("refusing to overwrite " + path +
                          ": it exists already (an audit key is never replaced; choose another "
                          "path)");
    }
    throw AuditKeyError(SystemError("cannot create the audit key file", path));
  }
  std::string text = key.ToFileText();
  const bool written =
      ::write(file.fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
      ::fsync(file.fd) == 0;
  OPENSSL_cleanse(text.data(), text.size());
  if (!written) {
    const std::string error = SystemError("cannot write the audit key file", path);
    ::unlink(path.c_str());
    throw AuditKeyError(error);
  }
  return key;
}

AuditKey AuditKey::ReadFile(const std::string& path) {
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw AuditKeyError(SystemError("cannot open the audit key file", path));
  // The mode of the file opened, not of whatever the path names a moment later.
  struct stat status {};
  if (::fstat(file.fd, &status) != 0) {
    throw AuditKeyError(SystemError("cannot read the audit key file", path));
  }
  if (!S_ISREG(status.st_mode)) {
    throw AuditKeyError("the audit key file " + path + " is not a regular file");
  }
  if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    throw AuditKeyError("the audit key file " + path +
                        " is accessible by group or others; it must be readable by its owner "
                        "only (chmod 600 " +
                        path + ")");
  }
  // Room for one character more than a valid file holds, so that a longer one is seen.
  char buffer[2 * kBytes + 2];
  std::size_t size = 0;
  while (size < sizeof buffer) {
    const ssize_t n = ::read(file.fd, buffer + size, sizeof buffer - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw AuditKeyError(SystemError("cannot read the audit key file", path));
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  std::string_view text(buffer, size);
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  try {
    AuditKey key = FromHex(text);
    OPENSSL_cleanse(buffer, sizeof buffer);
    return key;
  } catch (const AuditKeyError& error) {
    OPENSSL_cleanse(buffer, sizeof buffer);
    throw AuditKeyError("the audit key file " + path + " does not hold an audit key (" +
                        error.what() + ", and a newline; `casus audit init-key` writes one)");
  }
}

std::string AuditKey::MacHex(std::string_view data) const {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), bytes_.data(), static_cast<int>(bytes_.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac,
           &length) == nullptr) {
    throw std::runtime_error("HMAC-SHA-256 failed (OpenSSL HMAC)");
  }
  return Hex(mac, length);
}

std::string AuditKey::Id() const { return MacHex("casus audit key id").substr(0, 32); }

std::string AuditKey::ToFileText() const { return Hex(bytes_.data(), bytes_.size()) + "\n"; }

}  // namespace casus::persistence
