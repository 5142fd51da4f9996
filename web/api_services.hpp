#pragma once

#include "domain/activity_service.hpp"
#include "domain/case_service.hpp"
#include "domain/ondermijning_report_service.hpp"
#include "domain/signal_service.hpp"

namespace casus::web {

// The domain services the HTTP API calls. References only: the caller (src/ wiring, or a test
// fixture) owns the services, which must outlive every Router and Server given this struct.
struct ApiServices {
  domain::CaseService& cases;
  domain::SignalService& signals;
  domain::ActivityService& activities;
  domain::OndermijningReportService& ondermijning_reports;
};

}  // namespace casus::web
