#include "persistence/database.hpp"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "persistence/statement_cache.hpp"

namespace casus::persistence {

namespace {

bool IsMemory(const DatabaseLocation& location) {
  return location.dialect == Dialect::kSqlite && location.target == ":memory:";
}

// Every write transaction on PostgreSQL takes this transaction-scoped advisory lock first (an
// arbitrary key of Casus's own: "casus" in ASCII), as SQLite's BEGIN IMMEDIATE takes its file's
// write lock.
constexpr const char* kPostgresqlWriteLock = "SELECT pg_advisory_xact_lock(426836718963)";

PGconn* PostgresqlHandle(soci::session& session) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  if (backend == nullptr) throw std::logic_error("session is not connected");
  return backend->conn_;
}

// The connection string in libpq's key='value' form, whichever form it was given in: SOCI
// reads options of its own out of the string and mangles a URI without a query
// ("postgresql://u@h/db" reached the server as database "db="), so libpq parses it first.
std::string KeyValueConnectString(const std::string& target) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(target.c_str(), &error);
  if (options == nullptr) {
    const std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    throw std::invalid_argument("not a PostgreSQL connection string: " + message);
  }
  std::string result;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    std::string quoted = "'";
    for (const char c : std::string_view(option->val)) {
      if (c == '\\' || c == '\'') quoted += '\\';
      quoted += c;
    }
    result += (result.empty() ? "" : " ") + std::string(option->keyword) + "=" + quoted + "'";
  }
  PQconninfoFree(options);
  return result;
}

sqlite_api::sqlite3* NativeHandle(soci::session& session) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  if (backend == nullptr) throw std::logic_error("session is not connected");
  return backend->conn_;
}

// SOCI's SQLite connect string is "key=value ..."; quoting keeps spaces and '=' in the path.
std::string ConnectString(const std::string& path) {
  if (path.find('"') != std::string::npos) {
    throw std::invalid_argument("database path must not contain '\"': " + path);
  }
  return "db=\"" + path + "\" timeout=" + std::to_string(Database::kBusyTimeoutMs / 1000);
}

// WAL is a property of the file, set by the first connection that asks. Switching needs the
// exclusive lock, and SQLite refuses it at once (SQLITE_BUSY, without waiting on the busy
// handler) while another connection is switching too, as when two servers start on a new
// file; so this retries until the busy timeout has passed.
std::string EnableWal(soci::session& sql) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(Database::kBusyTimeoutMs);
  for (;;) {
    std::string journal_mode;
    sql << "PRAGMA journal_mode", soci::into(journal_mode);
    if (journal_mode == "wal") return journal_mode;
    try {
      sql << "PRAGMA journal_mode = WAL", soci::into(journal_mode);
      return journal_mode;
    } catch (const soci::sqlite3_soci_error& e) {
      if ((e.result() & 0xff) != SQLITE_BUSY || Clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Each connection's page cache, so that all of them together stay within
// Database::kPageCacheBudgetKib (a pool of 35 on 2 cores would otherwise hold up to 70 MiB),
// and never above SQLite's default of 2000 KiB. The OS caches the file besides.
int CacheKibPerConnection(std::size_t pool_size) {
  constexpr int kSqliteDefaultKib = 2000;
  constexpr int kLeastKib = 256;
  const auto share =
      Database::kPageCacheBudgetKib / static_cast<int>(std::max<std::size_t>(1, pool_size));
  return std::clamp(share, kLeastKib, kSqliteDefaultKib);
}

// Applies and then reads back each setting, so a setting SQLite silently ignores (WAL on a
// file system without shared memory, say) fails loudly here instead of weakening durability.
void Configure(soci::session& sql, bool memory, int cache_kib) {
  sql << "PRAGMA busy_timeout = " + std::to_string(Database::kBusyTimeoutMs);
  sql << "PRAGMA cache_size = " + std::to_string(-cache_kib);
  sql << "PRAGMA foreign_keys = ON";
  const std::string journal_mode = EnableWal(sql);
  sql << "PRAGMA synchronous = FULL";

  int busy_timeout = 0;
  int foreign_keys = 0;
  int synchronous = 0;
  int cache_size = 0;
  sql << "PRAGMA busy_timeout", soci::into(busy_timeout);
  sql << "PRAGMA cache_size", soci::into(cache_size);
  sql << "PRAGMA foreign_keys", soci::into(foreign_keys);
  sql << "PRAGMA synchronous", soci::into(synchronous);
  constexpr int kSynchronousFull = 2;
  if (busy_timeout != Database::kBusyTimeoutMs || foreign_keys != 1 ||
      synchronous != kSynchronousFull || cache_size != -cache_kib ||
      (!memory && journal_mode != "wal")) {
    throw std::runtime_error(
        "SQLite refused the connection settings (journal_mode=" + journal_mode + ")");
  }
}

}  // namespace

// SQLite counts every allocation under one global mutex unless told not to, which serialises
// all connections of the process (a tenth of a GET's time went waiting on it). Takes effect
// only before SQLite initialises, so the first Database of the process sets it; SQLite
// refuses it later (SQLITE_MISUSE), which only means the counting stays on.
void TuneSqliteLibrary() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

Database::Database(const std::string& db, std::size_t pool_size)
    : location_(DatabaseLocation::Parse(db)), pool_size_(IsMemory(location_) ? 1 : pool_size) {
  if (pool_size_ == 0) throw std::invalid_argument("pool_size must be at least 1");
  pool_ = std::make_unique<soci::connection_pool>(pool_size_);
  if (location_.dialect == Dialect::kPostgresql) {
    const std::string connect = KeyValueConnectString(location_.target);
    for (std::size_t i = 0; i < pool_size_; ++i) {
      soci::session& sql = pool_->at(i);
      sql.open(soci::postgresql, connect);
      // Quiet NOTICEs (CREATE TABLE IF NOT EXISTS ...) would go to stderr through libpq.
      sql << "SET client_min_messages = WARNING";
      statements_.push_back(std::make_unique<StatementCache>(sql));
    }
    return;
  }
  TuneSqliteLibrary();
  const std::string connect = ConnectString(location_.target);
  const int cache_kib = CacheKibPerConnection(pool_size_);
  for (std::size_t i = 0; i < pool_size_; ++i) {
    soci::session& sql = pool_->at(i);
    sql.open(soci::sqlite3, connect);
    Configure(sql, IsMemory(location_), cache_kib);
    statements_.push_back(std::make_unique<StatementCache>(sql));
  }
}

Database::~Database() = default;

namespace {

// The session AmbientSession installed on this thread, and for which database.
thread_local const Database* ambient_database = nullptr;
thread_local soci::session* ambient_session = nullptr;

}  // namespace

SessionLease::SessionLease(Database& database) : database_(database) {
  if (ambient_database == &database) {
    session_ = ambient_session;
    return;
  }
  position_ = database.pool_->lease();
  session_ = &database.pool_->at(*position_);
}

SessionLease::~SessionLease() {
  if (!position_) return;  // the ambient session's transaction belongs to its owner
  if (InTransaction(*session_)) {
    if (database_.dialect() == Dialect::kPostgresql) {
      PQclear(PQexec(PostgresqlHandle(*session_), "ROLLBACK"));
    } else {
      sqlite_api::sqlite3_exec(NativeHandle(*session_), "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  database_.pool_->give_back(*position_);
}

AmbientSession::AmbientSession(Database& database, soci::session& session)
    : previous_database_(ambient_database), previous_session_(ambient_session) {
  ambient_database = &database;
  ambient_session = &session;
}

AmbientSession::~AmbientSession() {
  ambient_database = previous_database_;
  ambient_session = previous_session_;
}

Dialect DialectOf(soci::session& session) {
  return session.get_backend_name() == "postgresql" ? Dialect::kPostgresql : Dialect::kSqlite;
}

bool InTransaction(soci::session& session) {
  if (DialectOf(session) == Dialect::kPostgresql) {
    // Idle is outside a transaction; in one, failed in one, or busy (never here) are not.
    return PQtransactionStatus(PostgresqlHandle(session)) != PQTRANS_IDLE;
  }
  // sqlite3_get_autocommit is 0 exactly while a transaction is open on the connection.
  return sqlite_api::sqlite3_get_autocommit(NativeHandle(session)) == 0;
}

Transaction::Transaction(soci::session& session, Mode mode)
    : session_(session), savepoint_(InTransaction(session)) {
  // Savepoints of one name nest: RELEASE and ROLLBACK TO act on the innermost.
  if (savepoint_) {
    Execute(session_, "SAVEPOINT casus_nested");
  } else if (DialectOf(session_) == Dialect::kPostgresql) {
    Execute(session_, mode == Mode::kWrite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
    if (mode == Mode::kWrite) Execute(session_, kPostgresqlWriteLock);
  } else {
    Execute(session_, mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  }
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    if (savepoint_) {
      Execute(session_, "ROLLBACK TO casus_nested");
      Execute(session_, "RELEASE casus_nested");
    } else {
      Execute(session_, "ROLLBACK");
    }
  } catch (...) {
    // SQLite may already have rolled back after an error; SessionLease checks again.
  }
}

void Transaction::Commit() {
  Execute(session_, savepoint_ ? "RELEASE casus_nested" : "COMMIT");
  open_ = false;
}

bool AnswersRead(Database& database) {
  try {
    SessionLease sql(database);
    int one = 0;
    // SQLite answers SELECT 1 without reading the file; the schema table makes it read.
    Execute(*sql,
            database.dialect() == Dialect::kPostgresql ? "SELECT 1"
                                                       : "SELECT 1 FROM sqlite_master LIMIT 1",
            soci::into(one));
    return true;
  } catch (...) {
    return false;
  }
}

void ExecuteScript(soci::session& session, std::string_view script) {
  const std::string text(script);
  if (DialectOf(session) == Dialect::kPostgresql) {
    // The simple query protocol runs several statements, dollar-quoted bodies included.
    PGresult* result = PQexec(PostgresqlHandle(session), text.c_str());
    const ExecStatusType status = PQresultStatus(result);
    const std::string message = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      throw std::runtime_error("SQL script failed: " + message);
    }
    return;
  }
  char* error = nullptr;
  const int rc =
      sqlite_api::sqlite3_exec(NativeHandle(session), text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite_api::sqlite3_errstr(rc);
    sqlite_api::sqlite3_free(error);
    throw std::runtime_error("SQL script failed: " + message);
  }
}

}  // namespace casus::persistence
