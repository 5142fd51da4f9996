#include "web/problem.hpp"

#include <catch2/catch.hpp>

#include "web/json.hpp"

namespace casus::web {
namespace {

TEST_CASE("Every domain error code has its HTTP status", "[web][problem]") {
  using domain::ErrorCode;
  CHECK(StatusFor(ErrorCode::kMalformed) == http::status::bad_request);
  CHECK(StatusFor(ErrorCode::kInvalid) == http::status::unprocessable_entity);
  CHECK(StatusFor(ErrorCode::kNotFound) == http::status::not_found);
  CHECK(StatusFor(ErrorCode::kForbiddenTransition) == http::status::conflict);
  CHECK(StatusFor(ErrorCode::kConflict) == http::status::conflict);
  CHECK(StatusFor(ErrorCode::kStaleVersion) == http::status::precondition_failed);
  CHECK(StatusFor(ErrorCode::kDateOutOfOrder) == http::status::unprocessable_entity);
  CHECK(StatusFor(ErrorCode::kUnauthenticated) == http::status::unauthorized);
  CHECK(StatusFor(ErrorCode::kForbidden) == http::status::forbidden);
  CHECK(StatusFor(ErrorCode::kPreconditionRequired) == http::status::precondition_required);
}

TEST_CASE("A domain error's problem shows its message as detail", "[web][problem]") {
  const Problem problem =
      ProblemFor(domain::DomainError(domain::ErrorCode::kStaleVersion, "case 1 is at version 2"));
  CHECK(problem.status == http::status::precondition_failed);
  CHECK(problem.slug == "stale-version");
  CHECK(problem.detail == "case 1 is at version 2");
}

TEST_CASE("A problem response is application/problem+json per RFC 9457", "[web][problem]") {
  const Response response = ProblemResponse(ProblemFor(ProtocolError::kPayloadTooLarge, "too big"),
                                            "/api/v1/cases", 11, false);
  CHECK(response.result() == http::status::payload_too_large);
  CHECK(response[http::field::content_type] == "application/problem+json");
  CHECK(response.body() ==
        R"({"type":"/problems/payload-too-large","title":"Payload too large","status":413,)"
        R"("detail":"too big","instance":"/api/v1/cases"})");
  CHECK_FALSE(response.keep_alive());
}

TEST_CASE("A 401 problem names the Bearer scheme in WWW-Authenticate, others do not",
          "[web][problem]") {
  const Response unauthorized = ProblemResponse(
      ProblemFor(domain::DomainError(domain::ErrorCode::kUnauthenticated, "no token")),
      "/api/v1/cases", 11, true);
  CHECK(unauthorized.result() == http::status::unauthorized);
  CHECK(unauthorized[http::field::www_authenticate] == "Bearer");
  const Response forbidden =
      ProblemResponse(ProblemFor(domain::DomainError(domain::ErrorCode::kForbidden, "analist")),
                      "/api/v1/cases", 11, true);
  CHECK(forbidden.result() == http::status::forbidden);
  CHECK(forbidden.count(http::field::www_authenticate) == 0);
}

}  // namespace
}  // namespace casus::web
