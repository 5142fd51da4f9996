#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/reports/cell_suppression.hpp"

namespace casus::domain {

// Which cells of a published table of counts `?suppress_below=N` hides: every cell counting 1
// to N-1 (primary suppression, CellSuppression::Hides), and then as few further non-zero cells
// as it takes (secondary suppression) that no primary cell can be worked out from the figures
// that stay shown. Every hidden cell shows the same marker, so a reader cannot tell the two
// kinds apart.
//
// The reader this guards against knows every shown cell and every published total, knows that
// zero is never hidden (so every hidden cell is at least 1), and solves the equations. A
// primary cell is protected when the shown figures allow it at least two values.
//
// Totals stay true, so a few cells cannot be protected at all: those the totals give away even
// with every non-zero cell of the table hidden (a wijk whose casussen all fall in one cell, a
// list whose total is the number of its non-zero cells). They are still hidden as primary
// cells, and nothing further is hidden on their account, since it would not help.
//
// Pure and deterministic: the same counts always give the same plan, so a table published
// twice (a year's report and the period of that year) is hidden the same way both times.
class SuppressionPlan {
 public:
  // Hides nothing.
  SuppressionPlan() = default;

  // A table `cells[row][column]` (every row the same length) whose row totals, column totals
  // and grand total are all published, as Tabel 5.1's wijk rows, their totals and its Totaal
  // row are.
  static SuppressionPlan ForTable(const std::vector<std::vector<int>>& cells,
                                  const CellSuppression& suppression);

  // A list whose sum is published (the signals by source and their total).
  static SuppressionPlan ForList(const std::vector<int>& counts,
                                 const CellSuppression& suppression);

  // A list whose sum is known only to be at most `at_most` (outcomes of the closed casussen:
  // some casussen close without one of the outcomes counted).
  static SuppressionPlan ForBoundedList(const std::vector<int>& counts, int at_most,
                                        const CellSuppression& suppression);

  // Counts no published figure adds up (themes: a signal may have several): primary only.
  static SuppressionPlan ForUnrelated(const std::vector<int>& counts,
                                      const CellSuppression& suppression);

  bool Hides(std::size_t row, std::size_t column) const;
  bool Hides(std::size_t index) const { return Hides(0, index); }
  // The cell as published: the count, or the marker.
  std::string Show(std::size_t row, std::size_t column, int count) const;
  std::string Show(std::size_t index, int count) const { return Show(0, index, count); }
  std::string Marker() const { return suppression_.Marker(); }
  // Hides the cell too (a figure that follows another: sluiting within handhaving).
  void Hide(std::size_t row, std::size_t column);
  bool HidesAny() const;

 private:
  CellSuppression suppression_;
  std::vector<std::vector<bool>> hidden_;  // empty: nothing hidden
};

}  // namespace casus::domain
