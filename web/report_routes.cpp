#include "web/report_routes.hpp"

#include <string>

#include "domain/error.hpp"
#include "web/json_response.hpp"
#include "web/query_string.hpp"
#include "web/report_json.hpp"
#include "web/request_values.hpp"

namespace casus::web {

namespace {

enum class ReportFormat { kJson, kCsv };

ReportFormat ParseFormat(std::string_view query) {
  const QueryString parameters(query, {"format"});
  const std::string format = parameters.Get("format").value_or("json");
  if (format == "json") return ReportFormat::kJson;
  if (format == "csv") return ReportFormat::kCsv;
  throw domain::DomainError(domain::ErrorCode::kMalformed,
                            "query parameter 'format' must be json or csv");
}

// The domain's CSV of `name`'s report for `year`, offered as a file to save.
Response CsvResponse(const Request& request, std::string_view name, int year, std::string body) {
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type, "text/csv; charset=utf-8");
  response.set(http::field::content_disposition, "attachment; filename=\"" + std::string(name) +
                                                     "-" + std::to_string(year) + ".csv\"");
  response.set(http::field::cache_control, "no-store");
  response.body() = std::move(body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

}  // namespace

// Year and format are checked before the report is built, so a bad request costs no query.

Response GetWoonoverlastReport(domain::CaseService& service, const Request& request,
                               std::string_view year, std::string_view query) {
  const int report_year = ParseYear(year, "the year");
  const ReportFormat format = ParseFormat(query);
  const domain::WoonoverlastReport report = service.WoonoverlastYearReport(report_year);
  if (format == ReportFormat::kJson) {
    return JsonResponse(request, http::status::ok, WoonoverlastReportJson(report));
  }
  return CsvResponse(request, "woonoverlast", report_year, domain::WoonoverlastReportCsv(report));
}

Response GetOndermijningReport(domain::OndermijningReportService& service, const Request& request,
                               std::string_view year, std::string_view query) {
  const int report_year = ParseYear(year, "the year");
  const ReportFormat format = ParseFormat(query);
  const domain::OndermijningReport report = service.YearReport(report_year);
  if (format == ReportFormat::kJson) {
    return JsonResponse(request, http::status::ok, OndermijningReportJson(report));
  }
  return CsvResponse(request, "ondermijning", report_year, domain::OndermijningReportCsv(report));
}

}  // namespace casus::web
