#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/case_service.hpp"
#include "domain/cases/casus.hpp"
#include "domain/cases/transition.hpp"

namespace casus::domain {

// One woonoverlast casus as a line of the spreadsheet `casus import` reads (the columns of
// kImportColumns, Dutch headers, in that order): its fields, its status, datum afgerond (the
// date of its last move when it is closed now) and its whole history after the registration
// as `historie`, so that importing the file again gives the same histories and so the same
// Tabel 5.1. Personal data (the address) is not part of the file; a purged casus's
// omschrijving is empty, as stored. Lines end in CRLF (RFC 4180); fields holding the
// separator, a quote or a line break are quoted.
std::string CaseExportHeader(char separator);

// `history` is the casus's, oldest first (its registration first).
std::string CaseExportLine(const Casus& casus, const std::vector<TransitionRecord>& history,
                           char separator);

// What an export covers: one kind's casussen reported within [from, to] (either open), in the
// file's separator, `,` or `;`.
struct CaseExportRequest {
  CaseKind kind = CaseKind::kWoonoverlast;
  std::optional<Date> from, to;
  char separator = ',';
};

// Throws DomainError(kMalformed) for a separator other than `,` or `;`, or from after to, and
// DomainError(kInvalid) for a kind other than woonoverlast (the only kind import reads).
void CheckExportRequest(const CaseExportRequest& request);

// The export file a piece at a time: the header, then one line per casus in id order, a page of
// CaseService::kMaxPageSize casussen per piece, so that memory stays bounded by a page however
// many casussen there are, and a server can send each piece before it reads the next. Pages
// follow the id (keyset): a casus registered meanwhile is in the file when its id comes after
// the page being read. Not thread-safe; `cases` must outlive it.
class CaseExportCursor {
 public:
  // Throws as CheckExportRequest.
  CaseExportCursor(CaseService& cases, const CaseExportRequest& request);

  // The next piece of the file; nullopt once all of it was given. Throws whatever the service
  // throws (the pieces given before stay given).
  std::optional<std::string> Next();

  // The casussen in the pieces given so far.
  std::int64_t casussen() const { return casussen_; }

 private:
  CaseService& cases_;
  const char separator_;
  CaseFilter filter_;
  bool header_given_ = false;
  bool done_ = false;
  std::int64_t casussen_ = 0;
};

// Writes the whole export file through `write`, piece by piece (CaseExportCursor); returns the
// number of casussen in it. Throws as CheckExportRequest, and whatever the service or `write`
// throws (the lines written before stay written).
std::int64_t ExportCases(CaseService& cases, const CaseExportRequest& request,
                         const std::function<void(std::string_view)>& write);

}  // namespace casus::domain
