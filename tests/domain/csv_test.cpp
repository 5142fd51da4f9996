#include "domain/csv.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "domain/error.hpp"

using casus::domain::CsvRecord;
using casus::domain::DomainError;
using casus::domain::ReadCsv;

namespace {

// RFC 4180's writing: a field with the separator, a quote or a line break is quoted. A file of
// one column has no separator for the reader to detect (it takes `,`), so there a field with
// either separator is quoted, as a writer of such a file must.
std::string Written(const std::vector<std::vector<std::string>>& records, char separator,
                    const std::string& line_end) {
  std::string text;
  for (const auto& record : records) {
    const std::string special =
        (record.size() == 1 ? std::string(",;") : std::string(1, separator)) + "\"\r\n";
    for (std::size_t i = 0; i < record.size(); ++i) {
      if (i > 0) text += separator;
      const std::string& field = record[i];
      if (field.find_first_of(special) == std::string::npos) {
        text += field;
        continue;
      }
      text += '"';
      for (char c : field) text += c == '"' ? std::string("\"\"") : std::string(1, c);
      text += '"';
    }
    text += line_end;
  }
  return text;
}

}  // namespace

TEST_CASE("Any records written as RFC 4180 with comma or semicolon and LF or CRLF read back as they were",
          "[domain][csv]") {
  std::mt19937 random(13);
  const std::string alphabet = "ab ;,\"\n\xC3\xA9x1";  // separators, quotes, breaks, UTF-8
  for (int run = 0; run < 500; ++run) {
    const char separator = random() % 2 ? ';' : ',';
    const std::string line_end = random() % 2 ? "\r\n" : "\n";
    const std::size_t columns = 1 + random() % 4;
    std::vector<std::vector<std::string>> records;
    // The header decides the separator: its fields are plain words.
    std::vector<std::string> header;
    for (std::size_t c = 0; c < columns; ++c) header.push_back("col" + std::to_string(c));
    records.push_back(header);
    for (std::size_t r = 0, rows = random() % 6; r < rows; ++r) {
      std::vector<std::string> record;
      for (std::size_t c = 0; c < columns; ++c) {
        std::string field;
        for (std::size_t k = 0, length = random() % 6; k < length; ++k) {
          field += alphabet[random() % alphabet.size()];
        }
        record.push_back(field);
      }
      // A record of one empty field is a blank line, which the reader skips by design.
      if (columns == 1 && record[0].empty()) record[0] = "x";
      records.push_back(record);
    }
    const std::string text = Written(records, separator, line_end);
    const auto read = ReadCsv(text);
    REQUIRE(read.size() == records.size());
    for (std::size_t r = 0; r < records.size(); ++r) CHECK(read[r].fields == records[r]);
  }
}

TEST_CASE("CSV records know their first line, a BOM is skipped, an open quote is refused",
          "[domain][csv]") {
  const auto read = ReadCsv(
      "\xEF\xBB\xBF"
      "a;b\n\n\"x\ny\";2\nz;3");
  REQUIRE(read.size() == 3);
  CHECK(read[0].fields == std::vector<std::string>{"a", "b"});
  CHECK(read[1].line == 3);
  CHECK(read[1].fields == std::vector<std::string>{"x\ny", "2"});
  CHECK(read[2].line == 5);
  CHECK_THROWS_AS(ReadCsv("a,b\n\"open,2\n"), DomainError);
  CHECK_THROWS_AS(ReadCsv("a,b\n\"x\"y,2\n"), DomainError);
}
