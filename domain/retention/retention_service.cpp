#include "domain/retention/retention_service.hpp"

#include <algorithm>
#include <map>

#include "domain/field_rules.hpp"

namespace casus::domain {

RetentionPolicy RetentionService::SetYears(const Actor& actor, CaseKind kind, int years) {
  return gate_.Run(actor, Action::kRunRetention, "retention/" + std::string(Name(kind)), [&] {
    if (years < 1 || years > 100) {
      throw DomainError(ErrorCode::kInvalid, "a retention period is 1 to 100 years");
    }
    auto policy = store_.LoadPolicy();
    (kind == CaseKind::kWoonoverlast ? policy.woonoverlast_years : policy.ondermijning_years) =
        years;
    store_.SavePolicy(policy);
    return policy;
  });
}

namespace {

std::vector<std::int64_t> IdsOf(const std::vector<DueRecord>& records) {
  std::vector<std::int64_t> ids;
  ids.reserve(records.size());
  for (const auto& record : records) ids.push_back(record.id);
  return ids;
}

// Counts per year of `since`, of the records whose id is in `kept` (ascending, as the store
// returns them), appended to `tally` under `kind`.
void Tally(const std::string& kind, const std::vector<DueRecord>& records,
           const std::vector<std::int64_t>& kept, std::vector<PurgeTally>& tally) {
  std::map<int, int> per_year;
  for (const auto& record : records) {
    if (std::binary_search(kept.begin(), kept.end(), record.id)) ++per_year[record.since.year()];
  }
  for (const auto& [year, count] : per_year) tally.push_back({kind, year, count});
}

}  // namespace

PurgeReport RetentionService::Purge(const Actor& actor, const PurgeRequest& request) {
  const Date as_of = request.as_of;
  const bool dry_run = request.dry_run;
  const bool ahead = as_of > clock_.Today();
  const bool forced = ahead && !dry_run;
  const std::string object = "retention/purge/" + as_of.ToString() +
                             (dry_run  ? "?dry_run=true"
                              : forced ? "?force=true"
                                       : "");
  // The run and its per-object rows commit together with the purge, or none of them does.
  PurgeReport report;
  gate_.InOneUnit([&] {
    report = gate_.Run(actor, Action::kRunRetention, object, [&] {
      if (forced && !request.force_reason) {
        throw DomainError(ErrorCode::kInvalid,
                          "as_of " + as_of.ToString() + " lies after today (" +
                              clock_.Today().ToString() +
                              "): that purges personal data before its retention period ends; "
                              "it needs force with a reason, which is audited");
      }
      if (request.force_reason) RequireText(*request.force_reason, "reason", kMaxTextBytes);
      PurgeReport found;
      found.as_of = as_of;
      found.dry_run = dry_run;
      found.forced = forced;
      found.policy = store_.LoadPolicy();
      const auto woonoverlast = store_.CasesClosedBefore(
          CaseKind::kWoonoverlast, YearsBefore(as_of, found.policy.woonoverlast_years));
      const Date ondermijning_cutoff = YearsBefore(as_of, found.policy.ondermijning_years);
      const auto ondermijning =
          store_.CasesClosedBefore(CaseKind::kOndermijning, ondermijning_cutoff);
      const auto signals = store_.SignalsAssessedBefore(ondermijning_cutoff);
      found.cases = IdsOf(woonoverlast);
      for (const auto& record : ondermijning) found.cases.push_back(record.id);
      found.signals = IdsOf(signals);
      if (!dry_run) {
        auto purged = store_.Purge(found.cases, found.signals, as_of.ToString());
        found.cases = std::move(purged.cases);
        found.signals = std::move(purged.signals);
      }
      std::vector<std::int64_t> kept_cases = found.cases;
      std::sort(kept_cases.begin(), kept_cases.end());
      Tally("woonoverlast", woonoverlast, kept_cases, found.tally);
      Tally("ondermijning", ondermijning, kept_cases, found.tally);
      std::vector<std::int64_t> kept_signals = found.signals;
      std::sort(kept_signals.begin(), kept_signals.end());
      Tally("signal", signals, kept_signals, found.tally);
      return found;
    });
    if (forced) {
      // Why personal data went before its time, for whoever asks later.
      gate_.Record(actor, Action::kRunRetention, "retention/purge/" + as_of.ToString(),
                   "forced: " + *request.force_reason);
    }
    if (!dry_run) {
      for (const auto id : report.cases) {
        gate_.Record(actor, Action::kRunRetention, "cases/" + std::to_string(id), "purged");
      }
      for (const auto id : report.signals) {
        gate_.Record(actor, Action::kRunRetention, "signals/" + std::to_string(id), "purged");
      }
    }
  });
  return report;
}

}  // namespace casus::domain
