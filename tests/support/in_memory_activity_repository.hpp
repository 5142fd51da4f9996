#pragma once

#include <map>
#include <mutex>

#include "domain/ondermijning/activity.hpp"

namespace casus::testing {

// An ActivityRepository in memory. Thread-safe through one mutex.
class InMemoryActivityRepository final : public domain::ActivityRepository {
 public:
  domain::Activity Create(const domain::Activity& activity) override {
    std::lock_guard lock(mutex_);
    auto stored = activity;
    stored.id = ++last_id_;
    activities_[stored.id] = stored;
    return stored;
  }

  domain::ActivityPage List(const domain::ActivityFilter& filter) override {
    std::lock_guard lock(mutex_);
    domain::ActivityPage page;
    for (auto it = activities_.upper_bound(filter.after.value_or(0)); it != activities_.end();
         ++it) {
      const auto& a = it->second;
      if (filter.type && a.type != *filter.type) continue;
      if (filter.year && a.on.year() != *filter.year) continue;
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next = page.items.back().id;
        break;
      }
      page.items.push_back(a);
    }
    return page;
  }

  std::vector<domain::Activity> Between(domain::Date from, domain::Date to) override {
    std::lock_guard lock(mutex_);
    std::vector<domain::Activity> found;
    for (const auto& [id, a] : activities_) {
      if (a.on >= from && a.on <= to) found.push_back(a);
    }
    return found;
  }

 private:
  std::mutex mutex_;
  domain::ActivityId last_id_ = 0;
  std::map<domain::ActivityId, domain::Activity> activities_;
};

}  // namespace casus::testing
