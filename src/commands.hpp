#pragma once

#include "command_line.hpp"

namespace casus::cli {

// Each command returns the process exit code: 0 on success, 1 when the work failed.
// They throw UsageError for wrong invocations (main turns that into exit code 2).
int Serve(const CommandLine& line);
int Config(const CommandLine& line);  // config check [--config PATH] [serve options...]
int Migrate(const CommandLine& line);
int Copy(const CommandLine& line);  // copy --from DB --to DB
int SeedDemo(const CommandLine& line);
int SeedSynthetic(const CommandLine& line);  // seed-synthetic --cases N [--seed S]
int Report(const CommandLine& line);
int Token(const CommandLine& line);                 // token create|list|revoke
int Audit(const CommandLine& line);                 // audit verify|head|init-key|rekey
int Purge(const CommandLine& line);                 // purge --as-of [--dry-run]
int Retention(const CommandLine& line);             // retention show|set
int Districts(const CommandLine& line);             // districts list|add|load|rename|retire|reorder
int MunicipalitySettings(const CommandLine& line);  // settings show|set: name, table title
int Backup(const CommandLine& line);                // backup --db PATH --to FILE [--key-file PATH]
int Import(const CommandLine& line);  // import woonoverlast|signals --file FILE.csv [...]
int Export(const CommandLine& line);  // export cases --kind K --out FILE.csv [...]

}  // namespace casus::cli
