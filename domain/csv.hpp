#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casus::domain {

// A CSV text as its records: RFC 4180 quoting (a quoted field may hold the separator, line
// breaks and "" for a quote), LF or CRLF line ends, a UTF-8 byte order mark skipped. The
// separator is `,` or `;` (Dutch Excel's), whichever comes first outside quotes on the first
// line. Blank lines are skipped. Each record keeps the line it started on, for messages.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// Throws DomainError(kInvalid) for a quote left open, or text after a closing quote.
std::vector<CsvRecord> ReadCsv(std::string_view text);

}  // namespace casus::domain
