// libFuzzer target: the rows of an old spreadsheet as `casus import woonoverlast|signals` reads,
// the bytes an operator hands the import (ReadCsv, then CaseImport's header mapping and row
// mapping, and SignalImport's for signals; pure, no database). Refusals are fine (a DomainError for
// the file, problems for rows); a crash, a sanitizer report or any other exception is a finding,
// and so is:
//  - a row both mapped and refused, or a problem naming a line outside the file;
//  - a mapped row that, written back as `casus export` writes it (CaseExportLine) and read
//    again, maps to something else: the export must import as it was.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/case_export.hpp"
#include "domain/cases/case_import.hpp"
#include "domain/cases/lifecycle.hpp"
#include "domain/csv.hpp"
#include "domain/error.hpp"
#include "domain/ondermijning/signal_import.hpp"

namespace {

using namespace casus::domain;  // NOLINT: a fuzz target of the domain

// The history a casus registered as `imported` and moved by its moves would have.
std::vector<TransitionRecord> HistoryOf(const ImportedCase& imported) {
  std::vector<TransitionRecord> history;
  TransitionRecord registration;
  registration.sequence = 1;
  registration.on = imported.fields.reported_on;
  history.push_back(registration);
  for (const auto& move : imported.moves) {
    TransitionRecord record;
    record.sequence = static_cast<std::int64_t>(history.size()) + 1;
    record.from = history.back().to;
    record.to = move.to;
    record.on = move.on;
    record.reason = move.reason;
    history.push_back(record);
  }
  return history;
}

bool SameMoves(const ImportedCase& a, const ImportedCase& b) {
  if (a.moves.size() != b.moves.size()) return false;
  for (std::size_t i = 0; i < a.moves.size(); ++i) {
    if (a.moves[i].to != b.moves[i].to || a.moves[i].on != b.moves[i].on ||
        a.moves[i].reason != b.moves[i].reason) {
      return false;
    }
  }
  return true;
}

void RequireExportRoundTrip(const ImportedCase& imported) {
  const auto history = HistoryOf(imported);
  Casus casus;
  casus.id = 1;
  casus.kind = imported.fields.kind;
  casus.state = history.back().to;
  casus.district = imported.fields.district;
  casus.housing_type = imported.fields.housing_type;
  casus.reported_on = imported.fields.reported_on;
  casus.categories = imported.fields.categories;
  casus.summary = imported.fields.summary;
  casus.external_ref = imported.fields.external_ref.value_or("casus-1");
  const std::string file = CaseExportHeader(',') + CaseExportLine(casus, history, ',');
  const auto records = ReadCsv(file);
  if (records.size() != 2) std::abort();
  std::vector<ImportProblem> problems;
  const auto again = CaseImport(records[0]).Map(records[1], problems);
  if (!again || !problems.empty()) std::abort();
  const NewCase& a = imported.fields;
  const NewCase& b = again->fields;
  if (a.district != b.district || a.housing_type != b.housing_type ||
      a.reported_on != b.reported_on || a.categories != b.categories || a.summary != b.summary ||
      casus.external_ref != b.external_ref || !SameMoves(imported, *again)) {
    std::abort();
  }
}

// The same bytes as a signals file: refused whole, or each row mapped or refused, never both.
void MapAsSignals(const std::vector<CsvRecord>& records) {
  std::optional<SignalImport> mapping;
  try {
    mapping.emplace(records.front());
  } catch (const DomainError&) {
    return;
  }
  for (std::size_t i = 1; i < records.size(); ++i) {
    std::vector<ImportProblem> problems;
    const auto imported = mapping->Map(records[i], problems);
    if (imported.has_value() == !problems.empty()) std::abort();
    if (imported && imported->line != records[i].line) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<CsvRecord> records;
  std::optional<CaseImport> mapping;
  try {
    records = ReadCsv(text);
    if (records.empty()) return 0;
    MapAsSignals(records);
    mapping.emplace(records.front());
  } catch (const DomainError&) {
    return 0;  // not a file import reads: refused whole
  }
  const int last_line = records.back().line;
  for (std::size_t i = 1; i < records.size(); ++i) {
    std::vector<ImportProblem> problems;
    const auto imported = mapping->Map(records[i], problems);
    if (imported.has_value() == !problems.empty()) std::abort();
    for (const auto& problem : problems) {
      if (problem.line < 2 || problem.line > last_line || problem.reason.empty()) std::abort();
    }
    if (imported) RequireExportRoundTrip(*imported);
  }
  return 0;
}
