#include "domain/access/refusal_tally.hpp"

#include <utility>

namespace casus::domain {

namespace {

std::string MinuteOf(const std::string& instant) { return instant.substr(0, 16); }

}  // namespace

RefusalTally::Key RefusalTally::KeyOf(const AuditEvent& event) {
  return {MinuteOf(event.at), event.client};
}

std::vector<AuditEvent> RefusalTally::Add(const AuditEvent& refusal) {
  std::lock_guard lock(mutex_);
  const auto [it, added] = rows_.try_emplace(KeyOf(refusal), refusal);
  if (!added) it->second.count += refusal.count;
  if (rows_.size() >= kMaxClients) {
    std::vector<AuditEvent> all;
    all.reserve(rows_.size());
    for (auto& [key, row] : rows_) all.push_back(std::move(row));
    rows_.clear();
    return all;
  }
  return TakeBefore(MinuteOf(refusal.at));
}

std::vector<AuditEvent> RefusalTally::TakeFinished(const std::string& now) {
  std::lock_guard lock(mutex_);
  return TakeBefore(MinuteOf(now));
}

std::vector<AuditEvent> RefusalTally::TakeAll() {
  std::lock_guard lock(mutex_);
  std::vector<AuditEvent> all;
  for (auto& [key, row] : rows_) all.push_back(std::move(row));
  rows_.clear();
  return all;
}

void RefusalTally::PutBack(const std::vector<AuditEvent>& rows) {
  std::lock_guard lock(mutex_);
  for (const AuditEvent& row : rows) {
    const auto [it, added] = rows_.try_emplace(KeyOf(row), row);
    if (!added) {
      // The earlier row stays the row of its minute; it counts the later ones too.
      const std::int64_t later = it->second.count;
      it->second = row;
      it->second.count += later;
    }
  }
}

std::vector<AuditEvent> RefusalTally::TakeBefore(const std::string& minute) {
  std::vector<AuditEvent> due;
  auto it = rows_.begin();
  while (it != rows_.end() && it->first.first < minute) {
    due.push_back(std::move(it->second));
    it = rows_.erase(it);
  }
  return due;
}

}  // namespace casus::domain
