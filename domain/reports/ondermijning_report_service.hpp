#pragma once

#include "domain/cases/case_repository.hpp"
#include "domain/ondermijning/activity.hpp"
#include "domain/ondermijning/signal_repository.hpp"
#include "domain/reports/ondermijning_report.hpp"

namespace casus::domain {

// Gathers what the ondermijning reports need from the ports and counts it with the pure
// OndermijningTally, the definition BuildOndermijningReport applies: casussen are streamed one
// at a time, so memory does not grow with their number. Errors: DomainError. Thread-safety: as
// the ports.
class OndermijningReportService {
 public:
  OndermijningReportService(SignalRepository& signals, CaseRepository& cases,
                            ActivityRepository& activities)
      : signals_(signals), cases_(cases), activities_(activities) {}

  // The figures of `year` with those of year - 1 beside them.
  OndermijningReport YearReport(int year);

  // The figures of any period. Throws as RequireReportPeriod.
  OndermijningFigures PeriodReport(const ReportPeriod& period);

 private:
  SignalRepository& signals_;
  CaseRepository& cases_;
  ActivityRepository& activities_;
};

}  // namespace casus::domain
