#pragma once

#include "domain/cases/case_repository.hpp"
#include "domain/ondermijning/activity.hpp"
#include "domain/ondermijning/signal_repository.hpp"
#include "domain/reports/ondermijning_report.hpp"

namespace casus::domain {

// Gathers what the ondermijning year report needs from the ports and computes it with the pure
// BuildOndermijningReport. Errors: DomainError. Thread-safety: as the ports.
class OndermijningReportService {
 public:
  OndermijningReportService(SignalRepository& signals, CaseRepository& cases,
                            ActivityRepository& activities)
      : signals_(signals), cases_(cases), activities_(activities) {}

  // The figures of `year` with those of year - 1 beside them.
  OndermijningReport YearReport(int year);

 private:
  SignalRepository& signals_;
  CaseRepository& cases_;
  ActivityRepository& activities_;
};

}  // namespace casus::domain
