#include "web/json_values.hpp"

namespace casus::web {

void WriteOptionalDate(JsonWriter& writer, const std::optional<domain::Date>& date) {
  if (date) {
    WriteString(writer, date->ToString());
  } else {
    writer.Null();
  }
}

void WriteOptionalInt64(JsonWriter& writer, const std::optional<std::int64_t>& number) {
  if (number) {
    writer.Int64(*number);
  } else {
    writer.Null();
  }
}

void WriteInt64s(JsonWriter& writer, const std::vector<std::int64_t>& numbers) {
  writer.StartArray();
  for (const auto number : numbers) writer.Int64(number);
  writer.EndArray();
}

void WriteStrings(JsonWriter& writer, const std::vector<std::string>& texts) {
  writer.StartArray();
  for (const auto& text : texts) WriteString(writer, text);
  writer.EndArray();
}

void WriteAddress(JsonWriter& writer, const std::optional<domain::Address>& address) {
  if (!address) {
    writer.Null();
    return;
  }
  writer.StartObject();
  WriteKey(writer, "street");
  WriteString(writer, address->street);
  WriteKey(writer, "number");
  WriteString(writer, address->number);
  WriteKey(writer, "postcode");
  WriteString(writer, address->postcode);
  WriteKey(writer, "city");
  WriteOptionalString(writer, address->city);
  writer.EndObject();
}

std::optional<domain::Address> OptionalAddress(const JsonObjectReader& reader,
                                               std::string_view field) {
  const auto address = reader.OptionalObject(field, {"street", "number", "postcode", "city"});
  if (!address) return std::nullopt;
  return domain::Address{address->RequiredString("street"), address->RequiredString("number"),
                         address->RequiredString("postcode"), address->OptionalString("city")};
}

}  // namespace casus::web
