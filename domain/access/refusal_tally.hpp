#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "domain/access/audit_trail.hpp"

namespace casus::domain {

// Requests refused before anyone was identified (no valid token), counted per client address
// and minute: a flood of bad tokens then costs one audit row per client per minute instead of
// one fsync'd row per request, which let such a flood halve the legitimate write rate. The
// row of a minute is its first refusal, with `count` holding how many there were.
//
// Rows leave the tally when their minute is over (TakeFinished, which AccessGate calls on
// every refusal and the server every few seconds), when it holds kMaxClients rows (all go at
// once, so memory stays bounded under a spread-out flood), or at shutdown (TakeAll).
//
// Thread-safety: every member may be called concurrently.
class RefusalTally {
 public:
  static constexpr std::size_t kMaxClients = 10'000;

  // Counts `refusal` (its `at` a UTC instant "YYYY-MM-DDTHH:MM:SSZ") and returns the rows
  // that are due: those of minutes before the refusal's own, or every row at kMaxClients.
  std::vector<AuditEvent> Add(const AuditEvent& refusal);

  // The rows of minutes before the minute of `now`.
  std::vector<AuditEvent> TakeFinished(const std::string& now);
  std::vector<AuditEvent> TakeAll();

  // Puts rows back that could not be written, adding their counts to what came meanwhile.
  void PutBack(const std::vector<AuditEvent>& rows);

 private:
  // (minute "YYYY-MM-DDTHH:MM", client): ordered by minute, so finished rows come first.
  using Key = std::pair<std::string, std::string>;
  static Key KeyOf(const AuditEvent& event);
  std::vector<AuditEvent> TakeBefore(const std::string& minute);  // mutex_ held

  std::mutex mutex_;
  std::map<Key, AuditEvent> rows_;
};

}  // namespace casus::domain
