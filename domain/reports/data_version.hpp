#pragma once

#include <cstdint>

namespace casus::domain {

// Port: a number that changes whenever data a year report is computed from changes (a casus,
// a transition, a signal, an activity, a wijk), whichever process changed it. Reports are
// cached under it (ReportCache). Thread-safety: Current may be called concurrently.
class DataVersion {
 public:
  virtual ~DataVersion() = default;
  virtual std::int64_t Current() = 0;
};

}  // namespace casus::domain
