#include "persistence/sql_query.hpp"

#include <utility>

namespace casus::persistence {

SqlConditions& SqlConditions::Where(std::string fragment) {
  fragments_.push_back(std::move(fragment));
  return *this;
}

SqlConditions& SqlConditions::Where(std::string fragment, std::string name, std::string value) {
  fragments_.push_back(std::move(fragment));
  texts_.push_back({std::move(name), std::move(value)});
  return *this;
}

SqlConditions& SqlConditions::Where(std::string fragment, std::string name, std::int64_t value) {
  fragments_.push_back(std::move(fragment));
  numbers_.push_back({std::move(name), value});
  return *this;
}

SqlConditions& SqlConditions::Where(std::string fragment, std::string name1, std::string value1,
                                    std::string name2, std::string value2) {
  fragments_.push_back(std::move(fragment));
  texts_.push_back({std::move(name1), std::move(value1)});
  texts_.push_back({std::move(name2), std::move(value2)});
  return *this;
}

SqlConditions& SqlConditions::Where(std::string fragment,
                                    std::vector<std::pair<std::string, std::string>> named_texts) {
  fragments_.push_back(std::move(fragment));
  for (auto& [name, value] : named_texts) texts_.push_back({std::move(name), std::move(value)});
  return *this;
}

SqlConditions& SqlConditions::Where(std::string fragment, std::string name1, std::string value1,
                                    std::string name2, std::int64_t value2) {
  fragments_.push_back(std::move(fragment));
  texts_.push_back({std::move(name1), std::move(value1)});
  numbers_.push_back({std::move(name2), value2});
  return *this;
}

std::string SqlConditions::Sql() const {
  std::string sql;
  for (const std::string& fragment : fragments_) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += fragment;
  }
  return sql;
}

void SqlConditions::Use(soci::statement& statement) {
  for (Text& text : texts_) statement.exchange(soci::use(text.value, text.name));
  for (Number& number : numbers_) statement.exchange(soci::use(number.value, number.name));
}

KeysetPage::KeysetPage(SqlConditions conditions, std::string key_column,
                       std::optional<std::int64_t> after, int limit, KeysetOrder order)
    : conditions_(std::move(conditions)),
      key_column_(std::move(key_column)),
      order_(std::move(order)),
      limit_(limit) {
  if (limit < 1) throw std::invalid_argument("a page holds at least one row");
  fetch_ = limit + 1;
  if (order_.column.empty()) {
    conditions_.Where(key_column_ + " > :page_after", "page_after", after.value_or(0));
  } else if (after.value_or(0) != 0) {
    // A row value: both dialects compare it in order and seek an index on (column, key) by it.
    conditions_.Where("(" + order_.column + ", " + key_column_ + ")" +
                          (order_.descending ? " < " : " > ") + "(:page_after_value, :page_after)",
                      "page_after_value", order_.after_value, "page_after", *after);
  }
}

std::string KeysetPage::Sql() const {
  if (order_.column.empty()) {
    return conditions_.Sql() + " ORDER BY " + key_column_ + " LIMIT :page_fetch";
  }
  const char* direction = order_.descending ? " DESC" : "";
  return conditions_.Sql() + " ORDER BY " + order_.column + direction + ", " + key_column_ +
         direction + " LIMIT :page_fetch";
}

void KeysetPage::Use(soci::statement& statement) {
  conditions_.Use(statement);
  statement.exchange(soci::use(fetch_, "page_fetch"));
}

std::string KeysetPage::IdsOf(std::string_view from) const {
  return "SELECT " + key_column_ + " FROM " + std::string(from) + Sql();
}

}  // namespace casus::persistence
