#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "command_line.hpp"
#include "domain/clock.hpp"
#include "domain/domain_services.hpp"
#include "persistence/cached_token_store.hpp"
#include "persistence/database.hpp"
#include "persistence/group_commit_writer.hpp"
#include "persistence/openssl_token_crypto.hpp"
#include "persistence/soci_activity_repository.hpp"
#include "persistence/soci_audit_trail.hpp"
#include "persistence/soci_case_repository.hpp"
#include "persistence/soci_data_version.hpp"
#include "persistence/soci_district_repository.hpp"
#include "persistence/soci_idempotency_store.hpp"
#include "persistence/soci_personal_data_store.hpp"
#include "persistence/soci_signal_repository.hpp"
#include "persistence/soci_token_store.hpp"
#include "web/api_services.hpp"

namespace casus::cli {

// What a command does with the audit trail, and with which key (--audit-key-file; see
// AuditKeyFileOption). kAppends: App refuses to open, before anything is written, when the key
// does not fit the chain (a keyed chain without its key, an unkeyed one with a key, another
// key), so that a command never fails half way and `serve` never starts unable to audit.
struct AuditAccess {
  enum class Use { kReads, kAppends };
  Use use = Use::kReads;
  std::optional<std::string> key_file;
};

// kAppends with the key of AuditKeyFileOption(line): for every command that appends audit
// rows, and takes --audit-key-file for it.
AuditAccess AppendingAudit(const CommandLine& line);

// Applies the pending schema migrations. A SQLite database that holds a schema already is
// first copied beside itself (BackupBeforeMigrating) and the copy checked; stderr says where it
// is. A PostgreSQL database is migrated with a note on stderr that pg_dump is its backup.
// Throws, having migrated nothing, when the copy cannot be taken. Returns the migrations applied.
int UpgradeSchema(persistence::Database& database);

// The object graph of one process: the database (brought up to this program's schema on
// opening), the adapters on it and the domain services wired on them. Only `casus migrate`
// creates a database: App refuses, with UsageError naming the fix, a SQLite file that does
// not exist and a database (file or server) that no `casus migrate` has touched, so that a
// mistyped --db never becomes a new, empty database. Members are declared in dependency order, so
// they are destroyed in reverse. Not copyable or movable: the services hold references into it.
struct App {
  // `connections`: SQLite connections in the pool; a server wants one per worker and report
  // worker thread and one for the writer, so that no request waits for a connection (a report
  // holds one for seconds on a large database).
  // `earliest_record_date`: the domain refuses dates of what happened before it (serve's
  // --earliest-date).
  explicit App(const std::string& db_path, const AuditAccess& audit = {},
               std::size_t connections = 4,
               domain::Date earliest_record_date = domain::kDefaultEarliestRecordDate);
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // The command line acts as a local beheerder; the audit trail names the OS user.
  static domain::Actor CommandLineActor();
  // Who runs the command: $USER, else the name of the process's uid ("uid1234" without one).
  static std::string CommandLineUser();

  persistence::Database database;
  int applied_migrations;  // upgrades of a Casus database of an older version
  persistence::SociCaseRepository cases;
  persistence::SociDistrictRepository districts;
  persistence::SociSignalRepository signals;
  persistence::SociActivityRepository activities;
  persistence::SociTokenStore stored_tokens;
  persistence::CachedTokenStore token_store{stored_tokens};  // no query per request
  persistence::SociAuditTrail audit_trail;
  persistence::SociPersonalDataStore personal_data;
  persistence::SociDataVersion data_version;      // the API's year reports are cached under it
  persistence::SociIdempotencyStore idempotency;  // replies kept for Idempotency-Key, 24 h
  persistence::OpenSslTokenCrypto token_crypto;
  persistence::GroupCommitWriter writer;  // every change and audit row commits through it
  domain::SystemClock clock;
  domain::DomainServices services;
};

}  // namespace casus::cli
