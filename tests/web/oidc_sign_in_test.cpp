// Sign-in with OpenID Connect through the router: the identity provider's RS256 and ES256
// access tokens are accepted beside the API tokens, and every forgery, replay or misdirected
// token is refused with the same 401 as a bad API token, counted like one.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "support/oidc_test_keys.hpp"
#include "web/oidc/base64url.hpp"
#include "web/oidc/jwt_verifier.hpp"

namespace casus::web {
namespace {

using casus::testing::Claims;
using casus::testing::Jwks;
using casus::testing::kTestAudience;
using casus::testing::kTestIssuer;
using casus::testing::kTestNow;
using casus::testing::Mint;
using casus::testing::MintHs256;
using casus::testing::MintWithHeader;
using casus::testing::TestKey;
using domain::Role;
using testing::Api;
using testing::Header;
using testing::RequireProblem;

// Generating RSA keys takes a while: one pair of provider keys for the whole file.
const TestKey& RsaKey() {
  static const TestKey key(TestKey::Type::kRsa, "rsa-1");
  return key;
}
const TestKey& EcKey() {
  static const TestKey key(TestKey::Type::kP256, "ec-1");
  return key;
}

// The fixture's Api with a second router that also signs people in with the provider's keys.
struct OidcApi {
  explicit OidcApi(domain::RoleMapping roles = {}, std::string role_claim = "groups")
      : verifier(Options(std::move(role_claim)),
                 oidc::JwksKeySet::Parse(Jwks({RsaKey().Jwk(), EcKey().Jwk()}))),
        people(verifier, std::move(roles), api.clock) {}

  static oidc::JwtVerifierOptions Options(std::string role_claim) {
    oidc::JwtVerifierOptions options;
    options.issuer = kTestIssuer;
    options.audience = kTestAudience;
    options.role_claim = std::move(role_claim);
    return options;
  }

  // GET /api/v1/cases with `Authorization: <authorization>`.
  Response ListCases(const std::string& authorization) {
    Request request = api.Build(http::verb::get, "/api/v1/cases");
    request.set(http::field::authorization, authorization);
    return router.Handle(request, testing::kClient);
  }
  Response ListCasesWith(const std::string& token) { return ListCases("Bearer " + token); }

  Api api;
  oidc::JwtVerifier verifier;
  domain::PersonSignIn people;
  Router router{ApiServicesOf(api.services, {}, &people)};
};

void RequireUnauthenticated(const Response& response) {
  RequireProblem(response, http::status::unauthorized, "unauthenticated", "/api/v1/cases");
  CHECK(Header(response, http::field::www_authenticate) == "Bearer");
}

TEST_CASE("An RS256 access token of the identity provider signs a person in", "[web][oidc]") {
  OidcApi oidc;
  const Response response = oidc.ListCasesWith(Mint(RsaKey(), Claims()));
  CHECK(response.result() == http::status::ok);
  const auto event = oidc.api.audit_trail.Rows().back().event;  // Rows() is a copy
  CHECK(event.token == "oidc:f3a9c2e1-0b7d (Anna de Boer)");
  CHECK(event.role == "woonoverlast");
  CHECK(event.action == "read_case");
  CHECK(event.result == "ok");
  CHECK(event.client == testing::kClient);
}

TEST_CASE("An ES256 access token of the identity provider signs a person in", "[web][oidc]") {
  OidcApi oidc;
  CHECK(oidc.ListCasesWith(Mint(EcKey(), Claims())).result() == http::status::ok);
}

TEST_CASE("The API tokens keep working beside sign-in with OpenID Connect", "[web][oidc]") {
  OidcApi oidc;
  CHECK(oidc.ListCases(oidc.api.Bearer(Role::kWoonoverlast)).result() == http::status::ok);
  CHECK(oidc.api.audit_trail.Rows().back().event.token == "woonoverlast");
}

TEST_CASE("A token without a kid is checked with the one key of its type", "[web][oidc]") {
  OidcApi oidc;
  const std::string token = MintWithHeader(RsaKey(), R"({"alg":"RS256","typ":"JWT"})", Claims());
  CHECK(oidc.ListCasesWith(token).result() == http::status::ok);
}

TEST_CASE("Each forged misdirected or stale token is refused with 401 and counted", "[web][oidc]") {
  OidcApi oidc;
  const TestKey stranger(TestKey::Type::kRsa, "rsa-1");  // same kid, not the provider's key
  const std::string good = Mint(RsaKey(), Claims());
  const std::string good_claims = Claims();
  std::string tampered_payload = good;
  {
    const auto first = good.find('.');
    const auto second = good.find('.', first + 1);
    const std::string admin = Claims(R"(,"groups":["beheerder"])");
    tampered_payload.replace(first + 1, second - first - 1, oidc::Base64UrlEncode(admin));
  }
  std::string tampered_signature = good;
  tampered_signature[tampered_signature.size() - 5] =
      tampered_signature[tampered_signature.size() - 5] == 'A' ? 'B' : 'A';
  const std::string rs256_header = R"({"alg":"RS256","typ":"JWT","kid":"rsa-1"})";
  const std::string hs256_header = R"({"alg":"HS256","typ":"JWT","kid":"rsa-1"})";
  const std::string unsigned_token =
      casus::testing::SigningInput(R"({"alg":"none","typ":"JWT"})", good_claims) + ".";
  const struct {
    const char* what;
    std::string token;
  } refused[] = {
      {"expired beyond the skew",
       Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow - 61))},
      {"not yet valid beyond the skew",
       Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow + 7200, kTestNow + 61))},
      {"wrong issuer", Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow + 3600,
                                             kTestNow - 3600, "https://evil.example/realms/x"))},
      {"issuer with a trailing slash",
       Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow + 3600, kTestNow - 3600,
                             std::string(kTestIssuer) + "/"))},
      {"wrong audience", Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow + 3600,
                                               kTestNow - 3600, kTestIssuer, R"("account")"))},
      {"audience array without ours",
       Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow + 3600, kTestNow - 3600,
                             kTestIssuer, R"(["account","casus-test"])"))},
      {"no audience",
       MintWithHeader(RsaKey(), rs256_header,
                      R"({"iss":")" + std::string(kTestIssuer) + R"(","sub":"x","exp":)" +
                          std::to_string(kTestNow + 60) + "}")},
      {"no exp",
       MintWithHeader(RsaKey(), rs256_header,
                      R"({"iss":")" + std::string(kTestIssuer) + R"(","aud":"casus","sub":"x"})")},
      {"exp as a string", MintWithHeader(RsaKey(), rs256_header,
                                         R"({"iss":")" + std::string(kTestIssuer) +
                                             R"(","aud":"casus","sub":"x","exp":"9999999999"})")},
      {"no sub",
       MintWithHeader(RsaKey(), rs256_header,
                      R"({"iss":")" + std::string(kTestIssuer) + R"(","aud":"casus","exp":)" +
                          std::to_string(kTestNow + 60) + "}")},
      {"alg none without signature", unsigned_token},
      {"alg none with a signature",
       casus::testing::SigningInput(R"({"alg":"none"})", good_claims) + ".AAAA"},
      {"alg None", MintWithHeader(RsaKey(), R"({"alg":"None","kid":"rsa-1"})", good_claims)},
      {"HS256 keyed with the public key's PEM",
       MintHs256(hs256_header, good_claims, RsaKey().PublicPem())},
      {"HS256 keyed with the JWK's modulus",
       MintHs256(hs256_header, good_claims, RsaKey().Modulus())},
      {"HS256 keyed with the JWK's n in base64url",
       MintHs256(hs256_header, good_claims, oidc::Base64UrlEncode(RsaKey().Modulus()))},
      {"PS256", MintWithHeader(RsaKey(), R"({"alg":"PS256","kid":"rsa-1"})", good_claims)},
      {"RS256 named but ES256 key",
       MintWithHeader(EcKey(), R"({"alg":"RS256","kid":"ec-1"})", good_claims)},
      {"ES256 named but RSA key",
       MintWithHeader(RsaKey(), R"({"alg":"ES256","kid":"rsa-1"})", good_claims)},
      {"alg repeated",
       MintWithHeader(RsaKey(), R"({"alg":"RS256","alg":"none","kid":"rsa-1"})", good_claims)},
      {"crit header",
       MintWithHeader(RsaKey(), R"({"alg":"RS256","kid":"rsa-1","crit":["x"]})", good_claims)},
      {"tampered payload", tampered_payload},
      {"tampered signature", tampered_signature},
      {"signed by another key with the provider's kid", Mint(stranger, good_claims)},
      {"unknown kid", MintWithHeader(RsaKey(), R"({"alg":"RS256","kid":"rsa-2"})", good_claims)},
      {"kid not a string", MintWithHeader(RsaKey(), R"({"alg":"RS256","kid":1})", good_claims)},
      {"padding in a segment", good + "=="},
      {"standard base64 characters", "eyJ+.eyJ/.AAAA"},
      {"empty segments", ".."},
      {"no signature", good.substr(0, good.rfind('.') + 1)},
      {"header not JSON", oidc::Base64UrlEncode("not json") + good.substr(good.find('.'))},
      {"claims not an object", MintWithHeader(RsaKey(), rs256_header, "[1,2]")},
      {"oversize token", Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"],"pad":")" +
                                               std::string(17'000, 'x') + "\""))},
  };
  for (const auto& attempt : refused) {
    INFO(attempt.what);
    const std::size_t rows = oidc.api.audit_trail.Rows().size();
    RequireUnauthenticated(oidc.ListCasesWith(attempt.token));
    // Counted with the other refusals (one row per client and minute), not written at once.
    CHECK(oidc.api.audit_trail.Rows().size() == rows);
  }
  oidc.api.services.gate.FlushRefusals(/*all=*/true);
  const auto event = oidc.api.audit_trail.Rows().back().event;  // Rows() is a copy
  CHECK(event.token == "-");
  CHECK(event.result == "unauthenticated");
  CHECK(event.count == static_cast<std::int64_t>(std::size(refused)));
}

TEST_CASE("exp and nbf allow 60 seconds of clock skew", "[web][oidc]") {
  OidcApi oidc;
  CHECK(oidc.ListCasesWith(Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow - 59)))
            .result() == http::status::ok);
  CHECK(oidc.ListCasesWith(Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow + 3600,
                                                 kTestNow + 59)))
            .result() == http::status::ok);
  RequireUnauthenticated(
      oidc.ListCasesWith(Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow - 60))));
}

TEST_CASE("The audience may be one of several in an array", "[web][oidc]") {
  OidcApi oidc;
  CHECK(oidc.ListCasesWith(
                Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])", kTestNow + 3600,
                                      kTestNow - 3600, kTestIssuer, R"(["account","casus"])")))
            .result() == http::status::ok);
}

TEST_CASE("A person without a Casus role is 403 and on the record by name", "[web][oidc]") {
  OidcApi oidc;
  for (const std::string groups : {R"(,"groups":["medewerkers"])", R"(,"groups":[])", "",
                                   R"(,"groups":["woonoverlast","analist"])"}) {
    INFO(groups);
    RequireProblem(oidc.ListCasesWith(Mint(RsaKey(), Claims(groups))), http::status::forbidden,
                   "forbidden", "/api/v1/cases");
    const auto event = oidc.api.audit_trail.Rows().back().event;  // Rows() is a copy
    CHECK(event.token == "oidc:f3a9c2e1-0b7d (Anna de Boer)");
    CHECK(event.role == "-");
    CHECK(event.action == "read_case");
    CHECK(event.result == "denied");
  }
}

TEST_CASE("A role map turns the provider's groups into Casus roles", "[web][oidc]") {
  OidcApi oidc(domain::RoleMapping::Parse("/casus/analisten=analist, casus-admin=beheerder"));
  // Mapped: the analist may read reports but not casussen.
  CHECK(oidc.ListCasesWith(Mint(RsaKey(), Claims(R"(,"groups":["/casus/analisten","x"])")))
            .result() == http::status::forbidden);
  CHECK(oidc.api.audit_trail.Rows().back().event.role == "analist");
  // With a map only mapped values count: our own role names are values like any other.
  RequireProblem(oidc.ListCasesWith(Mint(RsaKey(), Claims(R"(,"groups":["woonoverlast"])"))),
                 http::status::forbidden, "forbidden", "/api/v1/cases");
  CHECK(oidc.api.audit_trail.Rows().back().event.role == "-");
}

TEST_CASE("The role claim may be a dotted path such as Keycloak's realm roles", "[web][oidc]") {
  OidcApi oidc({}, "realm_access.roles");
  CHECK(oidc.ListCasesWith(Mint(RsaKey(), Claims(R"(,"realm_access":{"roles":["offline_access",)"
                                                 R"("ondermijning"]})")))
            .result() == http::status::ok);
  CHECK(oidc.api.audit_trail.Rows().back().event.role == "ondermijning");
  CHECK(oidc.ListCasesWith(Mint(RsaKey(), Claims(R"(,"realm_access":"ondermijning")"))).result() ==
        http::status::forbidden);
}

TEST_CASE("The audit name falls back to preferred_username and cannot forge rows", "[web][oidc]") {
  CHECK(domain::PersonSignIn::AuditName("abc", "") == "oidc:abc");
  CHECK(domain::PersonSignIn::AuditName("a\nb", "Eve\r\n2025 ok") == "oidc:a?b (Eve??2025 ok)");
  const std::string long_name = domain::PersonSignIn::AuditName("s", std::string(500, 'x'));
  CHECK(long_name.size() == domain::PersonSignIn::kMaxAuditNameBytes);
  CHECK(long_name.substr(long_name.size() - 3) == "...");

  OidcApi oidc;
  const std::string claims =
      R"({"iss":")" + std::string(kTestIssuer) + R"(","aud":"casus","sub":"u-1","exp":)" +
      std::to_string(kTestNow + 60) + R"(,"preferred_username":"jjansen","groups":["analist"]})";
  CHECK(oidc.ListCasesWith(Mint(RsaKey(), claims)).result() == http::status::forbidden);
  CHECK(oidc.api.audit_trail.Rows().back().event.token == "oidc:u-1 (jjansen)");
}

}  // namespace
}  // namespace casus::web
