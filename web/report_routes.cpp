#include "web/report_routes.hpp"

#include <string>
#include <utility>

#include "domain/error.hpp"
#include "domain/reports/cell_suppression.hpp"
#include "domain/reports/report_paragraph.hpp"
#include "web/json_response.hpp"
#include "web/query_string.hpp"
#include "web/report_html.hpp"
#include "web/report_json.hpp"
#include "web/request_values.hpp"
#include "web/text.hpp"

namespace casus::web {

namespace {

constexpr int kMaxSuppressBelow = 1000;

enum class ReportFormat { kJson, kCsv, kText, kHtml };

// What the query asks of a report: its format and which small cells to hide.
struct ReportQuery {
  ReportFormat format = ReportFormat::kJson;
  domain::CellSuppression suppression;
};

ReportQuery ParseReportQuery(const QueryString& parameters) {
  ReportQuery parsed;
  const std::string format = parameters.Get("format").value_or("json");
  if (format == "csv") {
    parsed.format = ReportFormat::kCsv;
  } else if (format == "text") {
    parsed.format = ReportFormat::kText;
  } else if (format == "html") {
    parsed.format = ReportFormat::kHtml;
  } else if (format != "json") {
    ThrowMalformed("query parameter 'format' must be json, csv, text or html");
  }
  if (const auto below = parameters.Get("suppress_below")) {
    const auto value = ParseDigits(*below);
    if (!value || *value < 1 || *value > kMaxSuppressBelow) {
      ThrowMalformed("query parameter 'suppress_below' must be a whole number from 1 to " +
                     std::to_string(kMaxSuppressBelow));
    }
    parsed.suppression.below = static_cast<int>(*value);
  }
  return parsed;
}

ReportQuery ParseReportQuery(std::string_view query) {
  return ParseReportQuery(QueryString(query, {"format", "suppress_below"}));
}

// The period of ?from=YYYY-MM-DD&to=YYYY-MM-DD, both required; its length and order are the
// domain's to check.
domain::ReportPeriod PeriodParameters(const QueryString& parameters) {
  const auto date = [&](std::string_view name) {
    const auto text = parameters.Get(name);
    if (!text) ThrowMalformed("query parameters 'from' and 'to' (YYYY-MM-DD) are required");
    const auto day = domain::Date::Parse(*text);
    if (!day)
      ThrowMalformed("query parameter '" + std::string(name) + "' must be a date YYYY-MM-DD");
    return *day;
  };
  return {date("from"), date("to")};
}

// A period report's query: its period (order and length still to check) and what it asks of
// the report.
struct PeriodReportQuery {
  domain::ReportPeriod period;
  ReportQuery asked;
};

PeriodReportQuery ParsePeriodReportQuery(std::string_view query) {
  const QueryString parameters(query, {"from", "to", "format", "suppress_below"});
  const domain::ReportPeriod period = PeriodParameters(parameters);
  const ReportQuery asked = ParseReportQuery(parameters);
  if (asked.format == ReportFormat::kText || asked.format == ReportFormat::kHtml) {
    ThrowMalformed(
        "format=text and format=html are written for a year report "
        "(/api/v1/reports/.../{year})");
  }
  return {period, asked};
}

// A year report's query; the paragraph (format=text) states every figure, so it cannot be
// published with small cells hidden.
ReportQuery ParseYearReportQuery(std::string_view query) {
  const ReportQuery asked = ParseReportQuery(query);
  if (asked.format == ReportFormat::kText && asked.suppression.below > 1) {
    ThrowMalformed("format=text states every figure: suppress_below applies to json and csv");
  }
  return asked;
}

// The jaarverslag paragraph, Dutch plain text.
Response TextResponse(const Request& request, std::string body) {
  Response response =
      BodyResponse(request, http::status::ok, "text/plain; charset=utf-8", std::move(body));
  response.set(http::field::content_language, "nl");
  return response;
}

// The report as a page. It is self-contained: the policy lets it load nothing and run
// nothing, its own inline style aside.
Response HtmlResponse(const Request& request, std::string body) {
  Response response =
      BodyResponse(request, http::status::ok, "text/html; charset=utf-8", std::move(body));
  response.set(http::field::content_language, "nl");
  response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  return response;
}

std::string PeriodName(const domain::ReportPeriod& period) {
  return period.from.ToString() + "-" + period.to.ToString();
}

// The domain's CSV of `name`'s report for `when` (a year, a period), offered as a file to save.
Response CsvResponse(const Request& request, std::string_view name, const std::string& when,
                     std::string body) {
  Response response =
      BodyResponse(request, http::status::ok, "text/csv; charset=utf-8", std::move(body));
  response.set(http::field::content_disposition,
               "attachment; filename=\"" + std::string(name) + "-" + when + ".csv\"");
  return response;
}

}  // namespace

// Year and query are checked before the report is built, so a bad request costs no query.

Response GetWoonoverlastReport(domain::GuardedReportService& service, const domain::Actor& actor,
                               const Request& request, std::string_view year,
                               std::string_view query) {
  const int report_year = ParseYear(year, "the year");
  const ReportQuery asked = ParseYearReportQuery(query);
  const domain::WoonoverlastReport report = service.Woonoverlast(actor, report_year);
  if (asked.format == ReportFormat::kText) {
    return TextResponse(request, domain::WoonoverlastParagraph(report));
  }
  if (asked.format == ReportFormat::kHtml) {
    return HtmlResponse(request, WoonoverlastReportHtml(report, asked.suppression));
  }
  if (asked.format == ReportFormat::kJson) {
    return JsonResponse(request, http::status::ok,
                        WoonoverlastReportJson(report, asked.suppression));
  }
  return CsvResponse(request, "woonoverlast", std::to_string(report_year),
                     domain::WoonoverlastReportCsv(report, asked.suppression));
}

namespace {

// The first and last year of ?from=YYYY&to=YYYY, both required.
std::pair<int, int> SeriesYears(std::string_view query) {
  const QueryString parameters(query, {"from", "to"});
  const auto from = parameters.Get("from");
  const auto to = parameters.Get("to");
  if (!from || !to) ThrowMalformed("query parameters 'from' and 'to' (years) are required");
  return {ParseYear(*from, "query parameter 'from'"), ParseYear(*to, "query parameter 'to'")};
}

}  // namespace

Response GetWoonoverlastSeries(domain::GuardedReportService& service, const domain::Actor& actor,
                               const Request& request, std::string_view query) {
  const auto [first, last] = SeriesYears(query);
  return JsonResponse(
      request, http::status::ok,
      WoonoverlastSeriesJson(first, last, service.WoonoverlastSeries(actor, first, last)));
}

Response GetOndermijningReport(domain::GuardedReportService& service, const domain::Actor& actor,
                               const Request& request, std::string_view year,
                               std::string_view query) {
  const int report_year = ParseYear(year, "the year");
  const ReportQuery asked = ParseYearReportQuery(query);
  const domain::OndermijningReport report = service.Ondermijning(actor, report_year);
  if (asked.format == ReportFormat::kText) {
    return TextResponse(request, domain::OndermijningParagraph(report));
  }
  if (asked.format == ReportFormat::kHtml) {
    return HtmlResponse(request, OndermijningReportHtml(report, asked.suppression));
  }
  if (asked.format == ReportFormat::kJson) {
    return JsonResponse(request, http::status::ok,
                        OndermijningReportJson(report, asked.suppression));
  }
  return CsvResponse(request, "ondermijning", std::to_string(report_year),
                     domain::OndermijningReportCsv(report, asked.suppression));
}

Response GetWoonoverlastPeriodReport(domain::GuardedReportService& service,
                                     const domain::Actor& actor, const Request& request,
                                     std::string_view query) {
  const auto [period, asked] = ParsePeriodReportQuery(query);
  const domain::WoonoverlastPeriodReport report = service.WoonoverlastForPeriod(actor, period);
  if (asked.format == ReportFormat::kJson) {
    return JsonResponse(request, http::status::ok,
                        WoonoverlastPeriodReportJson(report, asked.suppression));
  }
  return CsvResponse(request, "woonoverlast", PeriodName(period),
                     domain::WoonoverlastPeriodReportCsv(report, asked.suppression));
}

Response GetOndermijningPeriodReport(domain::GuardedReportService& service,
                                     const domain::Actor& actor, const Request& request,
                                     std::string_view query) {
  const auto [period, asked] = ParsePeriodReportQuery(query);
  const domain::OndermijningFigures figures = service.OndermijningForPeriod(actor, period);
  if (asked.format == ReportFormat::kJson) {
    return JsonResponse(request, http::status::ok,
                        OndermijningFiguresJson(figures, asked.suppression));
  }
  return CsvResponse(request, "ondermijning", PeriodName(period),
                     domain::OndermijningFiguresCsv(figures, asked.suppression));
}

namespace {

// `ready` as a ReadyCheck answers: true too when it throws, for then the handler refuses the
// request (a bad year, period or parameter) or fails (the database), neither of which
// computes a report.
template <typename Check>
bool ReadyOrRefused(const Check& ready) {
  try {
    return ready();
  } catch (...) {
    return true;
  }
}

// The period a period report's query asks for, when the handler would accept the query.
domain::ReportPeriod AcceptedPeriod(std::string_view query) {
  const domain::ReportPeriod period = ParsePeriodReportQuery(query).period;
  domain::RequireReportPeriod(period);
  return period;
}

}  // namespace

bool WoonoverlastReportReady(domain::GuardedReportService& service, std::string_view year,
                             std::string_view query) {
  return ReadyOrRefused([&] {
    ParseReportQuery(query);
    return service.WoonoverlastReady(ParseYear(year, "the year"));
  });
}

bool WoonoverlastSeriesReady(domain::GuardedReportService& service, std::string_view query) {
  return ReadyOrRefused([&] {
    const auto [first, last] = SeriesYears(query);
    return service.WoonoverlastSeriesReady(first, last);
  });
}

bool OndermijningReportReady(domain::GuardedReportService& service, std::string_view year,
                             std::string_view query) {
  return ReadyOrRefused([&] {
    ParseReportQuery(query);
    return service.OndermijningReady(ParseYear(year, "the year"));
  });
}

bool WoonoverlastPeriodReportReady(domain::GuardedReportService& service, std::string_view query) {
  return ReadyOrRefused([&] { return service.WoonoverlastReady(AcceptedPeriod(query)); });
}

bool OndermijningPeriodReportReady(domain::GuardedReportService& service, std::string_view query) {
  return ReadyOrRefused([&] { return service.OndermijningReady(AcceptedPeriod(query)); });
}

}  // namespace casus::web
