#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/cases/case_repository.hpp"
#include "domain/cases/district_repository.hpp"
#include "domain/cases/search_words.hpp"

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
    casus.external_ref = fields.external_ref;
    cases_[casus.id] = casus;
    auto first = registration;
    first.sequence = 1;
    histories_[casus.id] = {first};
    return casus;
  }

  std::vector<std::string> ExternalRefs(domain::CaseKind kind) override {
    std::lock_guard lock(mutex_);
    std::vector<std::string> refs;
    for (const auto& [id, c] : cases_) {
      if (c.kind == kind && c.external_ref) refs.push_back(*c.external_ref);
    }
    return refs;
  }

  std::optional<domain::Casus> Find(domain::CaseId id) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(id);
    if (it == cases_.end()) return std::nullopt;
    return it->second;
  }

  // The filters and sorts as storage has them; `q` as a plain word match (SearchWords).
  domain::CasePage List(const domain::CaseFilter& filter) override {
    std::lock_guard lock(mutex_);
    std::vector<domain::Casus> matching;
    for (const auto& [id, c] : cases_) {
      if (Matches(c, filter)) matching.push_back(c);
    }
    const auto key = [&](const domain::Casus& c) {
      return filter.sort == domain::CaseSort::kId ? std::pair{std::string(), c.id}
                                                  : std::pair{c.reported_on.ToString(), c.id};
    };
    const bool descending = filter.sort == domain::CaseSort::kReportedOnDescending;
    std::sort(matching.begin(), matching.end(), [&](const auto& a, const auto& b) {
      return descending ? key(b) < key(a) : key(a) < key(b);
    });
    domain::CasePage page;
    if (filter.count) page.count = static_cast<std::int64_t>(matching.size());
    auto it = matching.begin();
    if (filter.after.value_or(0) != 0 || filter.sort == domain::CaseSort::kId) {
      const auto cursor = cases_.find(filter.after.value_or(0));
      if (filter.sort != domain::CaseSort::kId &&
          (cursor == cases_.end() || (filter.kind && cursor->second.kind != *filter.kind))) {
        return page;  // a cursor of another kind counts as missing
      }
      const auto from = filter.sort == domain::CaseSort::kId
                            ? std::pair{std::string(), filter.after.value_or(0)}
                            : key(cursor->second);
      it = std::find_if(matching.begin(), matching.end(), [&](const domain::Casus& c) {
        return descending ? key(c) < from : from < key(c);
      });
    }
    for (; it != matching.end(); ++it) {
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next = page.items.back().id;
        break;
      }
      page.items.push_back(*it);
    }
    return page;
  }

  domain::CaseNote AddNote(const domain::CaseNote& note) override {
    std::lock_guard lock(mutex_);
    if (cases_.count(note.case_id) == 0) throw std::logic_error("a note on a missing casus");
    domain::CaseNote stored = note;
    stored.id = ++last_note_id_;
    notes_[note.case_id].push_back(stored);
    return stored;
  }

  domain::NotePage Notes(domain::CaseId id, std::optional<domain::NoteId> after,
                         int limit) override {
    std::lock_guard lock(mutex_);
    domain::NotePage page;
    for (const domain::CaseNote& note : notes_[id]) {
      if (note.id <= after.value_or(0)) continue;
      if (static_cast<int>(page.items.size()) == limit) {
        page.next = page.items.back().id;
        break;
      }
      page.items.push_back(note);
    }
    return page;
  }

  // What the retention purge does to a casus's notes.
  void RemoveNotes(domain::CaseId id) {
    std::lock_guard lock(mutex_);
    notes_.erase(id);
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

  // What a rename is in the database, where a casus points at its wijk: every casus naming
  // `from` names `to` now.
  void RenameDistrict(const std::string& from, const std::string& to) {
    std::lock_guard lock(mutex_);
    for (auto& [id, casus] : cases_) {
      if (casus.district == from) casus.district = to;
    }
  }

 private:
  bool Matches(const domain::Casus& c, const domain::CaseFilter& filter) {
    if (filter.kind && c.kind != *filter.kind) return false;
    if (filter.state && c.state != *filter.state) return false;
    if (filter.district && c.district != *filter.district) return false;
    if (filter.housing_type && c.housing_type != *filter.housing_type) return false;
    if (filter.assignee && c.assignee != *filter.assignee) return false;
    if (filter.reported_from && c.reported_on < *filter.reported_from) return false;
    if (filter.reported_to && *filter.reported_to < c.reported_on) return false;
    if (filter.postcode && (!c.address || c.address->postcode != *filter.postcode)) return false;
    if (filter.words.empty()) return true;
    std::string text = c.summary + " " + (c.address ? c.address->street : "");
    for (const domain::CaseNote& note : notes_[c.id]) text += " " + note.text;
    const auto words = domain::SearchWords::Split(text);
    return std::all_of(filter.words.begin(), filter.words.end(), [&](const std::string& word) {
      return std::find(words.begin(), words.end(), word) != words.end();
    });
  }

  std::mutex mutex_;
  domain::CaseId last_id_ = 0;
  domain::NoteId last_note_id_ = 0;
  std::map<domain::CaseId, std::vector<domain::CaseNote>> notes_;
  std::map<domain::CaseId, domain::Casus> cases_;
  std::map<domain::CaseId, std::vector<domain::TransitionRecord>> histories_;
  std::map<domain::CaseId, std::vector<domain::CaseChange>> changes_;
};

// Starts with Zoetermeer's eight wijken (without codes) and its settings, as a new database
// does; Store replaces the set, giving new wijken the next id, and counts its calls. The fake
// knows no casussen: the wijken in use are the ids a test puts in `in_use`. Not thread-safe.
class FixedDistrictRepository final : public domain::DistrictRepository {
 public:
  FixedDistrictRepository() {
    for (const char* name : {"Centrum", "Meerzicht", "Buytenwegh", "De Leyens", "Seghwaert",
                             "Noordhove", "Rokkeveen", "Oosterheem"}) {
      domain::District district;
      district.id = ++last_id_;
      district.name = name;
      district.position = static_cast<int>(last_id_);
      districts_.push_back(district);
    }
  }
  std::vector<domain::District> All() override { return districts_; }
  void Store(const std::vector<domain::District>& wanted) override {
    ++stores;
    for (const auto& district : wanted) {
      for (const auto& was : districts_) {
        if (renamed && was.id == district.id && was.name != district.name) {
          renamed(was.name, district.name);
        }
      }
    }
    districts_ = wanted;
    for (auto& district : districts_) {
      if (district.id == 0) district.id = ++last_id_;
    }
    std::sort(districts_.begin(), districts_.end(),
              [](const auto& a, const auto& b) { return a.position < b.position; });
  }
  std::set<std::int64_t> InUse() override { return in_use; }
  domain::Municipality GetMunicipality() override { return municipality_; }

  std::set<std::int64_t> in_use;
  int stores = 0;
  std::function<void(const std::string& from, const std::string& to)> renamed;
  void StoreMunicipality(const domain::Municipality& municipality) override {
    municipality_ = municipality;
  }

 private:
  std::int64_t last_id_ = 0;
  std::vector<domain::District> districts_;
  domain::Municipality municipality_{"Zoetermeer", "Tabel 5.1 Woonoverlast"};
};

}  // namespace casus::testing
