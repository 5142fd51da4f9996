// casus import ... and casus export ...: old spreadsheets in, a team's casussen out.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include "app.hpp"
#include "commands.hpp"
#include "domain/cases/case_export.hpp"
#include "domain/cases/case_importer.hpp"
#include "domain/ondermijning/signal_importer.hpp"
#include "progress_bar.hpp"

namespace casus::cli {

namespace {

// A spreadsheet of a few hundred thousand rows is tens of megabytes; far more is not one.
constexpr std::uintmax_t kMaxImportBytes = std::uintmax_t{512} << 20;

std::string ReadImportFile(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw std::runtime_error("cannot read " + path + ": " + error.message());
  if (size > kMaxImportBytes) throw std::runtime_error(path + " is larger than 512 MiB");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// The refused rows as a CSV file: line,column,reason.
void WriteErrorFile(const std::string& path, const std::vector<domain::ImportProblem>& problems) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw std::runtime_error("cannot write " + path);
  file << "line,column,reason\r\n";
  for (const auto& problem : problems) {
    file << problem.line << "," << CsvField(problem.column) << "," << CsvField(problem.reason)
         << "\r\n";
  }
  if (!file.flush()) throw std::runtime_error("cannot write " + path);
}

std::optional<domain::Date> DateOption(const CommandLine& line, const std::string& name) {
  const auto text = line.Option(name);
  if (!text) return std::nullopt;
  return ParseDateOption(*text, "--" + name);
}

}  // namespace

int Import(const CommandLine& line) {
  line.Allow({"db", "file", "errors", "audit-key-file"}, {"dry-run", "skip-invalid"});
  const auto& words = line.words();
  if (words.size() != 2 || (words[1] != "woonoverlast" && words[1] != "signals")) {
    throw UsageError(
        "usage: casus import woonoverlast|signals --db PATH --file FILE.csv [--errors PATH] "
        "[--dry-run] [--skip-invalid] [--audit-key-file PATH]");
  }
  const std::string file = line.Required("file");
  const std::string errors = line.Option("errors").value_or(file + ".errors.csv");
  domain::ImportOptions options;
  options.dry_run = line.Flag("dry-run");
  options.skip_invalid = line.Flag("skip-invalid");
  const std::string text = ReadImportFile(file);
  RequireExistingDatabase(DatabaseOption(line));
  App app(DatabaseOption(line), AppendingAudit(line));
  ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) == 1, "rows");
  const auto started = std::chrono::steady_clock::now();
  const domain::ImportProgress progress = [&](domain::ImportStage stage, std::int64_t done,
                                              std::int64_t total) {
    bar.Update(stage == domain::ImportStage::kChecking ? "checking" : "writing", done, total);
  };
  domain::ImportSummary summary;
  if (words[1] == "woonoverlast") {
    domain::CaseImporter importer(app.services.cases, app.cases, app.writer, app.services.gate,
                                  app.clock);
    summary = importer.Import(App::CommandLineActor(), text, options, progress);
  } else {
    domain::SignalImporter importer(app.services.signals, app.signals, app.writer,
                                    app.services.gate, app.clock);
    summary = importer.Import(App::CommandLineActor(), text, options, progress);
  }
  bar.Finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!summary.problems.empty()) WriteErrorFile(errors, summary.problems);

  const std::int64_t refused = static_cast<std::int64_t>(summary.problems.size());
  std::cout << (options.dry_run ? "dry run, nothing changed: " : "") << summary.rows << " rows: ";
  if (refused > 0 && !options.skip_invalid) {
    std::cout << refused << " refused (see " << errors << "), so nothing "
              << (options.dry_run ? "would be" : "was") << " imported";
  } else {
    std::cout << summary.imported << (options.dry_run ? " would be imported" : " imported") << ", "
              << summary.unchanged << " already present";
    if (refused > 0) std::cout << ", " << refused << " refused (see " << errors << ")";
  }
  std::cout << "; " << std::fixed << std::setprecision(1) << seconds << " s\n";
  return refused > 0 && !options.skip_invalid ? 1 : 0;
}

int Export(const CommandLine& line) {
  line.Allow({"db", "kind", "from", "to", "delimiter", "out", "audit-key-file"});
  const auto& words = line.words();
  if (words.size() != 2 || words[1] != "cases") {
    throw UsageError(
        "usage: casus export cases --db PATH --kind woonoverlast [--from DATE --to DATE] "
        "[--delimiter ';'] --out FILE.csv [--audit-key-file PATH]");
  }
  domain::CaseExportRequest request;
  const auto kind = domain::Parse<domain::CaseKind>(line.Required("kind"));
  if (!kind) throw UsageError("--kind is woonoverlast or ondermijning");
  request.kind = *kind;
  request.from = DateOption(line, "from");
  request.to = DateOption(line, "to");
  const std::string delimiter = line.Option("delimiter").value_or(",");
  if (delimiter.size() != 1) throw UsageError("--delimiter is , or ;");
  request.separator = delimiter[0];
  domain::CheckExportRequest(request);
  const std::string out = line.Required("out");
  RequireExistingDatabase(DatabaseOption(line));
  // The file holds personal data of every casus in it: audited, so it needs the audit key.
  App app(DatabaseOption(line), AppendingAudit(line));
  // Written next to the target and renamed over it once complete: a failed export leaves no
  // half a file where a whole one is expected.
  const std::string partial = out + ".partial";
  std::int64_t lines = 0;
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + partial);
    lines = domain::ExportCases(app.services.cases, request,
                                [&](std::string_view text) { file << text; });
    if (!file.flush()) throw std::runtime_error("cannot write " + partial);
  }
  try {
    // One row for the file, as for an import, with how many casussen it holds (an empty
    // file counts as one read); before the file is in place, so that no export is there
    // without its row.
    app.services.gate.Record(App::CommandLineActor(), domain::Action::kReadCase,
                             "cases/export/" + std::string(domain::Name(request.kind)), "ok",
                             std::max<std::int64_t>(lines, 1));
  } catch (...) {
    std::filesystem::remove(partial);
    throw;
  }
  std::filesystem::rename(partial, out);
  std::cout << "exported " << lines << " casussen to " << out << "\n";
  return 0;
}

}  // namespace casus::cli
