#include "web/json_reader.hpp"

#include <catch2/catch.hpp>

#include "domain/cases/case_state.hpp"

namespace casus::web {
namespace {

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST_CASE("The depth check allows 32 levels and refuses 33", "[web][json]") {
  CHECK_NOTHROW(CheckJsonDepth(Nested(32)));
  CHECK_THROWS_AS(CheckJsonDepth(Nested(33)), domain::DomainError);
  CHECK_NOTHROW(CheckJsonDepth(R"({"a":{"b":[{"c":[]}]}})", 5));
  CHECK_THROWS_AS(CheckJsonDepth(R"({"a":{"b":[{"c":[]}]}})", 4), domain::DomainError);
}

TEST_CASE("The depth check ignores brackets inside strings, escaped quotes included",
          "[web][json]") {
  CHECK_NOTHROW(CheckJsonDepth(R"({"a":"[[[[{{{{"})", 1));
  CHECK_NOTHROW(CheckJsonDepth(R"({"a":"\"[[[[\\"})", 1));
  CHECK_THROWS_AS(CheckJsonDepth(R"({"a":"\\",  "b":[[]]})", 2), domain::DomainError);
}

TEST_CASE("A JsonBody refuses trailing garbage and NaN", "[web][json]") {
  CHECK_THROWS_AS(JsonBody(R"({} {})"), domain::DomainError);
  CHECK_THROWS_AS(JsonBody(R"({"a":NaN})"), domain::DomainError);
  CHECK_NOTHROW(JsonBody(" {} \n"));
}

TEST_CASE("The object reader treats absent and null optional fields alike", "[web][json]") {
  const JsonBody body(R"({"a":null})");
  const JsonObjectReader reader(body.root(), "", {"a", "b"});
  CHECK(reader.OptionalString("a") == std::nullopt);
  CHECK(reader.OptionalString("b") == std::nullopt);
  CHECK(reader.OptionalEnumArray<domain::CaseState>("b").empty());
  CHECK_FALSE(reader.OptionalObject("a", {}).has_value());
}

TEST_CASE("The object reader refuses null for a required field", "[web][json]") {
  const JsonBody body(R"({"a":null})");
  const JsonObjectReader reader(body.root(), "", {"a"});
  CHECK_THROWS_WITH(reader.RequiredString("a"), "field 'a' must be a string, not null");
}

TEST_CASE("The object reader refuses strings with NUL characters", "[web][json]") {
  const JsonBody body(R"({"a":"x\u0000y"})");
  const JsonObjectReader reader(body.root(), "", {"a"});
  CHECK_THROWS_WITH(reader.RequiredString("a"), "field 'a' must not contain NUL characters");
}

TEST_CASE("Whole numbers are read as such, 1.5 and out-of-range values are 422, text 400",
          "[web][json]") {
  const JsonBody body(
      R"({"n":7,"x":1.5,"big":3000000000,"s":"7","ids":[1,2,9007199254740993],"bad":[1,"2"]})");
  const JsonObjectReader reader(body.root(), "", {"n", "x", "big", "s", "ids", "bad", "none"});
  const auto code = [](const auto& read) {
    try {
      read();
    } catch (const domain::DomainError& error) {
      return error.code();
    }
    FAIL("no DomainError");
    return domain::ErrorCode::kMalformed;
  };
  CHECK(reader.OptionalInt("n") == 7);
  CHECK(reader.RequiredInt64("big") == 3000000000);
  CHECK(reader.OptionalInt("none") == std::nullopt);
  CHECK(reader.OptionalInt64Array("ids") == std::vector<std::int64_t>{1, 2, 9007199254740993});
  CHECK(code([&] { reader.OptionalInt("x"); }) == domain::ErrorCode::kInvalid);
  CHECK(code([&] { reader.OptionalInt("big"); }) == domain::ErrorCode::kInvalid);
  CHECK(code([&] { reader.RequiredInt64("s"); }) == domain::ErrorCode::kMalformed);
  CHECK(code([&] { reader.RequiredInt64("none"); }) == domain::ErrorCode::kMalformed);
  CHECK_THROWS_WITH(reader.OptionalInt64Array("bad"),
                    "field 'bad[1]' must be a number, not a string");
}

TEST_CASE("A required enum array must be present, an empty one is left to the domain",
          "[web][json]") {
  const JsonBody body(R"({"empty":[],"null":null})");
  const JsonObjectReader reader(body.root(), "", {"empty", "null", "absent"});
  CHECK(reader.RequiredEnumArray<domain::CaseState>("empty").empty());
  CHECK_THROWS_WITH(reader.RequiredEnumArray<domain::CaseState>("null"),
                    "field 'null' is required");
  CHECK_THROWS_WITH(reader.RequiredEnumArray<domain::CaseState>("absent"),
                    "field 'absent' is required");
}

TEST_CASE("An optional date treats null as absent and refuses a malformed one with 422",
          "[web][json]") {
  const JsonBody body(R"({"a":null,"b":"2024-09-01","c":"1-9-2024"})");
  const JsonObjectReader reader(body.root(), "", {"a", "b", "c"});
  CHECK(reader.OptionalDate("a") == std::nullopt);
  CHECK(reader.OptionalDate("b") == domain::Date(2024, 9, 1));
  CHECK_THROWS_WITH(reader.OptionalDate("c"), "field 'c' must be a date YYYY-MM-DD");
}

TEST_CASE("A very long unknown field name is shortened in the message", "[web][json]") {
  const std::string name(1000, 'x');
  const JsonBody body("{\"" + name + "\":1}");
  CHECK_THROWS_WITH(JsonObjectReader(body.root(), "", {"a"}),
                    "unknown field '" + std::string(64, 'x') + "...'");
}

}  // namespace
}  // namespace casus::web
