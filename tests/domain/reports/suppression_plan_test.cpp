#include "domain/reports/suppression_plan.hpp"

#include <catch2/catch.hpp>
#include <numeric>
#include <random>
#include <vector>

#include "support/disclosure_attacker.hpp"

using casus::domain::CellSuppression;
using casus::domain::SuppressionPlan;
using casus::testing::DisclosureAttacker;
using casus::testing::PublishedList;
using casus::testing::PublishedTable;

namespace {

using Grid = std::vector<std::vector<int>>;

// Counts as small tables have them: many zeros and ones, a few larger.
int RandomCount(std::mt19937& random) {
  static constexpr int kCounts[] = {0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8};
  return kCounts[std::uniform_int_distribution<int>(0, std::size(kCounts) - 1)(random)];
}

Grid RandomGrid(std::mt19937& random) {
  const int rows = std::uniform_int_distribution<int>(2, 5)(random);
  const int columns = std::uniform_int_distribution<int>(2, 4)(random);
  Grid cells(rows, std::vector<int>(columns));
  for (auto& row : cells)
    for (int& cell : row) cell = RandomCount(random);
  return cells;
}

// The table as a reader gets it, with the cells `hidden` says are hidden.
template <typename Hidden>
PublishedTable Publish(const Grid& cells, const Hidden& hidden) {
  PublishedTable table;
  table.column_totals.assign(cells[0].size(), 0);
  for (std::size_t r = 0; r < cells.size(); ++r) {
    table.cells.emplace_back();
    table.row_totals.push_back(std::accumulate(cells[r].begin(), cells[r].end(), 0));
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      table.column_totals[c] += cells[r][c];
      table.cells.back().push_back(hidden(r, c) ? std::nullopt : std::optional(cells[r][c]));
    }
  }
  return table;
}

PublishedTable Publish(const Grid& cells, const SuppressionPlan& plan) {
  return Publish(cells, [&](std::size_t r, std::size_t c) { return plan.Hides(r, c); });
}

// The same table with every non-zero cell hidden: the most any plan can do.
PublishedTable PublishAllNonZero(const Grid& cells) {
  return Publish(cells, [&](std::size_t r, std::size_t c) { return cells[r][c] > 0; });
}

PublishedList PublishList(const std::vector<int>& counts, const SuppressionPlan& plan,
                          std::optional<int> at_most) {
  PublishedList list;
  for (std::size_t i = 0; i < counts.size(); ++i)
    list.cells.push_back(plan.Hides(i) ? std::nullopt : std::optional(counts[i]));
  list.total = at_most.value_or(std::accumulate(counts.begin(), counts.end(), 0));
  list.exact = !at_most;
  return list;
}

}  // namespace

TEST_CASE("An attacker solving the totals of random tables pins down no small hidden cell",
          "[domain][suppression][property]") {
  DisclosureAttacker attacker;
  int protected_cells = 0;
  int given_away_by_totals = 0;
  int secondary_cells = 0;
  for (unsigned seed = 1; seed <= 1500; ++seed) {
    std::mt19937 random(seed);
    const Grid cells = RandomGrid(random);
    const CellSuppression suppression{std::uniform_int_distribution<int>(2, 6)(random)};
    const SuppressionPlan plan = SuppressionPlan::ForTable(cells, suppression);
    const PublishedTable published = Publish(cells, plan);
    for (std::size_t r = 0; r < cells.size(); ++r) {
      for (std::size_t c = 0; c < cells[r].size(); ++c) {
        INFO("seed " << seed << " cell " << r << "/" << c << " below " << suppression.below);
        const int value = cells[r][c];
        // Every small cell is hidden, zero never, a further cell only among the larger ones.
        CHECK((!suppression.Hides(value) || plan.Hides(r, c)));
        CHECK((value > 0 || !plan.Hides(r, c)));
        if (!plan.Hides(r, c)) continue;
        if (!suppression.Hides(value)) {
          ++secondary_cells;
          continue;
        }
        if (attacker.CanDiffer(published, r, c, value)) {
          ++protected_cells;
        } else {
          // Only where the totals give the cell away whatever else would be hidden.
          CHECK_FALSE(attacker.CanDiffer(PublishAllNonZero(cells), r, c, value));
          ++given_away_by_totals;
        }
      }
    }
  }
  // The property is not vacuous: most small cells needed protecting and got it.
  CHECK(protected_cells > 2 * given_away_by_totals);
  CHECK(secondary_cells > 0);
}

TEST_CASE("An attacker solving the total of random lists pins down no small hidden count",
          "[domain][suppression][property]") {
  DisclosureAttacker attacker;
  int protected_cells = 0;
  int secondary_cells = 0;
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    std::mt19937 random(seed);
    std::vector<int> counts(std::uniform_int_distribution<int>(2, 6)(random));
    for (int& count : counts) count = RandomCount(random);
    const CellSuppression suppression{std::uniform_int_distribution<int>(2, 6)(random)};
    const int sum = std::accumulate(counts.begin(), counts.end(), 0);
    // Half the lists publish their sum, half only a bound on it (outcomes of closed casussen).
    const std::optional<int> at_most =
        seed % 2 == 0 ? std::optional(sum + std::uniform_int_distribution<int>(0, 3)(random))
                      : std::nullopt;
    const SuppressionPlan plan =
        at_most ? SuppressionPlan::ForBoundedList(counts, *at_most, suppression)
                : SuppressionPlan::ForList(counts, suppression);
    const PublishedList published = PublishList(counts, plan, at_most);
    PublishedList all_non_zero = published;
    for (std::size_t i = 0; i < counts.size(); ++i)
      if (counts[i] > 0) all_non_zero.cells[i].reset();
    for (std::size_t i = 0; i < counts.size(); ++i) {
      INFO("seed " << seed << " count " << i << " below " << suppression.below);
      if (suppression.Hides(counts[i])) REQUIRE(plan.Hides(i));
      if (!plan.Hides(i)) continue;
      REQUIRE(counts[i] > 0);
      if (!suppression.Hides(counts[i])) {
        ++secondary_cells;
      } else if (attacker.CanDiffer(published, counts[i])) {
        ++protected_cells;
      } else {
        CHECK_FALSE(attacker.CanDiffer(all_non_zero, counts[i]));
      }
    }
  }
  CHECK(protected_cells > 0);
  CHECK(secondary_cells > 0);
}

TEST_CASE("Below 2 nothing is hidden and tables without small cells are published as they are",
          "[domain][suppression]") {
  const Grid cells = {{8, 0, 12}, {5, 7, 0}, {0, 9, 30}};
  for (const int below : {0, 1, 2, 5}) {
    INFO(below);
    const auto plan = SuppressionPlan::ForTable(cells, CellSuppression{below});
    CHECK_FALSE(plan.HidesAny());
  }
  CHECK_FALSE(SuppressionPlan::ForTable({{1, 2}, {3, 1}}, CellSuppression{1}).HidesAny());
  CHECK_FALSE(SuppressionPlan::ForList({1, 0, 3}, CellSuppression{1}).HidesAny());
  CHECK_FALSE(SuppressionPlan::ForList({7, 0, 9}, CellSuppression{5}).HidesAny());
  CHECK_FALSE(SuppressionPlan::ForBoundedList({7, 5}, 12, CellSuppression{5}).HidesAny());
}

TEST_CASE("One small count in a list is hidden with the smallest count beside it",
          "[domain][suppression]") {
  // Signals by source, suppress_below=10: 177 - 122 - 14 - 32 = 9 unless 14 goes too.
  const auto plan = SuppressionPlan::ForList({122, 14, 32, 9}, CellSuppression{10});
  CHECK(plan.Show(0, 122) == "122");
  CHECK(plan.Show(1, 14) == "<10");
  CHECK(plan.Show(2, 32) == "32");
  CHECK(plan.Show(3, 9) == "<10");
  // Two hidden ones summing to 2 are both 1: a third cell goes.
  const auto ones = SuppressionPlan::ForList({1, 1, 6, 20}, CellSuppression{5});
  CHECK((ones.Hides(0) && ones.Hides(1) && ones.Hides(2) && !ones.Hides(3)));
}

TEST_CASE("A small cell alone in its row and column is hidden with a cheapest rectangle",
          "[domain][suppression]") {
  // Noordhove's 8,1,0,1 row: hiding the two ones leaves 10 - 8 = 2 for two cells of at least 1.
  const Grid cells = {{8, 1, 0, 1}, {6, 9, 5, 7}, {12, 30, 0, 6}};
  const auto plan = SuppressionPlan::ForTable(cells, CellSuppression{5});
  CHECK(plan.Hides(0, 1));
  CHECK(plan.Hides(0, 3));
  DisclosureAttacker attacker;
  const auto published = Publish(cells, plan);
  CHECK(attacker.CanDiffer(published, 0, 1, 1));
  CHECK(attacker.CanDiffer(published, 0, 3, 1));
  // The fewest, least informative cells: not the whole table.
  int hidden = 0;
  for (std::size_t r = 0; r < cells.size(); ++r)
    for (std::size_t c = 0; c < cells[r].size(); ++c) hidden += plan.Hides(r, c);
  CHECK(hidden <= 6);
}

TEST_CASE("Four hidden ones in a rectangle are each pinned down so the plan widens it",
          "[domain][suppression]") {
  // Every ≥ 1 and the sums force each 1 in {{1,1},{1,1}} with everything else shown.
  const Grid cells = {{1, 1, 9}, {1, 1, 8}, {7, 6, 5}};
  const auto plan = SuppressionPlan::ForTable(cells, CellSuppression{2});
  DisclosureAttacker attacker;
  const auto published = Publish(cells, plan);
  for (std::size_t r = 0; r < 2; ++r)
    for (std::size_t c = 0; c < 2; ++c) CHECK(attacker.CanDiffer(published, r, c, 1));
  // Without the further cells the attacker would have them.
  const auto primary_only =
      Publish(cells, [&](std::size_t r, std::size_t c) { return cells[r][c] == 1; });
  CHECK_FALSE(attacker.CanDiffer(primary_only, 0, 0, 1));
}

TEST_CASE("A cell the totals give away is hidden but nothing more is hidden for it",
          "[domain][suppression]") {
  // The first row's only casus: its total is the cell.
  const auto plan = SuppressionPlan::ForTable({{0, 3, 0}, {9, 8, 7}}, CellSuppression{5});
  CHECK(plan.Hides(0, 1));
  CHECK_FALSE(plan.Hides(1, 0));
  CHECK_FALSE(plan.Hides(1, 1));
  CHECK_FALSE(plan.Hides(1, 2));
}
