#include "domain/reports/suppression_plan.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <queue>
#include <tuple>

namespace casus::domain {

namespace {

using Grid = std::vector<std::vector<int>>;
using Mask = std::vector<std::vector<bool>>;

struct Cell {
  std::size_t row = 0;
  std::size_t column = 0;
  bool operator==(const Cell&) const = default;
};

Mask PrimaryMask(const Grid& cells, const CellSuppression& suppression) {
  Mask hidden;
  for (const auto& row : cells) {
    hidden.emplace_back();
    for (const int count : row) hidden.back().push_back(suppression.Hides(count));
  }
  return hidden;
}

// A table with every margin published, seen as a transportation problem: once the shown cells
// are subtracted, the hidden cells of each row must add up to what is left of its total, and
// those of each column likewise. Node r is row r, node rows + c column c. A cell offers an
// increase arc from its row to its column, and a decrease arc back when its value is at least 2
// (a hidden cell stays at least 1). Raising and lowering cells alternately along a directed
// cycle keeps every total, so a hidden cell can take another value exactly when a cycle of
// hidden cells' arcs passes through it (the difference of two solutions splits into such
// cycles). Zero cells offer no arcs: they are never hidden, so they are known.
class TableNetwork {
 public:
  TableNetwork(const Grid& cells, const Mask& hidden)
      : cells_(cells), hidden_(hidden), rows_(cells.size()), columns_(ColumnCount(cells)) {}

  // Whether the published figures allow the hidden cell `cell` more than one value.
  bool Varies(Cell cell) const { return CheapestCycle(cell, /*hidden_only=*/true).has_value(); }

  // The shown cells to hide so that `cell` varies: those of the cheapest cycle through it over
  // the arcs of every non-zero cell, a shown cell costing its value (hide the least
  // informative) and a little for each cell (then the fewest). nullopt when no cycle exists:
  // the totals give the cell away whatever else is hidden.
  std::optional<std::vector<Cell>> CheapestCycle(Cell cell, bool hidden_only) const {
    const std::size_t row = cell.row;
    const std::size_t column = rows_ + cell.column;
    // Raising the cell, the cycle returns from its column to its row; lowering it (only from 2
    // up), from its row to its column without the cell's own arc.
    auto up = CheapestPath(column, row, cell, hidden_only);
    std::optional<Path> down;
    if (cells_[cell.row][cell.column] >= 2) down = CheapestPath(row, column, cell, hidden_only);
    if (up && (!down || up->cost <= down->cost)) return up->shown;
    if (down) return down->shown;
    return std::nullopt;
  }

 private:
  struct Path {
    std::int64_t cost = 0;
    std::vector<Cell> shown;  // the shown cells it uses
  };

  static constexpr std::int64_t kPerCell = 1;
  static constexpr std::int64_t kPerCount = 1024;  // above any number of cells on a path

  static std::size_t ColumnCount(const Grid& cells) { return cells.empty() ? 0 : cells[0].size(); }

  // The cell an arc between `from` and `to` belongs to (one of them a row, the other a column).
  Cell CellOf(std::size_t from, std::size_t to) const {
    return from < rows_ ? Cell{from, to - rows_} : Cell{to, from - rows_};
  }

  // Dijkstra over the arcs of every non-zero cell but `skip` (only the hidden ones when
  // `hidden_only`). Ties go to the lower node, so the plan is deterministic.
  std::optional<Path> CheapestPath(std::size_t from, std::size_t to, Cell skip,
                                   bool hidden_only) const {
    const std::size_t nodes = rows_ + columns_;
    constexpr std::int64_t kUnreached = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int64_t> distance(nodes, kUnreached);
    std::vector<std::size_t> previous(nodes, nodes);
    using Entry = std::pair<std::int64_t, std::size_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    distance[from] = 0;
    queue.push({0, from});
    while (!queue.empty()) {
      const auto [cost, node] = queue.top();
      queue.pop();
      if (cost != distance[node]) continue;
      if (node == to) break;
      const bool is_row = node < rows_;
      const std::size_t first = is_row ? rows_ : 0;
      const std::size_t last = is_row ? nodes : rows_;
      for (std::size_t next = first; next < last; ++next) {
        const Cell cell = CellOf(node, next);
        if (cell == skip) continue;
        const int value = cells_[cell.row][cell.column];
        // An increase arc needs a non-zero cell, a decrease arc one of at least 2.
        if (value < (is_row ? 1 : 2)) continue;
        const bool hidden = hidden_[cell.row][cell.column];
        if (hidden_only && !hidden) continue;
        const std::int64_t step = hidden ? 0 : kPerCount * value + kPerCell;
        if (cost + step < distance[next]) {
          distance[next] = cost + step;
          previous[next] = node;
          queue.push({distance[next], next});
        }
      }
    }
    if (distance[to] == kUnreached) return std::nullopt;
    Path path{distance[to], {}};
    for (std::size_t node = to; node != from; node = previous[node]) {
      const Cell cell = CellOf(previous[node], node);
      if (!hidden_[cell.row][cell.column]) path.shown.push_back(cell);
    }
    return path;
  }

  const Grid& cells_;
  const Mask& hidden_;
  std::size_t rows_;
  std::size_t columns_;
};

// A list whose hidden cells add up to `left` (`exact`) or to at most `left`, each at least 1.
// With k hidden cells each can be anything from 1 to left - (k - 1), so a hidden cell is given
// away exactly when that range is a single value: all of them are 1 (left == k), or, for an
// exact sum, there is only the one.
bool ListGivesAway(int hidden_cells, long left, bool exact) {
  if (hidden_cells == 0) return false;
  return left == hidden_cells || (exact && hidden_cells == 1);
}

Mask PlanList(const std::vector<int>& counts, std::optional<long> at_most,
              const CellSuppression& suppression) {
  Mask hidden = PrimaryMask({counts}, suppression);
  auto& row = hidden[0];
  const bool exact = !at_most;
  const long bound = at_most.value_or(std::accumulate(counts.begin(), counts.end(), 0L));
  const int non_zero =
      static_cast<int>(std::count_if(counts.begin(), counts.end(), [](int c) { return c > 0; }));
  // Hiding more only widens every range, so when hiding every non-zero cell would not help,
  // nothing will.
  if (ListGivesAway(non_zero, bound, exact)) return hidden;
  const auto state = [&] {
    int cells = 0;
    long left = bound;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (row[i]) {
        ++cells;
      } else {
        left -= counts[i];
      }
    }
    return std::pair{cells, left};
  };
  for (auto [cells, left] = state(); ListGivesAway(cells, left, exact);
       std::tie(cells, left) = state()) {
    // The smallest shown non-zero count, the first of equals: one more cell of at least N
    // widens every hidden cell's range.
    std::size_t pick = counts.size();
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (!row[i] && counts[i] > 0 && (pick == counts.size() || counts[i] < counts[pick])) pick = i;
    }
    row[pick] = true;
  }
  return hidden;
}

}  // namespace

SuppressionPlan SuppressionPlan::ForTable(const std::vector<std::vector<int>>& cells,
                                          const CellSuppression& suppression) {
  SuppressionPlan plan;
  plan.suppression_ = suppression;
  plan.hidden_ = PrimaryMask(cells, suppression);
  const Mask primary = plan.hidden_;
  const TableNetwork network(cells, plan.hidden_);  // sees the mask grow
  // Greedy, one primary cell at a time: while it is given away, hide the shown cells of the
  // cheapest cycle through it. Finding the fewest cells that protect them all is NP-hard in
  // general; this is the classic network heuristic. Hiding more never narrows a cell's range,
  // so a cell once protected stays protected and one pass suffices.
  for (std::size_t r = 0; r < cells.size(); ++r) {
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      if (!primary[r][c] || network.Varies({r, c})) continue;
      const auto cycle = network.CheapestCycle({r, c}, /*hidden_only=*/false);
      if (!cycle) continue;  // the totals give it away whatever else is hidden
      for (const Cell& cell : *cycle) plan.hidden_[cell.row][cell.column] = true;
    }
  }
  return plan;
}

SuppressionPlan SuppressionPlan::ForList(const std::vector<int>& counts,
                                         const CellSuppression& suppression) {
  SuppressionPlan plan;
  plan.suppression_ = suppression;
  plan.hidden_ = PlanList(counts, std::nullopt, suppression);
  return plan;
}

SuppressionPlan SuppressionPlan::ForBoundedList(const std::vector<int>& counts, int at_most,
                                                const CellSuppression& suppression) {
  SuppressionPlan plan;
  plan.suppression_ = suppression;
  plan.hidden_ = PlanList(counts, at_most, suppression);
  return plan;
}

SuppressionPlan SuppressionPlan::ForUnrelated(const std::vector<int>& counts,
                                              const CellSuppression& suppression) {
  SuppressionPlan plan;
  plan.suppression_ = suppression;
  plan.hidden_ = PrimaryMask({counts}, suppression);
  return plan;
}

bool SuppressionPlan::Hides(std::size_t row, std::size_t column) const {
  return row < hidden_.size() && column < hidden_[row].size() && hidden_[row][column];
}

std::string SuppressionPlan::Show(std::size_t row, std::size_t column, int count) const {
  return Hides(row, column) ? Marker() : std::to_string(count);
}

void SuppressionPlan::Hide(std::size_t row, std::size_t column) {
  if (hidden_.size() <= row) hidden_.resize(row + 1);
  if (hidden_[row].size() <= column) hidden_[row].resize(column + 1, false);
  hidden_[row][column] = true;
}

bool SuppressionPlan::HidesAny() const {
  return std::any_of(hidden_.begin(), hidden_.end(), [](const std::vector<bool>& row) {
    return std::find(row.begin(), row.end(), true) != row.end();
  });
}

}  // namespace casus::domain
