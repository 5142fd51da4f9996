#pragma once

// Conversions between domain values and the columns of schema/, shared by the SOCI adapters.
// Internal to persistence/.

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "domain/address.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "persistence/statement_cache.hpp"

namespace casus::persistence {

// A bindable optional value: SOCI binds and fetches NULL through an indicator.
template <typename T>
struct NullableOf {
  T value{};
  soci::indicator indicator = soci::i_null;

  static NullableOf Of(const std::optional<T>& optional) {
    return optional ? NullableOf{*optional, soci::i_ok} : NullableOf{};
  }
  std::optional<T> Get() const {
    return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt;
  }
};
using Nullable = NullableOf<std::string>;

template <typename E>
std::string Wire(E value) {
  return std::string(domain::Name(value));
}

template <typename E>
std::optional<std::string> OptionalWire(const std::optional<E>& value) {
  return value ? std::optional<std::string>(Wire(*value)) : std::nullopt;
}

template <typename E>
Nullable NullableWire(const std::optional<E>& value) {
  return value ? Nullable{Wire(*value), soci::i_ok} : Nullable{};
}

inline Nullable NullableDate(const std::optional<domain::Date>& date) {
  return date ? Nullable{date->ToString(), soci::i_ok} : Nullable{};
}

// The schema's CHECK constraints admit only wire names and dates, so a failure here means the
// file was edited by hand or written by an incompatible program.
template <typename E>
E ParseStored(const std::string& text, const char* column) {
  const auto value = domain::Parse<E>(text);
  if (!value) {
    throw std::runtime_error(std::string("unexpected ") + column + " in database: " + text);
  }
  return *value;
}

template <typename E>
std::optional<E> ParseNullable(const Nullable& text, const char* column) {
  if (text.indicator != soci::i_ok) return std::nullopt;
  return ParseStored<E>(text.value, column);
}

template <typename E>
std::vector<E> ParseAll(const std::vector<std::string>& texts, const char* column) {
  std::vector<E> values;
  values.reserve(texts.size());
  for (const std::string& text : texts) values.push_back(ParseStored<E>(text, column));
  return values;
}

inline domain::Date ParseStoredDate(const std::string& text, const char* column) {
  const auto date = domain::Date::Parse(text);
  if (!date) {
    throw std::runtime_error(std::string("unexpected ") + column + " in database: " + text);
  }
  return *date;
}

inline std::optional<domain::Date> ParseNullableDate(const Nullable& text, const char* column) {
  if (text.indicator != soci::i_ok) return std::nullopt;
  return ParseStoredDate(text.value, column);
}

// The four address_* columns of cases and signals: all present or all absent, city optional.
struct AddressColumns {
  Nullable street;
  Nullable number;
  Nullable postcode;
  Nullable city;

  static AddressColumns Of(const std::optional<domain::Address>& address) {
    if (!address) return {};
    return {Nullable{address->street, soci::i_ok}, Nullable{address->number, soci::i_ok},
            Nullable{address->postcode, soci::i_ok}, Nullable::Of(address->city)};
  }
  std::optional<domain::Address> Get() const {
    if (street.indicator != soci::i_ok) return std::nullopt;
    return domain::Address{street.value, number.value, postcode.value, city.Get()};
  }
};

// Prepares a statement whose into/use elements were exchanged already.
inline void Prepare(soci::statement& statement, const std::string& query) {
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
}

// Runs `query`, which selects (parent id, value) rows in the wanted order, and groups the
// values by parent. `bind` exchanges the query's use elements; what they refer to must live
// until this returns.
template <typename T, typename Bind>
std::map<std::int64_t, std::vector<T>> FetchGrouped(soci::session& sql, const std::string& query,
                                                    Bind&& bind) {
  std::map<std::int64_t, std::vector<T>> grouped;
  std::int64_t parent = 0;
  T value{};
  CachedStatement statement(sql, query);
  statement->exchange(soci::into(parent));
  statement->exchange(soci::into(value));
  bind(*statement);
  statement.Execute(false);
  while (statement->fetch()) grouped[parent].push_back(value);
  return grouped;
}

// The values grouped under `parent`, moved out of `grouped`; empty when it has none.
template <typename T>
std::vector<T> TakeGroup(std::map<std::int64_t, std::vector<T>>& grouped, std::int64_t parent) {
  const auto it = grouped.find(parent);
  return it == grouped.end() ? std::vector<T>{} : std::move(it->second);
}

}  // namespace casus::persistence
