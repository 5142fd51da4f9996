#include "web/request_context.hpp"

#include <array>
#include <cstdio>
#include <random>

namespace casus::web {

std::string RequestContext::Instance(std::string_view path) const {
  std::string instance;
  for (const char c : path) {
    if (c == '#') {
      instance += "%23";  // a path's own '#' (sent raw by a broken client) is no fragment
    } else {
      instance += c;
    }
  }
  instance += '#';
  instance += request_id;
  return instance;
}

bool IsWellFormedRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (const char c : id) {
    const bool letter_or_digit =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!letter_or_digit && std::string_view("-._~:+/=").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string NewRequestId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  const std::uint64_t high = random();
  const std::uint64_t low = random();
  std::array<unsigned char, 16> bytes{};
  for (int i = 0; i < 8; ++i) {
    bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(high >> (56 - 8 * i));
    bytes[static_cast<std::size_t>(8 + i)] = static_cast<unsigned char>(low >> (56 - 8 * i));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return text;
}

std::string RequestIdOf(const Request& request) {
  const auto fields = request.equal_range("X-Request-Id");
  if (fields.first != fields.second && std::next(fields.first) == fields.second) {
    const std::string_view given = ToStd(fields.first->value());
    if (IsWellFormedRequestId(given)) return std::string(given);
  }
  return NewRequestId();
}

}  // namespace casus::web
