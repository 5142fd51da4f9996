// What an audit query asks for: a subject with everything under it, a deeper object alone,
// and the exact filters on the event's columns (domain::Matches, the storage's oracle).

#include <catch2/catch.hpp>

#include "domain/access/audit_subject.hpp"
#include "domain/access/audit_trail.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

AuditEvent Row(const std::string& object, const std::string& at = "2025-03-02T12:00:00Z") {
  return {at, "alice", "woonoverlast", "read_case", object, "ok", "10.0.0.1"};
}

AuditFilter About(std::vector<std::string> objects) {
  AuditFilter filter;
  filter.objects = std::move(objects);
  return filter;
}

}  // namespace

TEST_CASE("An audit subject is the object up to its second segment without a query",
          "[domain][audit]") {
  CHECK(AuditSubjectOf("cases/2/history") == "cases/2");
  CHECK(AuditSubjectOf("cases/2") == "cases/2");
  CHECK(AuditSubjectOf("cases") == "cases");
  CHECK(AuditSubjectOf("signals/5/assessment") == "signals/5");
  CHECK(AuditSubjectOf("reports/woonoverlast/2024") == "reports/woonoverlast");
  CHECK(AuditSubjectOf("reports/woonoverlast?from=2024-01-01&to=2024-04-30") ==
        "reports/woonoverlast");
  CHECK(AuditSubjectOf("cases?x/y/z") == "cases");
  CHECK(AuditSubjectOf("") == "");
  CHECK(IsAuditSubject("cases/2"));
  CHECK_FALSE(IsAuditSubject("cases/2/notes"));
}

TEST_CASE("A subject matches itself and everything under it but not a sibling with its prefix",
          "[domain][audit]") {
  const auto filter = About({"cases/2"});
  CHECK(Matches(filter, Row("cases/2")));
  CHECK(Matches(filter, Row("cases/2/history")));
  CHECK(Matches(filter, Row("cases/2/notes")));
  CHECK_FALSE(Matches(filter, Row("cases/20")));
  CHECK_FALSE(Matches(filter, Row("cases/20/history")));
  CHECK_FALSE(Matches(filter, Row("cases")));
  CHECK_FALSE(Matches(filter, Row("signals/2")));
}

TEST_CASE("A deeper object matches only itself", "[domain][audit]") {
  const auto filter = About({"cases/2/history"});
  CHECK(Matches(filter, Row("cases/2/history")));
  CHECK_FALSE(Matches(filter, Row("cases/2")));
  CHECK_FALSE(Matches(filter, Row("cases/2/transitions")));
}

TEST_CASE("Several objects match any of them and every other filter must hold too",
          "[domain][audit]") {
  auto filter = About({"cases/2", "signals/5"});
  CHECK(Matches(filter, Row("signals/5/assessment")));
  CHECK(Matches(filter, Row("cases/2")));
  CHECK_FALSE(Matches(filter, Row("signals/6")));
  filter.token = "bob";
  CHECK_FALSE(Matches(filter, Row("cases/2")));
  filter.token = "alice";
  filter.action = "write_case";
  CHECK_FALSE(Matches(filter, Row("cases/2")));
  filter.action = "read_case";
  filter.result = "denied";
  CHECK_FALSE(Matches(filter, Row("cases/2")));
  filter.result = "ok";
  CHECK(Matches(filter, Row("cases/2")));
}

TEST_CASE("A bare date as the end of an audit period takes its whole day", "[domain][audit]") {
  AuditFilter filter;
  filter.from = "2025-03-02";
  filter.to = "2025-03-02";
  CHECK(Matches(filter, Row("cases/1", "2025-03-02T00:00:00Z")));
  CHECK(Matches(filter, Row("cases/1", "2025-03-02T23:59:59Z")));
  CHECK_FALSE(Matches(filter, Row("cases/1", "2025-03-01T23:59:59Z")));
  CHECK_FALSE(Matches(filter, Row("cases/1", "2025-03-03T00:00:00Z")));
  filter.to = "2025-03-02T12:00:00Z";
  CHECK(Matches(filter, Row("cases/1", "2025-03-02T12:00:00Z")));
  CHECK_FALSE(Matches(filter, Row("cases/1", "2025-03-02T12:00:01Z")));
}
