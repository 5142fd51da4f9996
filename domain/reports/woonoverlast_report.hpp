#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/cases/case_timeline.hpp"
#include "domain/cases/district.hpp"
#include "domain/date.hpp"
#include "domain/reports/cell_suppression.hpp"
#include "domain/reports/report_period.hpp"
#include "domain/reports/suppression_plan.hpp"

namespace casus::domain {

struct LopendAfgerond {
  int lopend = 0;
  int afgerond = 0;
  int Total() const { return lopend + afgerond; }
  friend bool operator==(const LopendAfgerond&, const LopendAfgerond&) = default;
};

// One line of Tabel 5.1: a wijk (or "Totaal") split by woningtype and lopend/afgerond.
struct WoonoverlastRow {
  std::string district;
  LopendAfgerond koop;
  LopendAfgerond corporatie;
  LopendAfgerond particulier;
  int Total() const { return koop.Total() + corporatie.Total() + particulier.Total(); }
  LopendAfgerond Sum() const;
  LopendAfgerond& CellFor(HousingType type);
  std::optional<std::string> district_code;  // the wijk's CBS code; none for Totaal, Onbekend
  friend bool operator==(const WoonoverlastRow&, const WoonoverlastRow&) = default;
};

// Whose table it is: set by the service from the municipality's settings, empty in the pure
// builders below.
struct ReportTitle {
  std::string municipality;  // "Zoetermeer"
  std::string table_title;   // "Tabel 5.1 Woonoverlast"
  friend bool operator==(const ReportTitle&, const ReportTitle&) = default;
};

// Tabel 5.1 for one year, as published in the annual report.
struct WoonoverlastReport {
  ReportTitle title;
  int year = 0;
  Date peildatum;                     // 31 December of `year`
  std::vector<WoonoverlastRow> rows;  // wijken in reference order
  WoonoverlastRow totals;             // district "Totaal"
  int new_in_year = 0;                // cases reported in `year`
  LopendAfgerond previous_year;       // totals of the same table for year - 1
};

// Tabel 5.1 for any period (a quarter, the four months of a bestuursrapportage): the casussen
// handled in it, each lopend or afgerond by its state at the peildatum, the period's last day.
struct WoonoverlastPeriodReport {
  ReportTitle title;
  ReportPeriod period;
  std::vector<WoonoverlastRow> rows;  // as in WoonoverlastReport
  WoonoverlastRow totals;             // district "Totaal"
  int new_in_period = 0;              // cases reported in the period
};

// One year of a trend: the Totaal row of that year's Tabel 5.1 and the casussen reported in it.
struct WoonoverlastYearTotals {
  int year = 0;
  LopendAfgerond totals;
  int new_in_year = 0;
  friend bool operator==(const WoonoverlastYearTotals&, const WoonoverlastYearTotals&) = default;
};

// A trend covers at most this many years (from and to included).
inline constexpr int kMaxSeriesYears = 10;

// True when the casus was handled in the period from `from` to `to` (both included): reported
// on or before `to` and not already closed at the end of the day before `from`, or changed
// (re-opened) within the period. The definition every report counts by, for any period: a
// quarter, the four months of a bestuursrapportage, a year.
bool HandledBetween(const CaseTimeline& timeline, Date from, Date to);

// HandledBetween for the calendar year `year`.
bool HandledIn(const CaseTimeline& timeline, int year);

// The rows of Tabel 5.1 being counted: one per wijk of `districts`, in that order, named and
// coded as there (a retired wijk's row only once a casus is counted in it), then a row per wijk
// not listed, alphabetically ("Onbekend" for none), so that no casus silently drops out of the
// totals. Not thread-safe.
class WoonoverlastTableBuilder {
 public:
  explicit WoonoverlastTableBuilder(const std::vector<ReportDistrict>& districts);
  // Counts `cell` for the wijk whose current name is `district` and the woningtype `type`.
  void Add(const std::optional<std::string>& district, HousingType type,
           const LopendAfgerond& cell);
  std::vector<WoonoverlastRow> Rows() const;
  const WoonoverlastRow& Totals() const { return totals_; }

 private:
  struct Entry {
    std::string key;
    WoonoverlastRow row;
    bool shown = true;
  };
  std::vector<Entry> listed_;
  std::vector<Entry> unlisted_;  // kept sorted by key
  WoonoverlastRow totals_;
};

// Computes Tabel 5.1 for `year` from case histories. Pure: the same timelines give the same
// table whenever it is run, since each casus is classified by its state at the peildatum
// (closed then = afgerond, otherwise lopend), not by its state today.
// `districts` gives the row order; a casus whose wijk is not listed gets a row of its own at
// the end, so that no casus silently drops out of the totals. Timelines without a housing
// type (not woonoverlast) are ignored.
WoonoverlastReport BuildWoonoverlastReport(int year, const std::vector<ReportDistrict>& districts,
                                           const std::vector<CaseTimeline>& timelines);
// The same with every wijk of `districts` shown by that name, without a code.
WoonoverlastReport BuildWoonoverlastReport(int year, const std::vector<std::string>& districts,
                                           const std::vector<CaseTimeline>& timelines);

// Tabel 5.1 for `period`, as BuildWoonoverlastReport does for a year (which is the period of
// that calendar year): casussen HandledBetween the period's days, by their state at its end.
WoonoverlastPeriodReport BuildWoonoverlastPeriodReport(const ReportPeriod& period,
                                                       const std::vector<ReportDistrict>& districts,
                                                       const std::vector<CaseTimeline>& timelines);

// The cells of the wijk rows that `suppression` hides when the table is published: a plan row
// per wijk row, its columns koop lopend, koop afgerond, corporatie lopend, corporatie
// afgerond, particulier lopend, particulier afgerond. Every row's total and the Totaal row (the
// column totals and the grand total) are published true, so small cells are protected from
// being worked out from them too (SuppressionPlan::ForTable).
SuppressionPlan PlanSuppression(const std::vector<WoonoverlastRow>& rows,
                                const CellSuppression& suppression);

// The table as CSV: a header row, one row per wijk and the Totaal row, each
// name,koop_lopend,koop_afgerond,corporatie_lopend,corporatie_afgerond,particulier_lopend,
// particulier_afgerond,total. Lines end in "\n". Cells hidden by PlanSuppression show the
// marker of `suppression`; the total column and the Totaal row stay true.
std::string WoonoverlastReportCsv(const WoonoverlastReport& report,
                                  const CellSuppression& suppression = {});

// The table laid out for a terminal, as in the annual report.
std::string WoonoverlastReportText(const WoonoverlastReport& report);

// The period's table in the same CSV and terminal layouts as the year's.
std::string WoonoverlastPeriodReportCsv(const WoonoverlastPeriodReport& report,
                                        const CellSuppression& suppression = {});
std::string WoonoverlastPeriodReportText(const WoonoverlastPeriodReport& report);

}  // namespace casus::domain
