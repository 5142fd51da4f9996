#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/address.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "web/json.hpp"
#include "web/json_reader.hpp"

namespace casus::web {

// JSON of the values several resources share: enum names, dates, ids, addresses and pages.

template <typename E>
void WriteOptionalName(JsonWriter& writer, const std::optional<E>& value) {
  if (value) {
    WriteString(writer, domain::Name(*value));
  } else {
    writer.Null();
  }
}

// A JSON array of the enumerators' wire names, in the order given.
template <typename E>
void WriteNames(JsonWriter& writer, const std::vector<E>& values) {
  writer.StartArray();
  for (const E value : values) WriteString(writer, domain::Name(value));
  writer.EndArray();
}

void WriteOptionalDate(JsonWriter& writer, const std::optional<domain::Date>& date);
void WriteOptionalInt64(JsonWriter& writer, const std::optional<std::int64_t>& number);
void WriteInt64s(JsonWriter& writer, const std::vector<std::int64_t>& numbers);
void WriteStrings(JsonWriter& writer, const std::vector<std::string>& texts);

// {"street","number","postcode","city"}, or null when absent.
void WriteAddress(JsonWriter& writer, const std::optional<domain::Address>& address);

// The member `field` as an address: street, number and postcode required, city optional;
// nullopt when absent or null. Throws as JsonObjectReader does.
std::optional<domain::Address> OptionalAddress(const JsonObjectReader& reader,
                                               std::string_view field);

// {"items":[item...],"next":<id or null>[,"count":n]} for any page of the domain's keyset
// pagination; `write_item(writer, item)` writes one item.
template <typename Page, typename WriteItem>
std::string PageJson(const Page& page, WriteItem write_item) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteKey(writer, "items");
  writer.StartArray();
  for (const auto& item : page.items) write_item(writer, item);
  writer.EndArray();
  WriteKey(writer, "next");
  WriteOptionalInt64(writer, page.next);
  if constexpr (requires { page.count; }) {  // {"count": n} only when it was asked for
    if (page.count) {
      WriteKey(writer, "count");
      writer.Int64(*page.count);
    }
  }
  writer.EndObject();
  return buffer.GetString();
}

}  // namespace casus::web
