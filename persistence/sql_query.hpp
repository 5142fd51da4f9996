#pragma once

// The one query builder of persistence/: a WHERE clause built from fixed SQL fragments with
// the values they bind, and keyset paging on an integer key. Every repository list and filter
// goes through it, so none writes its own conditions or paging. Values are always bound,
// never spliced into the SQL text; the text depends only on which conditions are present, so
// the same filter shape always yields the same statement (what a statement cache keys on).
// Internal to persistence/.

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "persistence/statement_cache.hpp"

namespace casus::persistence {

// Conditions joined with AND, each a fragment naming its placeholders (":kind"), and the
// values bound to those placeholders. Owns the values: they live as long as the builder,
// which must therefore outlive every statement it was used on.
//
// Not thread-safe; a builder serves one query at a time.
class SqlConditions {
 public:
  // A condition without values of its own, e.g. "c.kind = 'woonoverlast'".
  SqlConditions& Where(std::string fragment);
  // A condition with one bound value under `name`, e.g. Where("c.kind = :kind", "kind", x).
  SqlConditions& Where(std::string fragment, std::string name, std::string value);
  SqlConditions& Where(std::string fragment, std::string name, std::int64_t value);
  // A condition with two bound values, e.g. "a.on BETWEEN :from AND :to".
  SqlConditions& Where(std::string fragment, std::string name1, std::string value1,
                       std::string name2, std::string value2);
  // A text and a number, e.g. "(c.reported_on, c.id) > (:on, :id)".
  SqlConditions& Where(std::string fragment, std::string name1, std::string value1,
                       std::string name2, std::int64_t value2);

  // A condition with any number of bound text values, each under its name, e.g.
  // "(x = :x0 OR x = :x1)" with {{"x0", a}, {"x1", b}}.
  SqlConditions& Where(std::string fragment,
                       std::vector<std::pair<std::string, std::string>> named_texts);

  // Adds the condition when `value` is set; the usual shape of an optional filter field.
  template <typename T>
  SqlConditions& WhereIf(const std::optional<T>& value, std::string fragment, std::string name) {
    if (value) Where(std::move(fragment), std::move(name), *value);
    return *this;
  }

  // " WHERE a AND b", or "" when there are no conditions.
  std::string Sql() const;

  // Exchanges a use element for every bound value.
  void Use(soci::statement& statement);

 private:
  struct Text {
    std::string name;
    std::string value;
  };
  struct Number {
    std::string name;
    std::int64_t value;
  };

  std::vector<std::string> fragments_;
  // Deques: SOCI keeps references to bound values, so they must not move as more are added.
  std::deque<Text> texts_;
  std::deque<Number> numbers_;
};

// The rows of `query`, bound by `bind(statement)`, each fetched into a Row (which exchanges its
// into elements in Row::Into(statement)) and converted by `to_item(row)`.
template <typename Row, typename Bind, typename ToItem>
auto FetchRows(soci::session& sql, const std::string& query, Bind&& bind, ToItem to_item) {
  std::vector<std::decay_t<decltype(std::invoke(to_item, std::declval<const Row&>()))>> items;
  Row row;
  CachedStatement statement(sql, query);
  row.Into(*statement);
  bind(*statement);
  statement.Execute(false);
  while (statement->fetch()) items.push_back(std::invoke(to_item, std::as_const(row)));
  return items;
}

// The one row of `select_from` that `conditions` select (e.g. by id), converted as FetchRows
// does; nullopt when there is none.
template <typename Row, typename ToItem>
auto FetchOne(soci::session& sql, const std::string& select_from, SqlConditions& conditions,
              ToItem to_item) {
  auto rows = FetchRows<Row>(
      sql, select_from + conditions.Sql(),
      [&conditions](soci::statement& statement) { conditions.Use(statement); }, to_item);
  using Item = typename decltype(rows)::value_type;
  return rows.empty() ? std::optional<Item>() : std::optional<Item>(std::move(rows.front()));
}

// A keyset-paged query: the rows matching `conditions` whose key (an ascending integer, the
// table's id) lies after the cursor, at most `limit`, plus one look-ahead row that tells
// whether another page follows.
//
//   KeysetPage page(CaseConditions(filter), "c.id", filter.after, filter.limit);
//   items = page.FetchRows<CaseRow>(sql, "SELECT <columns> FROM cases c ...",
//                                   &CaseRow::ToCasus);
//   children of exactly those rows: "... WHERE child.case_id IN (" + page.IdsOf("cases c") +
//   ")", bound with page.Use
//   next = page.Finish(items, [](const Casus& c) { return c.id; });
//
// Another order than the key's: by `column` first, ties broken by the key in the same
// direction, so the order stays total. The cursor is still a key: the page starts after the
// row the cursor names, whose `column` the caller read (`after_value`).
struct KeysetOrder {
  std::string column;  // e.g. "c.reported_on"; empty: by the key alone, ascending
  bool descending = false;
  std::string after_value;  // `column` of the cursor's row; used only with a cursor
};

// Owns its conditions and bound values; not thread-safe.
class KeysetPage {
 public:
  // Throws std::invalid_argument when limit < 1: the domain validates page sizes first, so
  // this is a programming error. With an `order` by a column, an `after` of 0 (or none)
  // starts at the beginning.
  KeysetPage(SqlConditions conditions, std::string key_column, std::optional<std::int64_t> after,
             int limit, KeysetOrder order = {});

  // The rows of `select_from` (e.g. "SELECT c.id, ... FROM cases c LEFT JOIN ...") on this
  // page, look-ahead row included, each fetched into a Row (which exchanges its into elements
  // in Row::Into(statement)) and converted by `to_item(row)`.
  template <typename Row, typename ToItem>
  auto FetchRows(soci::session& sql, const std::string& select_from, ToItem to_item);

  // A whole page (Page has `items` and `next`; each item an `id`): the rows as FetchRows has
  // them, then `with_children(items)` completes them while the look-ahead row is still there
  // (so that IdsOf selects the same rows), then Finish.
  template <typename Page, typename Row, typename ToItem, typename WithChildren>
  Page FetchPage(soci::session& sql, const std::string& select_from, ToItem to_item,
                 WithChildren with_children) {
    Page page;
    page.items = FetchRows<Row>(sql, select_from, to_item);
    if (!page.items.empty()) with_children(page.items);
    page.next = Finish(page.items, [](const auto& item) { return item.id; });
    return page;
  }

  // Use, as a callable for helpers that take a binder.
  auto Binder() {
    return [this](soci::statement& statement) { Use(statement); };
  }

  // A subquery of the keys on this page, look-ahead row included, for fetching child rows of
  // exactly the page; `from` names the table as the conditions do ("cases c"). Bind with Use.
  std::string IdsOf(std::string_view from) const;

  // The page's WHERE, ORDER BY and LIMIT: " WHERE ... ORDER BY <key> LIMIT :page_fetch".
  std::string Sql() const;

  // Exchanges the use elements of Sql(): the conditions' values and the page's bounds.
  void Use(soci::statement& statement);

  // Drops the look-ahead row when there is one and returns the cursor of the next page, the
  // key of the last row kept; nullopt on the last page.
  template <typename Item, typename KeyOf>
  std::optional<std::int64_t> Finish(std::vector<Item>& items, KeyOf key_of) const {
    if (static_cast<int>(items.size()) <= limit_) return std::nullopt;
    items.resize(static_cast<std::size_t>(limit_));
    return key_of(items.back());
  }

 private:
  SqlConditions conditions_;
  std::string key_column_;
  KeysetOrder order_;
  int limit_;
  int fetch_;
};

template <typename Row, typename ToItem>
auto KeysetPage::FetchRows(soci::session& sql, const std::string& select_from, ToItem to_item) {
  return persistence::FetchRows<Row>(
      sql, select_from + Sql(), [this](soci::statement& statement) { Use(statement); }, to_item);
}

}  // namespace casus::persistence
