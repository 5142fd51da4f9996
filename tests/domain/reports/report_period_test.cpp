#include "domain/reports/report_period.hpp"

#include <catch2/catch.hpp>

#include "domain/error.hpp"

namespace casus::domain {
namespace {

ErrorCode CodeOf(const ReportPeriod& period) {
  try {
    RequireReportPeriod(period);
  } catch (const DomainError& error) {
    return error.code();
  }
  FAIL("no error for " << period.from.ToString() << " to " << period.to.ToString());
  return ErrorCode::kInvalid;
}

TEST_CASE("A report period runs from a day to at most the day before ten years later",
          "[domain][reports]") {
  CHECK_NOTHROW(RequireReportPeriod({Date(2024, 3, 31), Date(2024, 3, 31)}));
  CHECK_NOTHROW(RequireReportPeriod(ReportPeriod::Year(2024)));
  CHECK_NOTHROW(RequireReportPeriod({Date(2015, 1, 1), Date(2024, 12, 31)}));
  CHECK(CodeOf({Date(2015, 1, 1), Date(2025, 1, 1)}) == ErrorCode::kInvalid);
  // From 29 February: ten years later has no such day; 28 February is still inside.
  CHECK_NOTHROW(RequireReportPeriod({Date(2016, 2, 29), Date(2026, 2, 28)}));
  CHECK(CodeOf({Date(2016, 2, 29), Date(2026, 3, 1)}) == ErrorCode::kInvalid);
}

TEST_CASE("A report period that ends before it starts is invalid", "[domain][reports]") {
  CHECK(CodeOf({Date(2024, 4, 1), Date(2024, 3, 31)}) == ErrorCode::kInvalid);
}

TEST_CASE("A report period outside the years a report can have is malformed", "[domain][reports]") {
  CHECK(CodeOf({Date(1899, 12, 31), Date(1900, 1, 31)}) == ErrorCode::kMalformed);
  CHECK(CodeOf({Date(2999, 12, 1), Date(3000, 1, 1)}) == ErrorCode::kMalformed);
}

}  // namespace
}  // namespace casus::domain
