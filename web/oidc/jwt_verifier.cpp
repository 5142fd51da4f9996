#include "web/oidc/jwt_verifier.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

#include "web/oidc/base64url.hpp"
#include "web/oidc/strict_json.hpp"

namespace casus::web::oidc {

namespace {

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::string_view View(const rapidjson::Value& value) {
  return {value.GetString(), value.GetStringLength()};
}

// The member `name` if it is a string.
std::optional<std::string_view> StringClaim(const rapidjson::Value& object, const char* name) {
  const auto found = object.FindMember(name);
  if (found == object.MemberEnd() || !found->value.IsString()) return std::nullopt;
  return View(found->value);
}

// A NumericDate (RFC 7519 section 2): a finite JSON number, or nullopt when absent;
// `malformed` is set when it is present but no number.
std::optional<double> NumericDate(const rapidjson::Value& claims, const char* name,
                                  bool& malformed) {
  const auto found = claims.FindMember(name);
  if (found == claims.MemberEnd()) return std::nullopt;
  if (!found->value.IsNumber() || !std::isfinite(found->value.GetDouble())) {
    malformed = true;
    return std::nullopt;
  }
  return found->value.GetDouble();
}

bool AudienceContains(const rapidjson::Value& claims, std::string_view audience) {
  const auto found = claims.FindMember("aud");
  if (found == claims.MemberEnd()) return false;
  if (found->value.IsString()) return View(found->value) == audience;
  if (!found->value.IsArray()) return false;
  for (const auto& each : found->value.GetArray()) {
    if (each.IsString() && View(each) == audience) return true;
  }
  return false;
}

// The values of the role claim: `path` as a top-level member, else as a dotted path.
std::vector<std::string> RoleValues(const rapidjson::Value& claims, std::string_view path) {
  const rapidjson::Value* value = nullptr;
  const rapidjson::Value name(rapidjson::StringRef(path.data(), path.size()));
  if (const auto found = claims.FindMember(name); found != claims.MemberEnd()) {
    value = &found->value;
  } else {
    value = &claims;
    while (value != nullptr) {
      const auto dot = path.find('.');
      const std::string_view step = path.substr(0, dot);
      const rapidjson::Value key(rapidjson::StringRef(step.data(), step.size()));
      if (!value->IsObject()) {
        value = nullptr;
        break;
      }
      const auto found = value->FindMember(key);
      value = found != value->MemberEnd() ? &found->value : nullptr;
      if (dot == std::string_view::npos) break;
      path.remove_prefix(dot + 1);
    }
  }
  std::vector<std::string> values;
  if (value == nullptr) return values;
  if (value->IsString()) values.emplace_back(View(*value));
  if (value->IsArray()) {
    for (const auto& each : value->GetArray()) {
      if (each.IsString()) values.emplace_back(View(each));
    }
  }
  return values;
}

}  // namespace

JwtVerifier::JwtVerifier(JwtVerifierOptions options, std::shared_ptr<const JwksKeySet> keys)
    : options_(std::move(options)) {
  ReplaceKeys(std::move(keys));
}

void JwtVerifier::ReplaceKeys(std::shared_ptr<const JwksKeySet> keys) {
  if (!keys) throw std::invalid_argument("JwtVerifier needs a key set");
  keys_.store(std::move(keys));
}

bool JwtVerifier::Recognises(std::string_view credential) const {
  // header.payload.signature, each base64url: API tokens ("casus_...") have no dots.
  std::size_t dots = 0;
  for (const char c : credential) {
    if (c == '.') {
      ++dots;
    } else if (!IsBase64UrlChar(c)) {
      return false;
    }
  }
  return dots == 2;
}

std::optional<domain::VerifiedIdentity> JwtVerifier::Verify(std::string_view credential,
                                                            std::int64_t now_unix) const {
  if (credential.size() > options_.max_token_bytes || !Recognises(credential)) return {};
  const auto first_dot = credential.find('.');
  const auto second_dot = credential.find('.', first_dot + 1);
  const std::string_view signing_input = credential.substr(0, second_dot);
  const auto header_json = Base64UrlDecode(credential.substr(0, first_dot));
  const auto claims_json =
      Base64UrlDecode(credential.substr(first_dot + 1, second_dot - first_dot - 1));
  const auto signature = Base64UrlDecode(credential.substr(second_dot + 1));
  if (!header_json || !claims_json || !signature || signature->empty()) return {};

  // The header decides how the signature is checked, so it is read first and trusted in
  // nothing but naming one of our two algorithms and, perhaps, a key.
  const auto header = ParseStrictObject(*header_json);
  if (!header) return {};
  const auto alg = StringClaim(*header, "alg");
  JwsAlgorithm algorithm;
  if (alg == "RS256") {
    algorithm = JwsAlgorithm::kRs256;
  } else if (alg == "ES256") {
    algorithm = JwsAlgorithm::kEs256;
  } else {
    return {};  // "none", HS256 (its "secret" would be our public key) and all the rest
  }
  if (header->HasMember("crit")) return {};  // extensions we cannot honour (RFC 7515 4.1.11)
  std::optional<std::string> kid;
  if (const auto found = header->FindMember("kid"); found != header->MemberEnd()) {
    if (!found->value.IsString()) return {};
    kid.emplace(View(found->value));
  }
  if (!keys_.load()->Verify(algorithm, kid, signing_input, *signature)) return {};

  // Signed by the provider: now whether it is meant for us, and now.
  const auto claims = ParseStrictObject(*claims_json);
  if (!claims) return {};
  if (StringClaim(*claims, "iss") != options_.issuer) return {};
  if (!AudienceContains(*claims, options_.audience)) return {};
  bool malformed = false;
  const auto expires = NumericDate(*claims, "exp", malformed);
  const auto not_before = NumericDate(*claims, "nbf", malformed);
  const auto skew = static_cast<double>(options_.clock_skew.count());
  const auto now = static_cast<double>(now_unix);
  if (malformed || !expires || now >= *expires + skew) return {};
  if (not_before && now + skew < *not_before) return {};
  const auto subject = StringClaim(*claims, "sub");
  if (!subject || subject->empty()) return {};

  domain::VerifiedIdentity identity;
  identity.subject = *subject;
  if (const auto name = StringClaim(*claims, "name"); name && !name->empty()) {
    identity.display_name = *name;
  } else if (const auto username = StringClaim(*claims, "preferred_username")) {
    identity.display_name = *username;
  }
  identity.role_values = RoleValues(*claims, options_.role_claim);
  return identity;
}

}  // namespace casus::web::oidc
