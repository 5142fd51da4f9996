#include "web/district_routes.hpp"

#include "web/json.hpp"
#include "web/json_response.hpp"

namespace casus::web {

Response GetDistricts(domain::GuardedDistrictService& service, const domain::Actor& actor,
                      const Request& request) {
  const std::vector<domain::District> districts = service.List(actor);
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteKey(writer, "items");
  writer.StartArray();
  for (const domain::District& district : districts) {
    writer.StartObject();
    WriteKey(writer, "name");
    WriteString(writer, district.name);
    WriteKey(writer, "code");
    WriteOptionalString(writer, district.code);
    WriteKey(writer, "position");
    writer.Int(district.position);
    WriteKey(writer, "retired_on");
    WriteOptionalString(writer, district.retired_on ? std::optional(district.retired_on->ToString())
                                                    : std::nullopt);
    WriteKey(writer, "former_names");
    writer.StartArray();
    for (const domain::FormerDistrictName& former : district.former_names) {
      writer.StartObject();
      WriteKey(writer, "name");
      WriteString(writer, former.name);
      WriteKey(writer, "until");
      WriteString(writer, former.until.ToString());
      writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return JsonResponse(request, http::status::ok, buffer.GetString());
}

}  // namespace casus::web
