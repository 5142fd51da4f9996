#include "domain/ondermijning/activity_service.hpp"

#include <set>
#include <string>

#include "domain/cases/case_service.hpp"
#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

Activity ActivityService::Record(const Activity& request) {
  constexpr int kMaxCompaniesPerDay = 1000;
  RequireRecordDate(request.on, "on", earliest_record_date_, clock_.Today());
  if (request.companies_checked &&
      (*request.companies_checked < 0 || *request.companies_checked > kMaxCompaniesPerDay)) {
    throw DomainError(ErrorCode::kInvalid, "companies_checked must be between 0 and " +
                                               std::to_string(kMaxCompaniesPerDay));
  }
  switch (request.type) {
    case ActivityType::kControlDay:
      if (!request.companies_checked) {
        throw DomainError(ErrorCode::kInvalid, "a control_day needs companies_checked");
      }
      break;
    case ActivityType::kKnockAndTalk:
    case ActivityType::kHeitControl:
      break;
  }
  if (request.business_park && request.type != ActivityType::kKnockAndTalk) {
    throw DomainError(ErrorCode::kInvalid, "business_park belongs to a knock_and_talk");
  }
  if (request.heit_type && request.type != ActivityType::kHeitControl) {
    throw DomainError(ErrorCode::kInvalid, "heit_type belongs to a heit_control");
  }
  RequireDistinctList(request.partners, "partners");
  for (const auto& partner : request.partners) {
    RequireText(partner, "partners[]", kMaxShortTextBytes);
  }
  if (request.findings) RequireText(*request.findings, "findings", kMaxTextBytes);
  if (request.business_park) {
    RequireText(*request.business_park, "business_park", kMaxShortTextBytes);
  }
  if (request.heit_type) RequireText(*request.heit_type, "heit_type", kMaxShortTextBytes);
  RequireDistinctList(request.case_ids, "case_ids");
  for (const auto id : request.case_ids) {
    const auto casus = cases_.Find(id);
    if (!casus || casus->kind != CaseKind::kOndermijning) {
      throw DomainError(ErrorCode::kInvalid,
                        "case_ids: " + std::to_string(id) + " names no ondermijning casus");
    }
  }
  Activity activity = request;
  activity.id = 0;
  activity.recorded_at = clock_.NowUtc();
  return activities_.Create(activity);
}

ActivityPage ActivityService::List(const ActivityFilter& filter) {
  RequirePageSize(filter.limit);
  if (filter.year) RequireYear(*filter.year);
  return activities_.List(filter);
}

}  // namespace casus::domain
