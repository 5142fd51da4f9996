#include "domain/csv.hpp"

#include "domain/error.hpp"

namespace casus::domain {

namespace {

char SeparatorOf(std::string_view text) {
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',' || c == ';') return c;
    if (c == '\n') break;
  }
  return ',';
}

[[noreturn]] void Refuse(int line, const std::string& what) {
  throw DomainError(ErrorCode::kInvalid, "line " + std::to_string(line) + ": " + what);
}

}  // namespace

std::vector<CsvRecord> ReadCsv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const char separator = SeparatorOf(text);
  std::vector<CsvRecord> records;
  CsvRecord record{1, {}};
  std::string field;
  int line = 1;
  bool field_started = false;  // anything on this record yet (a blank line has nothing)
  bool at_field_start = true;  // only there does a quote open a quoted field
  std::size_t i = 0;
  auto end_record = [&] {
    if (field_started || !record.fields.empty()) {
      record.fields.push_back(std::move(field));
      records.push_back(std::move(record));
    }
    field.clear();
    field_started = false;
    at_field_start = true;
    record = CsvRecord{line + 1, {}};
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && at_field_start) {
      // A quoted field: up to the quote not followed by another.
      const int opened_on = line;
      field_started = true;
      at_field_start = false;
      ++i;
      for (;;) {
        if (i >= text.size()) Refuse(opened_on, "a quoted field is not closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        Refuse(line, "text after a closing quote");
      }
      continue;
    }
    if (c == separator) {
      record.fields.push_back(std::move(field));
      field.clear();
      field_started = true;
      at_field_start = true;
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (c == '\n') {
      end_record();
      ++line;
      ++i;
      continue;
    }
    field += c;
    field_started = true;
    at_field_start = false;
    ++i;
  }
  end_record();
  return records;
}

}  // namespace casus::domain
