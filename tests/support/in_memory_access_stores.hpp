#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "domain/access/api_token.hpp"
#include "domain/access/audit_trail.hpp"
#include "domain/retention/retention.hpp"

namespace casus::testing {

// An AuditTrail in memory: rows in append order, no hashing (the chain is persistence's),
// filters by domain::Matches, as SociAuditTrail.
class InMemoryAuditTrail final : public domain::AuditTrail {
 public:
  void Append(const domain::AuditEvent& event) override {
    std::lock_guard lock(mutex_);
    rows_.push_back({static_cast<std::int64_t>(rows_.size()) + 1, event, ""});
  }
  domain::AuditPage Query(const domain::AuditFilter& filter) override {
    std::lock_guard lock(mutex_);
    domain::AuditPage page;
    for (const auto& row : rows_) {
      if (filter.after && row.id <= *filter.after) continue;
      if (!domain::Matches(filter, row.event)) continue;
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next = page.items.back().id;
        break;
      }
      page.items.push_back(row);
    }
    return page;
  }
  domain::AuditVerification Verify() override {
    std::lock_guard lock(mutex_);
    return {true, static_cast<std::int64_t>(rows_.size()), std::nullopt, ""};
  }
  std::vector<domain::AuditRecord> Rows() {
    std::lock_guard lock(mutex_);
    return rows_;
  }

 private:
  std::mutex mutex_;
  std::vector<domain::AuditRecord> rows_;
};

// A TokenStore in memory.
class InMemoryTokenStore final : public domain::TokenStore {
 public:
  bool Create(const domain::StoredToken& token) override {
    std::lock_guard lock(mutex_);
    const bool created = tokens_.emplace(token.info.name, token).second;
    if (created) ++version_;
    return created;
  }
  std::optional<domain::StoredToken> FindByHash(const std::string& hash) override {
    std::lock_guard lock(mutex_);
    for (const auto& [name, token] : tokens_) {
      if (token.secret_hash == hash) return token;
    }
    return std::nullopt;
  }
  std::vector<domain::TokenInfo> List() override {
    std::lock_guard lock(mutex_);
    std::vector<domain::TokenInfo> infos;
    for (const auto& [name, token] : tokens_) infos.push_back(token.info);
    return infos;
  }
  bool Revoke(const std::string& name, const std::string& at) override {
    std::lock_guard lock(mutex_);
    const auto it = tokens_.find(name);
    if (it == tokens_.end() || it->second.info.revoked_at) return false;
    it->second.info.revoked_at = at;
    ++version_;
    return true;
  }
  std::int64_t Version() override {
    std::lock_guard lock(mutex_);
    return version_;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, domain::StoredToken> tokens_;
  std::int64_t version_ = 0;
};

// Predictable secrets for tests: "secret-1", "secret-2", ...; the hash is visibly not the
// secret. Not thread-safe.
class CountingTokenCrypto final : public domain::TokenCrypto {
 public:
  std::string NewSecret() override { return "secret-" + std::to_string(++count_); }
  std::string Hash(std::string_view secret) override { return "hash(" + std::string(secret) + ")"; }

 private:
  int count_ = 0;
};

// A PersonalDataStore that answers fixed ids and records what it was asked and told.
class RecordingPersonalDataStore final : public domain::PersonalDataStore {
 public:
  domain::RetentionPolicy policy;
  std::vector<domain::CaseId> closed_woonoverlast, closed_ondermijning;
  std::vector<domain::SignalId> assessed_signals;
  std::map<domain::CaseKind, domain::Date> asked_case_cutoffs;
  std::optional<domain::Date> asked_signal_cutoff;
  std::vector<domain::CaseId> purged_cases;
  std::vector<domain::SignalId> purged_signals;
  int purges = 0;

  domain::RetentionPolicy LoadPolicy() override { return policy; }
  void SavePolicy(const domain::RetentionPolicy& p) override { policy = p; }
  // Each listed id is due since `since` (a day before any cutoff the tests use).
  domain::Date since{2019, 6, 1};
  std::vector<domain::DueRecord> CasesClosedBefore(domain::CaseKind kind,
                                                   domain::Date cutoff) override {
    asked_case_cutoffs[kind] = cutoff;
    return Due(kind == domain::CaseKind::kWoonoverlast ? closed_woonoverlast : closed_ondermijning);
  }
  std::vector<domain::DueRecord> SignalsAssessedBefore(domain::Date cutoff) override {
    asked_signal_cutoff = cutoff;
    return Due(assessed_signals);
  }
  std::vector<domain::DueRecord> Due(const std::vector<std::int64_t>& ids) const {
    std::vector<domain::DueRecord> due;
    for (const auto id : ids) due.push_back({id, since});
    return due;
  }
  // Purges all it is given except the ids in `skip` (as if re-opened meanwhile).
  std::vector<std::int64_t> skip;
  domain::PurgedIds Purge(const std::vector<domain::CaseId>& cases,
                          const std::vector<domain::SignalId>& signals,
                          const std::string&) override {
    ++purges;
    const auto kept = [&](const std::vector<std::int64_t>& ids) {
      std::vector<std::int64_t> out;
      for (const auto id : ids) {
        if (std::find(skip.begin(), skip.end(), id) == skip.end()) out.push_back(id);
      }
      return out;
    };
    purged_cases = kept(cases);
    purged_signals = kept(signals);
    return {purged_cases, purged_signals};
  }
};

}  // namespace casus::testing
