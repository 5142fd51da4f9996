#include "persistence/sql_query.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "persistence/database.hpp"

namespace casus::persistence {
namespace {

// A table of its own, so that the builder is tried apart from the schema.
struct Item {
  std::int64_t id = 0;
  std::string colour;
  std::int64_t size = 0;
};

struct ItemRow {
  std::int64_t id = 0;
  std::string colour;
  std::int64_t size = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(colour));
    statement.exchange(soci::into(size));
  }
  Item ToItem() const { return {id, colour, size}; }
};

struct Filter {
  std::optional<std::string> colour;
  std::optional<std::int64_t> min_size;
};

SqlConditions ConditionsOf(const Filter& filter) {
  SqlConditions conditions;
  conditions.WhereIf(filter.colour, "i.colour = :colour", "colour")
      .WhereIf(filter.min_size, "i.size >= :min_size", "min_size");
  return conditions;
}

class ItemTable {
 public:
  ItemTable() : database_(":memory:") {
    SessionLease sql(database_);
    *sql << "CREATE TABLE items (id INTEGER PRIMARY KEY, colour TEXT NOT NULL, "
            "size INTEGER NOT NULL)";
  }

  void Add(const Item& item) {
    SessionLease sql(database_);
    Item copy = item;
    *sql << "INSERT INTO items (id, colour, size) VALUES (:id, :colour, :size)",
        soci::use(copy.id, "id"), soci::use(copy.colour, "colour"), soci::use(copy.size, "size");
  }

  struct Page {
    std::vector<Item> items;
    std::optional<std::int64_t> next;
  };

  Page List(const Filter& filter, std::optional<std::int64_t> after, int limit) {
    SessionLease sql(database_);
    KeysetPage query(ConditionsOf(filter), "i.id", after, limit);
    Page page;
    page.items = query.FetchRows<ItemRow>(*sql, "SELECT i.id, i.colour, i.size FROM items i",
                                          &ItemRow::ToItem);
    page.next = query.Finish(page.items, [](const Item& item) { return item.id; });
    return page;
  }

  // The ids the page's IdsOf subquery selects, to check that children are fetched for
  // exactly the page's rows.
  std::vector<std::int64_t> IdsOf(const Filter& filter, std::optional<std::int64_t> after,
                                  int limit) {
    SessionLease sql(database_);
    KeysetPage query(ConditionsOf(filter), "i.id", after, limit);
    std::vector<std::int64_t> ids;
    std::int64_t id = 0;
    soci::statement statement(*sql);
    statement.exchange(soci::into(id));
    query.Use(statement);
    statement.alloc();
    statement.prepare(query.IdsOf("items i"));
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
    return ids;
  }

 private:
  Database database_;
};

std::vector<std::int64_t> Ids(const std::vector<Item>& items) {
  std::vector<std::int64_t> ids;
  for (const Item& item : items) ids.push_back(item.id);
  return ids;
}

TEST_CASE("Conditions join with AND in the order added and bind their values by name",
          "[persistence][sql_query]") {
  SqlConditions none;
  CHECK(none.Sql().empty());

  SqlConditions conditions;
  conditions.Where("a = :a", "a", std::string("x"))
      .WhereIf(std::optional<std::string>(), "b = :b", "b")
      .Where("c BETWEEN :from AND :to", "from", "1", "to", "2")
      .Where("d IS NULL");
  CHECK(conditions.Sql() == " WHERE a = :a AND c BETWEEN :from AND :to AND d IS NULL");
}

TEST_CASE("The SQL text depends on which conditions are present, never on their values",
          "[persistence][sql_query]") {
  const auto sql = [](const Filter& filter) {
    return KeysetPage(ConditionsOf(filter), "i.id", std::nullopt, 10).Sql();
  };
  CHECK(sql({"red", 3}) == sql({"blue", 99}));
  CHECK(sql({"red", std::nullopt}) != sql({"red", 3}));
  CHECK(sql({"' OR 1=1 --", std::nullopt}).find("OR 1=1") == std::string::npos);
}

TEST_CASE("A value that looks like SQL is matched as text, not run", "[persistence][sql_query]") {
  ItemTable table;
  table.Add({1, "red", 1});
  table.Add({2, "' OR '1'='1", 1});
  const auto page = table.List({"' OR '1'='1", std::nullopt}, std::nullopt, 10);
  CHECK(Ids(page.items) == std::vector<std::int64_t>{2});
}

TEST_CASE("A page holds at most limit rows and names the cursor of the next one",
          "[persistence][sql_query]") {
  ItemTable table;
  for (std::int64_t id = 1; id <= 5; ++id) table.Add({id, "red", id});
  const auto first = table.List({}, std::nullopt, 2);
  CHECK(Ids(first.items) == std::vector<std::int64_t>{1, 2});
  CHECK(first.next == 2);
  const auto last = table.List({}, 4, 2);
  CHECK(Ids(last.items) == std::vector<std::int64_t>{5});
  CHECK_FALSE(last.next);
  const auto exact = table.List({}, 3, 2);
  CHECK(Ids(exact.items) == std::vector<std::int64_t>{4, 5});
  CHECK_FALSE(exact.next);  // the look-ahead row found nothing
  CHECK_THROWS_AS(KeysetPage(SqlConditions(), "i.id", std::nullopt, 0), std::invalid_argument);
}

TEST_CASE("The ids subquery selects the page's rows and its look-ahead row",
          "[persistence][sql_query]") {
  ItemTable table;
  for (std::int64_t id = 1; id <= 6; ++id) table.Add({id, id % 2 == 0 ? "red" : "blue", id});
  CHECK(table.IdsOf({"red", std::nullopt}, std::nullopt, 1) == std::vector<std::int64_t>{2, 4});
  CHECK(table.IdsOf({"red", std::nullopt}, 4, 5) == std::vector<std::int64_t>{6});
}

TEST_CASE("Paging through any filter visits exactly the matching rows, once each, in order",
          "[persistence][sql_query][property]") {
  std::mt19937 random(20241231);
  const std::vector<std::string> colours = {"red", "blue", "green"};
  for (int round = 0; round < 20; ++round) {
    ItemTable table;
    std::vector<Item> all;
    std::int64_t id = 0;
    const int count = std::uniform_int_distribution<int>(0, 60)(random);
    for (int i = 0; i < count; ++i) {
      id += std::uniform_int_distribution<int>(1, 3)(random);  // ids with gaps
      all.push_back({id, colours[random() % colours.size()],
                     std::uniform_int_distribution<std::int64_t>(0, 9)(random)});
      table.Add(all.back());
    }
    Filter filter;
    if (random() % 2) filter.colour = colours[random() % colours.size()];
    if (random() % 2) filter.min_size = std::uniform_int_distribution<std::int64_t>(0, 9)(random);
    const int limit = std::uniform_int_distribution<int>(1, 7)(random);

    std::vector<std::int64_t> expected;  // the oracle: filter in memory
    for (const Item& item : all) {
      if ((!filter.colour || item.colour == *filter.colour) &&
          (!filter.min_size || item.size >= *filter.min_size)) {
        expected.push_back(item.id);
      }
    }
    std::vector<std::int64_t> visited;
    std::optional<std::int64_t> after;
    for (int pages = 0; pages <= count + 1; ++pages) {
      const auto page = table.List(filter, after, limit);
      REQUIRE(static_cast<int>(page.items.size()) <= limit);
      for (const Item& item : page.items) visited.push_back(item.id);
      if (!page.next) break;
      REQUIRE(static_cast<int>(page.items.size()) == limit);
      after = page.next;
    }
    CHECK(visited == expected);
  }
}

}  // namespace
}  // namespace casus::persistence
