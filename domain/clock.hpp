#pragma once

#include <string>

#include "domain/date.hpp"

namespace casus::domain {

// Port: what time it is. The domain never reads the system clock itself, so that tests can
// fix "today". Implementations must be thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date Today() const = 0;          // the local working day
  virtual std::string NowUtc() const = 0;  // "YYYY-MM-DDTHH:MM:SSZ"
};

// The real clock. "Today" is taken in UTC, which differs from Dutch local time only in the
// first hour or two after midnight; a date entered then may be refused as future once.
class SystemClock final : public Clock {
 public:
  Date Today() const override;
  std::string NowUtc() const override;
};

// A clock that stands still, for tests and reproducible demo data.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date today) : today_(today) {}
  Date Today() const override { return today_; }
  std::string NowUtc() const override { return today_.ToString() + "T12:00:00Z"; }

 private:
  Date today_;
};

}  // namespace casus::domain
