#include "web/activity_json.hpp"

#include "web/json_reader.hpp"
#include "web/json_values.hpp"

namespace casus::web {

domain::Activity ActivityFromJson(std::string_view body) {
  const JsonBody json(body);
  const JsonObjectReader reader(json.root(), "",
                                {"type", "on", "companies_checked", "partners", "findings",
                                 "case_ids", "business_park", "heit_type"});
  domain::Activity activity;
  activity.type = reader.RequiredEnum<domain::ActivityType>("type");
  activity.on = reader.RequiredDate("on");
  activity.companies_checked = reader.OptionalInt("companies_checked");
  activity.partners = reader.OptionalStringArray("partners");
  activity.findings = reader.OptionalString("findings");
  activity.case_ids = reader.OptionalInt64Array("case_ids");
  activity.business_park = reader.OptionalString("business_park");
  activity.heit_type = reader.OptionalString("heit_type");
  return activity;
}

void WriteActivity(JsonWriter& writer, const domain::Activity& activity) {
  writer.StartObject();
  WriteKey(writer, "id");
  writer.Int64(activity.id);
  WriteKey(writer, "type");
  WriteString(writer, domain::Name(activity.type));
  WriteKey(writer, "on");
  WriteString(writer, activity.on.ToString());
  WriteKey(writer, "companies_checked");
  WriteOptionalInt64(writer, activity.companies_checked);
  WriteKey(writer, "partners");
  WriteStrings(writer, activity.partners);
  WriteKey(writer, "findings");
  WriteOptionalString(writer, activity.findings);
  WriteKey(writer, "business_park");
  WriteOptionalString(writer, activity.business_park);
  WriteKey(writer, "heit_type");
  WriteOptionalString(writer, activity.heit_type);
  WriteKey(writer, "case_ids");
  WriteInt64s(writer, activity.case_ids);
  WriteKey(writer, "recorded_at");
  WriteString(writer, activity.recorded_at);
  writer.EndObject();
}

std::string ActivityJson(const domain::Activity& activity) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  WriteActivity(writer, activity);
  return buffer.GetString();
}

std::string ActivityPageJson(const domain::ActivityPage& page) {
  return PageJson(page, WriteActivity);
}

}  // namespace casus::web
