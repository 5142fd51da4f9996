#pragma once

#include <string>
#include <string_view>

#include "domain/ondermijning/activity.hpp"
#include "web/json.hpp"

namespace casus::web {

// The JSON shapes of the activity resources. The reader refuses as those of case_json.hpp do
// (400 shape, 422 value); what each type needs (companies_checked on a control_day,
// business_park only on a knock_and_talk, heit_type only on a heit_control, case ids naming
// ondermijning casussen) is ActivityService's to refuse, with 422.

// POST /api/v1/activities: type and on are required; companies_checked (a whole number),
// partners (strings), findings, case_ids (ids), business_park and heit_type optional.
domain::Activity ActivityFromJson(std::string_view body);

// {"id","type","on","companies_checked","partners","findings","business_park","heit_type",
//  "case_ids","recorded_at"}
void WriteActivity(JsonWriter& writer, const domain::Activity& activity);

std::string ActivityJson(const domain::Activity& activity);

// {"items":[activity...],"next":<id or null>}
std::string ActivityPageJson(const domain::ActivityPage& page);

}  // namespace casus::web
