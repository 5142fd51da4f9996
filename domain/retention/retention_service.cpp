#include "domain/retention/retention_service.hpp"

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

PurgeReport RetentionService::Purge(const Actor& actor, Date as_of, bool dry_run) {
  const std::string object =
      "retention/purge/" + as_of.ToString() + (dry_run ? "?dry_run=true" : "");
  // The run and its per-object rows commit together with the purge, or none of them does.
  PurgeReport report;
  gate_.InOneUnit([&] {
    report = gate_.Run(actor, Action::kRunRetention, object, [&] {
      PurgeReport found;
      found.as_of = as_of;
      found.dry_run = dry_run;
      found.policy = store_.LoadPolicy();
      found.cases = store_.CasesClosedBefore(CaseKind::kWoonoverlast,
                                             YearsBefore(as_of, found.policy.woonoverlast_years));
      const Date ondermijning_cutoff = YearsBefore(as_of, found.policy.ondermijning_years);
      for (const auto id : store_.CasesClosedBefore(CaseKind::kOndermijning, ondermijning_cutoff)) {
        found.cases.push_back(id);
      }
      found.signals = store_.SignalsAssessedBefore(ondermijning_cutoff);
      if (!dry_run) {
        auto purged = store_.Purge(found.cases, found.signals, as_of.ToString());
        found.cases = std::move(purged.cases);
        found.signals = std::move(purged.signals);
      }
      return found;
    });
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
