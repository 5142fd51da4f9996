#include "domain/access/person_sign_in.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "domain/date.hpp"
#include "domain/error.hpp"

namespace casus::domain {

namespace {

// The credential of "Bearer <credential>"; the scheme is case-insensitive (RFC 9110 11.1).
std::optional<std::string_view> Credential(std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size()) return std::nullopt;
  const std::string_view scheme = authorization.substr(0, kScheme.size());
  if (!std::equal(scheme.begin(), scheme.end(), kScheme.begin(), kScheme.end(),
                  [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
    return std::nullopt;
  }
  return authorization.substr(kScheme.size());
}

[[noreturn]] void Unauthenticated() {
  // Word for word TokenService's, so that a client cannot tell which check refused it.
  throw DomainError(ErrorCode::kUnauthenticated,
                    "a valid bearer token is required (Authorization: Bearer <token>)");
}

void AppendSanitised(std::string& out, std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? '?' : c;
  }
}

int Digits(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw std::invalid_argument("not an instant YYYY-MM-DDTHH:MM:SSZ");
  }
  return value;
}

}  // namespace

bool PersonSignIn::Recognises(std::optional<std::string_view> authorization) const {
  if (!authorization) return false;
  const auto credential = Credential(*authorization);
  return credential && verifier_.Recognises(*credential);
}

SignedInPerson PersonSignIn::Authenticate(std::string_view authorization) const {
  const auto credential = Credential(authorization);
  if (!credential) Unauthenticated();
  const auto identity = verifier_.Verify(*credential, UnixSeconds(clock_.NowUtc()));
  if (!identity || identity->subject.empty()) Unauthenticated();
  return {AuditName(identity->subject, identity->display_name),
          roles_.RoleOf(identity->role_values)};
}

std::string PersonSignIn::AuditName(std::string_view subject, std::string_view display_name) {
  std::string name = "oidc:";
  AppendSanitised(name, subject);
  if (!display_name.empty()) {
    name += " (";
    AppendSanitised(name, display_name);
    name += ")";
  }
  if (name.size() > kMaxAuditNameBytes) {
    name.resize(kMaxAuditNameBytes - 3);
    // Not in the middle of a UTF-8 sequence: drop continuation bytes and their lead byte.
    while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) {
      name.pop_back();
    }
    if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0) name.pop_back();
    name += "...";
  }
  return name;
}

std::int64_t PersonSignIn::UnixSeconds(std::string_view utc) {
  if (utc.size() != 20 || utc[10] != 'T' || utc[13] != ':' || utc[16] != ':' || utc[19] != 'Z') {
    throw std::invalid_argument("not an instant YYYY-MM-DDTHH:MM:SSZ");
  }
  const auto day = Date::Parse(utc.substr(0, 10));
  if (!day) throw std::invalid_argument("not an instant YYYY-MM-DDTHH:MM:SSZ");
  const std::int64_t days = day->days().time_since_epoch().count();
  return days * 86'400 + Digits(utc.substr(11, 2)) * 3'600 + Digits(utc.substr(14, 2)) * 60 +
         Digits(utc.substr(17, 2));
}

}  // namespace casus::domain
