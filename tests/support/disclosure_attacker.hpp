#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <vector>

namespace casus::testing {

// The reader a suppressed publication must withstand, written independently of
// domain::SuppressionPlan: it knows every shown cell and every published total, knows that a
// hidden cell is at least 1 (zero is never hidden), and tries every assignment of whole numbers
// to the hidden cells that agrees with all of them. Brute force with pruning, for small tables.

// A published table: a cell is its value, or nullopt where the marker stands. Every row total
// and every column total is published (the grand total is their sum).
struct PublishedTable {
  std::vector<std::vector<std::optional<int>>> cells;
  std::vector<int> row_totals;
  std::vector<int> column_totals;
};

// A published list: its total is exact, or known only as an upper bound.
struct PublishedList {
  std::vector<std::optional<int>> cells;
  int total = 0;
  bool exact = true;
};

class DisclosureAttacker {
 public:
  // Tries at most `budget` partial assignments per question; beyond that it throws, so a test
  // never passes on a search it did not finish.
  explicit DisclosureAttacker(long budget = 5'000'000) : budget_(budget) {}

  // Whether the published figures allow hidden cell (row, column) a value other than `value`.
  bool CanDiffer(const PublishedTable& table, std::size_t row, std::size_t column, int value) {
    Search search{table, {}, {}, {}, {}, {}, budget_};
    const std::size_t rows = table.cells.size();
    const std::size_t columns = table.column_totals.size();
    search.row_left.assign(table.row_totals.begin(), table.row_totals.end());
    search.column_left.assign(table.column_totals.begin(), table.column_totals.end());
    search.row_hidden.assign(rows, 0);
    search.column_hidden.assign(columns, 0);
    search.order.push_back({row, column});  // the questioned cell first: it prunes the most
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < columns; ++c) {
        if (const auto shown = table.cells[r][c]) {
          search.row_left[r] -= *shown;
          search.column_left[c] -= *shown;
        } else {
          ++search.row_hidden[r];
          ++search.column_hidden[c];
          if (r != row || c != column) search.order.push_back({r, c});
        }
      }
    }
    return search.Assign(0, value);
  }

  // Whether the published figures allow a hidden cell of the list a value other than `value`
  // (the hidden cells of a list are interchangeable: one question serves them all).
  bool CanDiffer(const PublishedList& list, int value) {
    long left = list.total;
    int hidden = 0;
    for (const auto& cell : list.cells) {
      if (cell) {
        left -= *cell;
      } else {
        ++hidden;
      }
    }
    long budget = budget_;
    // Every value of the questioned cell, then whether the others (at least 1 each) can fill
    // what is left, by trying every value for each in turn.
    const auto fill = [&](auto&& self, int cells, long rest) -> bool {
      if (--budget < 0) throw std::runtime_error("attacker's search budget exhausted");
      if (cells == 0) return list.exact ? rest == 0 : rest >= 0;
      for (long v = 1; v <= rest; ++v) {
        if (self(self, cells - 1, rest - v)) return true;
      }
      return false;
    };
    for (long v = 1; v <= left; ++v) {
      if (v != value && fill(fill, hidden - 1, left - v)) return true;
    }
    return false;
  }

 private:
  struct Search {
    const PublishedTable& table;
    std::vector<long> row_left;
    std::vector<long> column_left;
    std::vector<int> row_hidden;  // hidden cells not yet assigned
    std::vector<int> column_hidden;
    std::vector<std::pair<std::size_t, std::size_t>> order;
    long budget;

    // Whether every row and column can still be filled: what is left is at least 1 for each
    // of its unassigned hidden cells, and nothing once there are none.
    bool Fillable() const {
      for (std::size_t r = 0; r < row_left.size(); ++r) {
        if (row_left[r] < row_hidden[r] || (row_hidden[r] == 0 && row_left[r] != 0)) return false;
      }
      for (std::size_t c = 0; c < column_left.size(); ++c) {
        if (column_left[c] < column_hidden[c] || (column_hidden[c] == 0 && column_left[c] != 0)) {
          return false;
        }
      }
      return true;
    }

    bool Assign(std::size_t k, int avoid) {
      if (--budget < 0) throw std::runtime_error("attacker's search budget exhausted");
      if (!Fillable()) return false;
      if (k == order.size()) return true;
      const auto [r, c] = order[k];
      // What the row and column can still give this cell, the others of each taking 1 at least;
      // the last hidden cell of a row or column takes exactly what is left.
      const long most =
          std::min(row_left[r] - (row_hidden[r] - 1), column_left[c] - (column_hidden[c] - 1));
      long least = 1;
      if (row_hidden[r] == 1) least = std::max(least, row_left[r]);
      if (column_hidden[c] == 1) least = std::max(least, column_left[c]);
      for (long v = least; v <= most; ++v) {
        if (k == 0 && v == avoid) continue;
        row_left[r] -= v;
        column_left[c] -= v;
        --row_hidden[r];
        --column_hidden[c];
        const bool found = Assign(k + 1, avoid);
        row_left[r] += v;
        column_left[c] += v;
        ++row_hidden[r];
        ++column_hidden[c];
        if (found) return true;
      }
      return false;
    }
  };

  long budget_;
};

}  // namespace casus::testing
