#include "app.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "persistence/database_backup.hpp"
#include "persistence/migrator.hpp"

namespace casus::cli {

namespace {

// `db_path`, once it is known to name a SQLite file that exists (a server is asked later).
const std::string& Existing(const std::string& db_path) {
  RequireExistingDatabase(db_path);
  return db_path;
}

// UpgradeSchema(database), for a database some `casus migrate` has created.
int Upgrade(persistence::Database& database, const std::string& db_path) {
  if (persistence::CurrentVersion(database) == 0) {
    throw UsageError("no Casus database at " +
                     persistence::DatabaseLocation::Parse(db_path).Describe() +
                     " (run `casus migrate --db ...` on it first)");
  }
  return UpgradeSchema(database);
}

std::optional<persistence::AuditKey> KeyOf(const AuditAccess& audit) {
  if (!audit.key_file) return std::nullopt;
  return persistence::AuditKey::ReadFile(*audit.key_file);
}

}  // namespace

App::App(const std::string& db_path, const AuditAccess& audit, std::size_t connections,
         domain::Date earliest_record_date)
    : database(Existing(db_path), connections),
      applied_migrations(Upgrade(database, db_path)),
      cases(database),
      districts(database),
      signals(database),
      activities(database),
      stored_tokens(database),
      audit_trail(database, KeyOf(audit)),
      personal_data(database),
      data_version(database),
      idempotency(database),
      writer(database),
      services({cases, districts, signals, activities, token_store, token_crypto, audit_trail,
                personal_data, clock, &writer, &data_version, &idempotency},
               earliest_record_date) {
  if (audit.use != AuditAccess::Use::kAppends) return;
  try {
    audit_trail.RequireAppendable();
  } catch (const persistence::AuditKeyError& error) {
    // The trail says what is wrong; the command line knows how the key is given.
    throw persistence::AuditKeyError(std::string(error.what()) +
                                     " (the key file is given with --audit-key-file PATH or "
                                     "CASUS_AUDIT_KEY_FILE=PATH)");
  }
}

int UpgradeSchema(persistence::Database& database) {
  const int current = persistence::CurrentVersion(database);
  const int latest = persistence::LatestSchemaVersion();
  if (current > 0 && current < latest) {
    // On stderr: stdout may be a report or a token that a script reads.
    if (database.dialect() == persistence::Dialect::kSqlite) {
      const std::string copy = persistence::BackupBeforeMigrating(database, current);
      std::cerr << "backed up " << database.path() << " (schema version " << current << ") to "
                << copy << " before migrating it to schema version " << latest << "\n";
    } else {
      std::cerr << "migrating " << persistence::DatabaseLocation::Parse(database.path()).Describe()
                << " from schema version " << current << " to " << latest
                << "; Casus cannot back up PostgreSQL itself: take a pg_dump before upgrading "
                   "(README, \"Upgrading\")\n";
    }
  }
  return persistence::Migrate(database);
}

AuditAccess AppendingAudit(const CommandLine& line) {
  return {AuditAccess::Use::kAppends, AuditKeyFileOption(line)};
}

domain::Actor App::CommandLineActor() {
  return {"cli:" + CommandLineUser(), domain::Role::kBeheerder, "cli"};
}

std::string App::CommandLineUser() {
  // $USER first (what `sudo -u` and a login set); systemd services and containers often have
  // no $USER, so then the account of the process's uid, and its number when it has no name.
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  const uid_t uid = ::getuid();
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
      found->pw_name != nullptr && *found->pw_name != '\0') {
    return found->pw_name;
  }
  return "uid" + std::to_string(uid);
}

}  // namespace casus::cli
