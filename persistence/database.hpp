#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "persistence/database_location.hpp"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace casus::persistence {

class StatementCache;

// One database and a fixed pool of SOCI sessions (connections) on it: a SQLite file, or a
// PostgreSQL server when `db` is a connection string (DatabaseLocation).
//
// PostgreSQL: sessions connect with libpq as the string says; a write transaction takes one
// transaction-scoped advisory lock, so that writers queue as SQLite's do (one at a time, across
// every instance on the database) and the audit chain stays one. The server's own settings
// decide durability (synchronous_commit, fsync).
//
// SQLite:
// Every session is opened with journal_mode=WAL (readers never block the writer),
// foreign_keys=ON, busy_timeout=5000 ms and synchronous=FULL, so a committed write survives a
// killed process or a power loss, and with its share of kPageCacheBudgetKib. The file is
// created when missing; the schema is not: run Migrate() once after opening.
//
// Each session keeps its prepared statements (StatementCache), so a query runs compiled after
// its first use on a connection.
//
// ":memory:" opens a private in-memory database; as every SQLite connection would see its own
// empty database, the pool then holds exactly one session whatever `pool_size` says.
//
// Thread-safety: borrowing sessions (SessionLease) is safe from any number of threads; a
// borrowed session belongs to its borrower alone. Every lease must end before the Database is
// destroyed. Throws soci::soci_error or std::runtime_error when the file cannot be opened or
// configured.
class Database {
 public:
  static constexpr int kBusyTimeoutMs = 5000;
  // What the SQLite page caches of one Database's sessions hold at most together (each gets its
  // share, at most SQLite's default 2000 KiB and at least 256 KiB): RSS stays bounded however
  // many workers serve.
  static constexpr int kPageCacheBudgetKib = 24 * 1024;

  explicit Database(const std::string& db, std::size_t pool_size = 4);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return location_.target; }  // or connection string
  Dialect dialect() const { return location_.dialect; }
  std::size_t pool_size() const { return pool_size_; }

 private:
  friend class SessionLease;

  DatabaseLocation location_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::vector<std::unique_ptr<StatementCache>> statements_;  // one per session; go first
};

// RAII loan of one session of a Database's pool: blocks until a session is free and gives it
// back on destruction. A transaction the borrower left open is rolled back before the session
// returns to the pool, so the next borrower always starts clean. A thread holding a lease must
// not wait for a second one (nor call a repository while holding one): with every session
// lent out, that would wait forever. While an AmbientSession for the same database is alive on
// the calling thread, the lease hands out that session instead and leaves it as it is.
class SessionLease {
 public:
  explicit SessionLease(Database& database);
  ~SessionLease();
  SessionLease(const SessionLease&) = delete;
  SessionLease& operator=(const SessionLease&) = delete;

  soci::session& operator*() const { return *session_; }
  soci::session* operator->() const { return session_; }

 private:
  Database& database_;
  std::optional<std::size_t> position_;  // empty: the ambient session, not a pooled one
  soci::session* session_ = nullptr;
};

// Makes `session` the one every SessionLease on `database` in this thread hands out, for as
// long as this lives: the repositories called inside a unit of work then share its
// transaction (their own Transactions become savepoints in it). Not copyable; nests.
class AmbientSession {
 public:
  AmbientSession(Database& database, soci::session& session);
  ~AmbientSession();
  AmbientSession(const AmbientSession&) = delete;
  AmbientSession& operator=(const AmbientSession&) = delete;

 private:
  const Database* previous_database_;
  soci::session* previous_session_;
};

// RAII transaction on a borrowed session; rolls back on destruction unless committed.
//
// kWrite takes the database's write lock at once (SQLite BEGIN IMMEDIATE; on PostgreSQL an
// advisory lock), waiting up to the busy timeout for another writer, so concurrent
// read-then-write transactions never fail on a lock upgrade. kRead reads one consistent
// snapshot from its first read to its end (PostgreSQL: REPEATABLE READ). On a
// session that is inside a transaction already (a unit of work), it is a savepoint there:
// Commit releases it, destruction without Commit rolls back to it, and only the outermost
// transaction's COMMIT makes anything durable.
class Transaction {
 public:
  enum class Mode { kRead, kWrite };

  Transaction(soci::session& session, Mode mode);
  ~Transaction();  // never throws
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void Commit();

 private:
  soci::session& session_;
  bool open_ = true;
  bool savepoint_ = false;
};

// Whether a transaction is open on `session`.
bool InTransaction(soci::session& session);

// The dialect `session` speaks.
Dialect DialectOf(soci::session& session);

// Whether the database answers a read now, on a pooled session; never throws.
bool AnswersRead(Database& database);

// Executes every statement of `script` (e.g. a migration) on `session`, in the transaction
// that is open there, if any. Throws std::runtime_error naming the failing statement's error.
void ExecuteScript(soci::session& session, std::string_view script);

}  // namespace casus::persistence
