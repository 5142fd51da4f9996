#include "domain/access/guarded_services.hpp"

#include <algorithm>

#include "domain/field_rules.hpp"

namespace casus::domain {

namespace {

std::string CaseObject(CaseId id) { return "cases/" + std::to_string(id); }
std::string NoCase(CaseId id) { return "no case " + std::to_string(id); }

// Throws DomainError(kForbidden) unless `kind` is the actor's team's: a woonoverlast token
// registers and exports woonoverlast casussen only. `what`: "register", "export".
void RequireOwnKind(const Actor& actor, CaseKind kind, const std::string& what) {
  if (AccessPolicy::TeamKind(actor.role) != kind) {
    throw DomainError(ErrorCode::kForbidden, "the role " + std::string(Name(actor.role)) +
                                                 " may not " + what + " " +
                                                 std::string(Name(kind)) + " casussen");
  }
}

}  // namespace

Casus GuardedCaseService::Register(const Actor& actor, const NewCase& request) {
  return gate_.RunNaming(
      actor, Action::kWriteCase, "cases",
      [&] {
        RequireOwnKind(actor, request.kind, "register");
        return cases_.Register(request);
      },
      [](const Casus& created) { return CaseObject(created.id); });
}

Casus GuardedCaseService::Get(const Actor& actor, CaseId id) {
  return gate_.Run(actor, Action::kReadCase, CaseObject(id), [&] {
    auto casus = cases_.Get(id);
    AccessGate::RequireTeam(actor, Action::kReadCase, casus.kind, NoCase(id));
    return casus;
  });
}

CasePage GuardedCaseService::List(const Actor& actor, CaseFilter filter) {
  return gate_.Run(actor, Action::kReadCase, "cases", [&] {
    const auto team = AccessPolicy::TeamKind(actor.role);
    if (!team || (filter.kind && filter.kind != team)) {
      CaseService::CheckFilter(filter);  // bad input answers the same, without a query
      CasePage none;
      if (filter.count) none.count = 0;
      return none;
    }
    filter.kind = team;
    return cases_.List(filter);
  });
}

CaseExportCursor GuardedCaseService::Export(const Actor& actor, const CaseExportRequest& request) {
  std::int64_t cases = 0;
  return gate_.RunCounting(
      actor, Action::kReadCase, "cases/export",
      [&] {
        RequireOwnKind(actor, request.kind, "export");
        CaseExportCursor cursor(cases_, request);
        CaseFilter counted;
        counted.kind = request.kind;
        counted.reported_from = request.from;
        counted.reported_to = request.to;
        counted.limit = 1;
        counted.count = true;
        cases = cases_.List(counted).count.value_or(0);
        return cursor;
      },
      // An audit row stands for one thing at least: an empty file is one read too.
      [&](const CaseExportCursor&) { return std::max<std::int64_t>(cases, 1); });
}

Casus GuardedCaseService::Transition(const Actor& actor, CaseId id,
                                     const TransitionRequest& request,
                                     std::optional<std::int64_t> if_match) {
  return gate_.Run(actor, Action::kWriteCase, CaseObject(id) + "/transitions", [&] {
    return cases_.Transition(id, request, if_match, [&](const Casus& casus) {
      AccessGate::RequireTeam(actor, Action::kWriteCase, casus.kind, NoCase(id));
    });
  });
}

std::vector<TransitionRecord> GuardedCaseService::History(const Actor& actor, CaseId id) {
  return gate_.Run(actor, Action::kReadCase, CaseObject(id) + "/history", [&] {
    AccessGate::RequireTeam(actor, Action::kReadCase, cases_.Get(id).kind, NoCase(id));
    return cases_.History(id);
  });
}

Casus GuardedCaseService::Correct(const Actor& actor, CaseId id, const CaseCorrection& correction,
                                  std::optional<std::int64_t> if_match) {
  // An active token whose role is the casus's team.
  const AssigneeCheck may_assign = [&](const std::string& name, CaseKind kind) {
    if (tokens_ == nullptr) return false;
    const auto all = tokens_->List();
    return std::any_of(all.begin(), all.end(), [&](const TokenInfo& token) {
      return token.name == name && !token.revoked_at && AccessPolicy::TeamKind(token.role) == kind;
    });
  };
  return gate_.Run(actor, Action::kWriteCase, CaseObject(id), [&] {
    return cases_.Correct(
        id, correction, if_match, actor.token_name, may_assign, [&](const Casus& casus) {
          AccessGate::RequireTeam(actor, Action::kWriteCase, casus.kind, NoCase(id));
        });
  });
}

std::vector<CaseChange> GuardedCaseService::Changes(const Actor& actor, CaseId id) {
  return gate_.Run(actor, Action::kReadCase, CaseObject(id) + "/changes", [&] {
    return cases_.Changes(id, [&](const Casus& casus) {
      AccessGate::RequireTeam(actor, Action::kReadCase, casus.kind, NoCase(id));
    });
  });
}

CaseNote GuardedCaseService::AddNote(const Actor& actor, CaseId id, const std::string& text) {
  return gate_.Run(actor, Action::kWriteCase, CaseObject(id) + "/notes", [&] {
    return cases_.AddNote(id, text, actor.token_name, [&](const Casus& casus) {
      AccessGate::RequireTeam(actor, Action::kWriteCase, casus.kind, NoCase(id));
    });
  });
}

NotePage GuardedCaseService::Notes(const Actor& actor, CaseId id, std::optional<NoteId> after,
                                   int limit) {
  return gate_.Run(actor, Action::kReadCase, CaseObject(id) + "/notes", [&] {
    return cases_.Notes(id, after, limit, [&](const Casus& casus) {
      AccessGate::RequireTeam(actor, Action::kReadCase, casus.kind, NoCase(id));
    });
  });
}

Signal GuardedSignalService::Receive(const Actor& actor, const NewSignal& request) {
  return gate_.RunNaming(
      actor, Action::kWriteSignal, "signals", [&] { return signals_.Receive(request); },
      [](const Signal& created) { return "signals/" + std::to_string(created.id); });
}

Signal GuardedSignalService::Get(const Actor& actor, SignalId id) {
  return gate_.Run(actor, Action::kReadSignal, "signals/" + std::to_string(id),
                   [&] { return signals_.Get(id); });
}

SignalPage GuardedSignalService::List(const Actor& actor, const SignalFilter& filter) {
  return gate_.Run(actor, Action::kReadSignal, "signals", [&] { return signals_.List(filter); });
}

AssessmentOutcome GuardedSignalService::Assess(const Actor& actor, SignalId id,
                                               const AssessmentRequest& request) {
  return gate_.Run(actor, Action::kWriteSignal, "signals/" + std::to_string(id) + "/assessment",
                   [&] { return signals_.Assess(id, request); });
}

Activity GuardedActivityService::Record(const Actor& actor, const Activity& request) {
  return gate_.RunNaming(
      actor, Action::kWriteActivity, "activities", [&] { return activities_.Record(request); },
      [](const Activity& created) { return "activities/" + std::to_string(created.id); });
}

ActivityPage GuardedActivityService::List(const Actor& actor, const ActivityFilter& filter) {
  return gate_.Run(actor, Action::kReadActivity, "activities",
                   [&] { return activities_.List(filter); });
}

namespace {

// The report `key` names from `cache`, or computed afresh where there is no cache.
template <typename Report, typename Compute>
Report FromCache(const std::unique_ptr<ReportCache<Report>>& cache, const std::string& key,
                 const Compute& compute) {
  if (!cache) return compute();
  return cache->Get(key, compute);
}

template <typename Report>
bool ReadyIn(const std::unique_ptr<ReportCache<Report>>& cache, const std::string& key) {
  return cache && cache->Ready(key);
}

// What a period report is cached under and audited as.
std::string PeriodKey(const ReportPeriod& period) {
  return "from=" + period.from.ToString() + "&to=" + period.to.ToString();
}

}  // namespace

GuardedReportService::GuardedReportService(CaseService& cases,
                                           OndermijningReportService& ondermijning,
                                           AccessGate& gate, DataVersion* data_version)
    : cases_(cases), ondermijning_(ondermijning), gate_(gate) {
  if (data_version != nullptr) {
    woonoverlast_cache_ = std::make_unique<ReportCache<WoonoverlastReport>>(*data_version);
    ondermijning_cache_ = std::make_unique<ReportCache<OndermijningReport>>(*data_version);
    woonoverlast_period_cache_ =
        std::make_unique<ReportCache<WoonoverlastPeriodReport>>(*data_version);
    ondermijning_period_cache_ = std::make_unique<ReportCache<OndermijningFigures>>(*data_version);
  }
}

WoonoverlastReport GuardedReportService::CachedWoonoverlast(int year) {
  return FromCache(woonoverlast_cache_, std::to_string(year),
                   [&] { return cases_.WoonoverlastYearReport(year); });
}

WoonoverlastReport GuardedReportService::Woonoverlast(const Actor& actor, int year) {
  return gate_.Run(actor, Action::kReadWoonoverlastReport,
                   "reports/woonoverlast/" + std::to_string(year),
                   [&] { return CachedWoonoverlast(year); });
}

std::vector<WoonoverlastYearTotals> GuardedReportService::WoonoverlastSeries(const Actor& actor,
                                                                             int from, int to) {
  return gate_.Run(actor, Action::kReadWoonoverlastReport, "reports/woonoverlast/series", [&] {
    RequireYear(from);
    RequireYear(to);
    if (from > to) {
      throw DomainError(ErrorCode::kInvalid, "'from' (" + std::to_string(from) +
                                                 ") must not come after 'to' (" +
                                                 std::to_string(to) + ")");
    }
    if (to - from + 1 > kMaxSeriesYears) {
      throw DomainError(ErrorCode::kInvalid,
                        "a series covers at most " + std::to_string(kMaxSeriesYears) + " years");
    }
    std::vector<WoonoverlastYearTotals> series;
    for (int year = from; year <= to; ++year) {
      const WoonoverlastReport report = CachedWoonoverlast(year);
      series.push_back({year, report.totals.Sum(), report.new_in_year});
    }
    return series;
  });
}

OndermijningReport GuardedReportService::Ondermijning(const Actor& actor, int year) {
  return gate_.Run(actor, Action::kReadOndermijningReport,
                   "reports/ondermijning/" + std::to_string(year), [&] {
                     return FromCache(ondermijning_cache_, std::to_string(year),
                                      [&] { return ondermijning_.YearReport(year); });
                   });
}

WoonoverlastPeriodReport GuardedReportService::WoonoverlastForPeriod(const Actor& actor,
                                                                     const ReportPeriod& period) {
  return gate_.Run(actor, Action::kReadWoonoverlastReport,
                   "reports/woonoverlast?" + PeriodKey(period), [&] {
                     RequireReportPeriod(period);
                     return FromCache(woonoverlast_period_cache_, PeriodKey(period),
                                      [&] { return cases_.WoonoverlastForPeriod(period); });
                   });
}

OndermijningFigures GuardedReportService::OndermijningForPeriod(const Actor& actor,
                                                                const ReportPeriod& period) {
  return gate_.Run(actor, Action::kReadOndermijningReport,
                   "reports/ondermijning?" + PeriodKey(period), [&] {
                     RequireReportPeriod(period);
                     return FromCache(ondermijning_period_cache_, PeriodKey(period),
                                      [&] { return ondermijning_.PeriodReport(period); });
                   });
}

bool GuardedReportService::WoonoverlastReady(int year) {
  return ReadyIn(woonoverlast_cache_, std::to_string(year));
}

bool GuardedReportService::WoonoverlastSeriesReady(int from, int to) {
  if (to - from + 1 > kMaxSeriesYears) return false;
  for (int year = from; year <= to; ++year) {
    if (!WoonoverlastReady(year)) return false;
  }
  return true;
}

bool GuardedReportService::OndermijningReady(int year) {
  return ReadyIn(ondermijning_cache_, std::to_string(year));
}

bool GuardedReportService::WoonoverlastReady(const ReportPeriod& period) {
  return ReadyIn(woonoverlast_period_cache_, PeriodKey(period));
}

bool GuardedReportService::OndermijningReady(const ReportPeriod& period) {
  return ReadyIn(ondermijning_period_cache_, PeriodKey(period));
}

std::uint64_t GuardedReportService::Computed() const {
  if (!woonoverlast_cache_) return 0;
  return woonoverlast_cache_->Computed() + ondermijning_cache_->Computed() +
         woonoverlast_period_cache_->Computed() + ondermijning_period_cache_->Computed();
}

namespace {

// The id of a casus named as an audit object, "cases/17"; none for any other object.
std::optional<CaseId> CaseIdOfObject(const std::string& object) {
  constexpr std::string_view kPrefix = "cases/";
  if (object.rfind(kPrefix, 0) != 0 || object.size() == kPrefix.size() ||
      object.size() > kPrefix.size() + 18) {
    return std::nullopt;
  }
  CaseId id = 0;
  for (const char digit : std::string_view(object).substr(kPrefix.size())) {
    if (digit < '0' || digit > '9') return std::nullopt;
    id = id * 10 + (digit - '0');
  }
  return id;
}

}  // namespace

GuardedReportService::CacheCounts GuardedReportService::CacheStats() const {
  CacheCounts counts;
  const auto add = [&](const auto& cache) {
    if (!cache) return;
    counts.misses += cache->Computed();
    counts.hits += cache->Asked() - cache->Computed();
  };
  add(woonoverlast_cache_);
  add(ondermijning_cache_);
  add(woonoverlast_period_cache_);
  add(ondermijning_period_cache_);
  return counts;
}

std::vector<District> GuardedDistrictService::List(const Actor& actor) {
  return gate_.Run(actor, Action::kReadReferenceData, "districts",
                   [&] { return districts_.List(); });
}

AuditPage GuardedAuditService::Query(const Actor& actor, AuditFilter filter) {
  return gate_.Run(actor, Action::kReadAudit, "audit", [&] {
    RequirePageSize(filter.limit);
    const std::vector<std::string> asked = filter.objects;
    for (const std::string& object : asked) {
      const auto id = CaseIdOfObject(object);
      if (!id) continue;
      if (const auto casus = cases_.Find(*id)) {
        for (const SignalId signal : casus->signal_ids) {
          filter.objects.push_back("signals/" + std::to_string(signal));
        }
      }
    }
    return audit_.Query(filter);
  });
}

}  // namespace casus::domain
