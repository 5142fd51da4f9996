#pragma once

#include <functional>

#include <catch2/catch.hpp>

#include "domain/error.hpp"

namespace casus::testing {

// The code of the DomainError `action` throws; a test failure when it throws none.
inline domain::ErrorCode CodeOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const domain::DomainError& error) {
    return error.code();
  }
  FAIL("expected a DomainError");
  return domain::ErrorCode::kMalformed;
}

}  // namespace casus::testing
