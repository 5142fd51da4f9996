#pragma once

#include <string>

namespace casus::domain {

// Small-cell suppression for open-data publication (`?suppress_below=N`): a cell counting 1 to
// N-1 casussen or signals is shown as a marker, so that no small group of people can be
// singled out. Zero stays zero (it discloses nobody) and totals stay true.
struct CellSuppression {
  int below = 0;  // 0 or 1: nothing is suppressed

  bool Hides(int count) const { return below > 1 && count >= 1 && count < below; }
  std::string Marker() const { return "<" + std::to_string(below); }
  // The cell as published: the count, or the marker.
  std::string Show(int count) const { return Hides(count) ? Marker() : std::to_string(count); }
};

}  // namespace casus::domain
