#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/cases/case_repository.hpp"
#include "domain/cases/district_repository.hpp"

namespace casus::testing {

// A CaseRepository in memory, for domain and router tests that need no database.
// Thread-safe through one mutex.
class InMemoryCaseRepository final : public domain::CaseRepository {
 public:
  domain::Casus Create(const domain::NewCase& fields,
                       const domain::TransitionRecord& registration) override {
    std::lock_guard lock(mutex_);
    domain::Casus casus;
    casus.id = ++last_id_;
    casus.kind = fields.kind;
    casus.state = registration.to;
    casus.district = fields.district;
    casus.housing_type = fields.housing_type;
    casus.reported_on = fields.reported_on;
    casus.categories = fields.categories;
    casus.summary = fields.summary;
    casus.address = fields.address;
    casus.themes = fields.themes;
    casus.version = 1;
    casus.last_change_on = registration.on;
    cases_[casus.id] = casus;
    auto first = registration;
    first.sequence = 1;
    histories_[casus.id] = {first};
    return casus;
  }

  std::optional<domain::Casus> Find(domain::CaseId id) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(id);
    if (it == cases_.end()) return std::nullopt;
    return it->second;
  }

  domain::CasePage List(const domain::CaseFilter& filter) override {
    std::lock_guard lock(mutex_);
    domain::CasePage page;
    for (auto it = cases_.upper_bound(filter.after.value_or(0)); it != cases_.end(); ++it) {
      const auto& c = it->second;
      if (filter.kind && c.kind != *filter.kind) continue;
      if (filter.state && c.state != *filter.state) continue;
      if (filter.district && c.district != *filter.district) continue;
      if (filter.housing_type && c.housing_type != *filter.housing_type) continue;
      if (filter.assignee && c.assignee != *filter.assignee) continue;
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next = page.items.back().id;
        break;
      }
      page.items.push_back(c);
    }
    return page;
  }

  std::vector<domain::TransitionRecord> History(domain::CaseId id) override {
    std::lock_guard lock(mutex_);
    const auto it = histories_.find(id);
    return it == histories_.end() ? std::vector<domain::TransitionRecord>{} : it->second;
  }

  bool AppendTransition(domain::CaseId id, std::int64_t expected_version,
                        const domain::TransitionRecord& record) override {
    std::lock_guard lock(mutex_);
    auto& casus = cases_.at(id);
    if (casus.version != expected_version) return false;
    casus.state = record.to;
    ++casus.version;
    casus.last_change_on = record.on;
    auto& history = histories_[id];
    auto stored = record;
    stored.sequence = static_cast<std::int64_t>(history.size()) + 1;
    history.push_back(stored);
    return true;
  }

  bool Correct(const domain::Casus& corrected, std::int64_t expected_version,
               const std::vector<domain::CaseChange>& changes) override {
    std::lock_guard lock(mutex_);
    auto& casus = cases_.at(corrected.id);
    if (casus.version != expected_version) return false;
    auto& history = histories_[corrected.id];
    history.front().on = corrected.reported_on;  // the registration row follows reported_on
    casus.district = corrected.district;
    casus.housing_type = corrected.housing_type;
    casus.categories = corrected.categories;
    casus.summary = corrected.summary;
    casus.address = corrected.address;
    casus.reported_on = corrected.reported_on;
    casus.themes = corrected.themes;
    casus.assignee = corrected.assignee;
    casus.last_change_on = history.back().on;
    ++casus.version;
    auto& kept = changes_[corrected.id];
    kept.insert(kept.end(), changes.begin(), changes.end());
    return true;
  }

  std::vector<domain::CaseChange> Changes(domain::CaseId id) override {
    std::lock_guard lock(mutex_);
    const auto it = changes_.find(id);
    return it == changes_.end() ? std::vector<domain::CaseChange>{} : it->second;
  }

  std::vector<domain::CaseTimeline> Timelines(domain::CaseKind kind, domain::Date until) override {
    std::lock_guard lock(mutex_);
    std::vector<domain::CaseTimeline> timelines;
    for (const auto& [id, c] : cases_) {
      if (c.kind != kind || c.reported_on > until) continue;
      timelines.push_back({c.id, c.district, c.housing_type, c.reported_on, histories_.at(id)});
    }
    return timelines;
  }

  // By the definition, over every timeline.
  std::vector<domain::WoonoverlastCount> WoonoverlastCounts(
      const domain::ReportPeriod& period, const domain::ReportPeriod& previous) override {
    return domain::CountWoonoverlast(
        Timelines(domain::CaseKind::kWoonoverlast, std::max(period.to, previous.to)), period,
        previous);
  }

  // What signals.case_id is in the database: InMemorySignalRepository links an assessed
  // signal here, so that Find answers its signal_ids as SociCaseRepository does.
  void LinkSignal(domain::CaseId id, domain::SignalId signal) {
    std::lock_guard lock(mutex_);
    auto& ids = cases_.at(id).signal_ids;
    ids.insert(std::upper_bound(ids.begin(), ids.end(), signal), signal);
  }

 private:
  std::mutex mutex_;
  domain::CaseId last_id_ = 0;
  std::map<domain::CaseId, domain::Casus> cases_;
  std::map<domain::CaseId, std::vector<domain::TransitionRecord>> histories_;
  std::map<domain::CaseId, std::vector<domain::CaseChange>> changes_;
};

// Zoetermeer's eight wijken, in reference order.
// Starts with Zoetermeer's eight wijken; Add appends. Not thread-safe.
class FixedDistrictRepository final : public domain::DistrictRepository {
 public:
  std::vector<std::string> Districts() override { return names_; }
  bool Add(const std::string& name) override {
    if (std::find(names_.begin(), names_.end(), name) != names_.end()) return false;
    names_.push_back(name);
    return true;
  }

 private:
  std::vector<std::string> names_ = {"Centrum",   "Meerzicht", "Buytenwegh", "De Leyens",
                                     "Seghwaert", "Noordhove", "Rokkeveen",  "Oosterheem"};
};

}  // namespace casus::testing
