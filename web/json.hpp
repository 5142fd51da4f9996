#pragma once

// The one way web/ includes RapidJSON (Debian's cereal uses the system RapidJSON rather than
// a bundled copy under cereal/external). RapidJSON's assertions guard API misuse; by default
// they call assert() and abort the server, so they throw here and end up as a 500 instead.
// Every web/ file must include RapidJSON through this header so the macro is the same in all.
#include <stdexcept>

#ifndef RAPIDJSON_ASSERT_THROWS
#define RAPIDJSON_ASSERT_THROWS
#endif
#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x) \
  if (!(x)) throw std::logic_error("rapidjson assertion failed: " #x)
#endif

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casus::web {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void WriteString(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

inline void WriteKey(JsonWriter& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

// A string, or null when absent.
inline void WriteOptionalString(JsonWriter& writer, const std::optional<std::string>& text) {
  if (text) {
    WriteString(writer, *text);
  } else {
    writer.Null();
  }
}

}  // namespace casus::web
