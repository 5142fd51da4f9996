#pragma once

#include <algorithm>
#include <map>
#include <mutex>

#include "domain/ondermijning/signal_repository.hpp"
#include "support/in_memory_case_repository.hpp"

namespace casus::testing {

// A SignalRepository in memory, creating casussen in the given InMemoryCaseRepository.
// Thread-safe through one mutex.
class InMemorySignalRepository final : public domain::SignalRepository {
 public:
  explicit InMemorySignalRepository(InMemoryCaseRepository& cases) : cases_(cases) {}

  domain::Signal Create(const domain::NewSignal& fields, const std::string&) override {
    std::lock_guard lock(mutex_);
    domain::Signal signal;
    signal.id = ++last_id_;
    signal.received_on = fields.received_on;
    signal.source = fields.source;
    signal.themes = fields.themes;
    signal.summary = fields.summary;
    signal.district = fields.district;
    signal.address = fields.address;
    signal.reporter = fields.reporter;
    signals_[signal.id] = signal;
    if (fields.external_ref) external_refs_.push_back(*fields.external_ref);
    return signal;
  }

  std::vector<std::string> ExternalRefs() override {
    std::lock_guard lock(mutex_);
    return external_refs_;
  }

  std::optional<domain::Signal> Find(domain::SignalId id) override {
    std::lock_guard lock(mutex_);
    const auto it = signals_.find(id);
    if (it == signals_.end()) return std::nullopt;
    return it->second;
  }

  domain::SignalPage List(const domain::SignalFilter& filter) override {
    std::lock_guard lock(mutex_);
    domain::SignalPage page;
    for (auto it = signals_.upper_bound(filter.after.value_or(0)); it != signals_.end(); ++it) {
      const auto& s = it->second;
      if (filter.source && s.source != *filter.source) continue;
      if (filter.status && s.status != *filter.status) continue;
      if (filter.theme &&
          std::find(s.themes.begin(), s.themes.end(), *filter.theme) == s.themes.end()) {
        continue;
      }
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next = page.items.back().id;
        break;
      }
      page.items.push_back(s);
    }
    return page;
  }

  bool Assess(domain::SignalId id, const domain::SignalAssessment& assessment) override {
    std::lock_guard lock(mutex_);
    return Record(id, assessment);
  }

  std::optional<domain::Casus> AssessIntoNewCase(
      domain::SignalId id, const domain::SignalAssessment& assessment,
      const domain::NewCase& fields, const domain::TransitionRecord& registration) override {
    std::lock_guard lock(mutex_);
    if (signals_.at(id).status != domain::SignalStatus::kOpen) return std::nullopt;
    auto casus = cases_.Create(fields, registration);
    auto linked = assessment;
    linked.case_id = casus.id;
    Record(id, linked);
    casus.signal_ids = {id};
    return casus;
  }

  std::vector<domain::SignalFacts> ReceivedBetween(domain::Date from, domain::Date to) override {
    std::lock_guard lock(mutex_);
    std::vector<domain::SignalFacts> facts;
    for (const auto& [id, s] : signals_) {
      if (s.received_on < from || s.received_on > to) continue;
      facts.push_back({s.id, s.received_on, s.source, s.themes});
    }
    return facts;
  }

 private:
  bool Record(domain::SignalId id, const domain::SignalAssessment& assessment) {
    auto& signal = signals_.at(id);
    if (signal.status != domain::SignalStatus::kOpen) return false;
    signal.status = assessment.decision == domain::AssessmentDecision::kDismiss
                        ? domain::SignalStatus::kDismissed
                        : domain::SignalStatus::kLinked;
    signal.assessment = assessment;
    ++signal.version;
    if (assessment.case_id) cases_.LinkSignal(*assessment.case_id, id);
    return true;
  }

  InMemoryCaseRepository& cases_;
  std::mutex mutex_;
  domain::SignalId last_id_ = 0;
  std::map<domain::SignalId, domain::Signal> signals_;
  std::vector<std::string> external_refs_;  // of the signals imported, in order
};

}  // namespace casus::testing
