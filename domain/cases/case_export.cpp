#include "domain/cases/case_export.hpp"

#include "domain/cases/import_column.hpp"
#include "domain/cases/lifecycle.hpp"
#include "domain/error.hpp"

namespace casus::domain {

namespace {

std::string Field(const std::string& text, char separator) {
  if (text.find_first_of(std::string("\"\r\n") + separator) == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::string CaseExportHeader(char separator) {
  std::string line;
  for (const auto& name : kImportColumns) {
    if (!line.empty()) line += separator;
    line += Field(std::string(name.dutch), separator);
  }
  return line + "\r\n";
}

std::string CaseExportLine(const Casus& casus, const std::vector<TransitionRecord>& history,
                           char separator) {
  std::string categories;
  for (const auto category : casus.categories) {
    categories += (categories.empty() ? "" : "|") + std::string(Name(category));
  }
  std::string moves;
  for (std::size_t i = 1; i < history.size(); ++i) {
    moves += (moves.empty() ? "" : "|") + std::string(Name(history[i].to)) + "@" +
             history[i].on.ToString();
  }
  const bool closed = IsClosed(casus.state) && history.size() > 1;
  std::string line;
  bool first = true;
  for (const auto& name : kImportColumns) {
    std::string value;
    switch (name.column) {
      case ImportColumn::kWijk:
        value = casus.district.value_or("");
        break;
      case ImportColumn::kWoningtype:
        value = casus.housing_type ? std::string(Name(*casus.housing_type)) : "";
        break;
      case ImportColumn::kDatumMelding:
        value = casus.reported_on.ToString();
        break;
      case ImportColumn::kCategorie:
        value = categories;
        break;
      case ImportColumn::kOmschrijving:
        value = casus.summary;
        break;
      case ImportColumn::kStatus:
        value = std::string(Name(casus.state));
        break;
      case ImportColumn::kDatumAfgerond:
        value = closed ? history.back().on.ToString() : "";
        break;
      case ImportColumn::kHistorie:
        value = moves;
        break;
      case ImportColumn::kExternalRef:
        // A casus entered through the API gets its id as its reference, so that importing the
        // export twice still adds it once.
        value = casus.external_ref.value_or("casus-" + std::to_string(casus.id));
        break;
    }
    if (!first) line += separator;
    first = false;
    line += Field(value, separator);
  }
  return line + "\r\n";
}

void CheckExportRequest(const CaseExportRequest& request) {
  if (request.separator != ',' && request.separator != ';') {
    throw DomainError(ErrorCode::kMalformed, "delimiter must be , or ;");
  }
  if (request.kind != CaseKind::kWoonoverlast) {
    throw DomainError(ErrorCode::kInvalid,
                      "only woonoverlast casussen are exported: the file is what import reads");
  }
  if (request.from && request.to && *request.from > *request.to) {
    throw DomainError(ErrorCode::kMalformed, "from " + request.from->ToString() +
                                                 " lies after to " + request.to->ToString());
  }
}

CaseExportCursor::CaseExportCursor(CaseService& cases, const CaseExportRequest& request)
    : cases_(cases), separator_(request.separator) {
  CheckExportRequest(request);
  filter_.kind = request.kind;
  filter_.reported_from = request.from;
  filter_.reported_to = request.to;
  filter_.limit = CaseService::kMaxPageSize;
}

std::optional<std::string> CaseExportCursor::Next() {
  if (!header_given_) {
    header_given_ = true;
    return CaseExportHeader(separator_);
  }
  if (done_) return std::nullopt;
  const CasePage page = cases_.List(filter_);
  done_ = !page.next;
  filter_.after = page.next;
  if (page.items.empty()) return std::nullopt;
  std::string piece;
  for (const Casus& casus : page.items) {
    piece += CaseExportLine(casus, cases_.History(casus.id), separator_);
  }
  casussen_ += static_cast<std::int64_t>(page.items.size());
  return piece;
}

std::int64_t ExportCases(CaseService& cases, const CaseExportRequest& request,
                         const std::function<void(std::string_view)>& write) {
  CaseExportCursor cursor(cases, request);
  while (const auto piece = cursor.Next()) write(*piece);
  return cursor.casussen();
}

}  // namespace casus::domain
