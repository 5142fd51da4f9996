#include "persistence/statement_cache.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace casus::persistence {

namespace {

// Which session has which cache. Sessions register once when their Database opens them, so the
// lookup per statement is an uncontended lock and a hash.
std::mutex registry_mutex;
std::unordered_map<const soci::session*, StatementCache*>& Registry() {
  static std::unordered_map<const soci::session*, StatementCache*> registry;
  return registry;
}

// Ends the statement's current run: SQLite keeps a stepped statement's read snapshot (and,
// inside no transaction, its shared lock) until it is reset, and keeps pointers to the bound
// values, which the caller is about to free.
void Reset(soci::statement& statement, bool sqlite) {
  if (!sqlite) return;
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
  if (backend == nullptr || backend->stmt_ == nullptr) return;
  sqlite_api::sqlite3_reset(backend->stmt_);
  sqlite_api::sqlite3_clear_bindings(backend->stmt_);
}

std::unique_ptr<soci::statement> Prepare(soci::session& session, const std::string& sql) {
  auto statement = std::make_unique<soci::statement>(session);
  statement->alloc();
  statement->prepare(sql);
  return statement;
}

}  // namespace

StatementCache::StatementCache(soci::session& session)
    : session_(session), sqlite_(session.get_backend_name() == "sqlite3") {
  std::lock_guard lock(registry_mutex);
  Registry()[&session_] = this;
}

StatementCache::~StatementCache() {
  std::lock_guard lock(registry_mutex);
  Registry().erase(&session_);
}

StatementCache* StatementCache::Of(const soci::session& session) {
  std::lock_guard lock(registry_mutex);
  const auto it = Registry().find(&session);
  return it == Registry().end() ? nullptr : it->second;
}

StatementCache::Entry& StatementCache::Acquire(const std::string& sql) {
  ++clock_;
  for (auto& entry : entries_) {
    if (!entry->in_use && entry->sql == sql) {
      entry->in_use = true;
      entry->last_used = clock_;
      return *entry;
    }
  }
  if (entries_.size() >= kCapacity) {
    // Evict the least recently used free statement; when all are in use, grow past capacity.
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (!(*it)->in_use && (oldest == entries_.end() || (*it)->last_used < (*oldest)->last_used))
        oldest = it;
    }
    if (oldest != entries_.end()) entries_.erase(oldest);
  }
  auto entry = std::make_unique<Entry>();
  entry->sql = sql;
  entry->statement = Prepare(session_, sql);  // throws on bad SQL: nothing cached
  ++compiled_;
  entry->in_use = true;
  entry->last_used = clock_;
  entries_.push_back(std::move(entry));
  return *entries_.back();
}

void StatementCache::Release(Entry& entry, bool keep) {
  try {
    entry.statement->bind_clean_up();
    Reset(*entry.statement, sqlite_);
  } catch (...) {
    keep = false;
  }
  entry.in_use = false;
  if (keep) return;
  entries_.erase(std::find_if(entries_.begin(), entries_.end(),
                              [&entry](const auto& held) { return held.get() == &entry; }));
}

CachedStatement::CachedStatement(soci::session& session, const std::string& sql)
    : cache_(StatementCache::Of(session)) {
  if (cache_ != nullptr) {
    entry_ = &cache_->Acquire(sql);
    statement_ = entry_->statement.get();
  } else {
    uncached_ = Prepare(session, sql);
    statement_ = uncached_.get();
  }
}

CachedStatement::~CachedStatement() {
  if (entry_ != nullptr) cache_->Release(*entry_, !failed_);
}

bool CachedStatement::Execute(bool exchange_data) {
  try {
    statement_->define_and_bind();
    return statement_->execute(exchange_data);
  } catch (...) {
    failed_ = true;  // a statement that failed is compiled afresh next time
    throw;
  }
}

}  // namespace casus::persistence
