#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace casus::persistence {

// The prepared statements of one session, keyed by their SQL text, so that no statement is
// compiled twice on a connection (compiling was 40% of the CPU of a GET before; SQLite itself
// keeps no such cache, and SOCI prepares on every `session << ...`). Repositories never touch
// it directly: they run SQL through CachedStatement or Execute below. Query texts depend only
// on the shape of a query, never on its values (sql_query.hpp), so the set stays small; beyond
// kCapacity the least recently used statement not in use is finalized.
//
// A Database creates one per session and registers it, so CachedStatement finds it from the
// session alone; a session without one (opened by hand) prepares every time, as before.
//
// Thread-safety: none of its own; it belongs to its session, which one thread uses at a time.
// The registry (Of, the constructor, the destructor) is safe from any thread. Must be
// destroyed before its session.
class StatementCache {
 public:
  static constexpr std::size_t kCapacity = 128;

  explicit StatementCache(soci::session& session);
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The cache registered for `session`, or nullptr.
  static StatementCache* Of(const soci::session& session);

  // Statements compiled so far on this session; tests pin that a repeated query is not.
  std::uint64_t Compiled() const { return compiled_; }
  std::size_t Size() const { return entries_.size(); }

 private:
  friend class CachedStatement;
  struct Entry {
    std::string sql;
    std::unique_ptr<soci::statement> statement;
    bool in_use = false;
    std::uint64_t last_used = 0;
  };

  // A prepared statement for `sql`, marked in use: the cached one when it is free, else a new
  // one (cached when there is room). A statement in use (a query running inside the loop of
  // the same query) is never handed out twice.
  Entry& Acquire(const std::string& sql);
  // Back to the cache, reset and unbound; `keep` false finalizes it (it failed).
  void Release(Entry& entry, bool keep);

  soci::session& session_;
  const bool sqlite_;
  std::vector<std::unique_ptr<Entry>> entries_;
  std::uint64_t clock_ = 0;
  std::uint64_t compiled_ = 0;
};

// One run of a cached prepared statement, RAII: exchange into and use elements as on a
// soci::statement, Execute, fetch; destruction unbinds the elements, resets the statement (so
// it holds no read snapshot and no lock) and gives it back. The elements it was given must
// outlive it; one CachedStatement runs once.
//
//   CachedStatement update(sql, "UPDATE cases SET state = :to WHERE id = :id");
//   update->exchange(soci::use(to, "to"));
//   update->exchange(soci::use(id, "id"));
//   update.Execute();
//   if (update->get_affected_rows() == 0) ...
class CachedStatement {
 public:
  CachedStatement(soci::session& session, const std::string& sql);
  ~CachedStatement();
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  soci::statement& operator*() { return *statement_; }
  soci::statement* operator->() { return statement_; }

  // Binds the exchanged elements and executes. With `exchange_data` (single-row statements,
  // the `session << ...` way) the first row lands in the into elements and the result says
  // whether there was one; without it (for a fetch() loop) nothing is fetched yet.
  bool Execute(bool exchange_data = true);

 private:
  StatementCache* cache_;
  StatementCache::Entry* entry_ = nullptr;
  std::unique_ptr<soci::statement> uncached_;  // when the session has no cache
  soci::statement* statement_;
  bool failed_ = false;
};

// `session << sql, elements...` through the cache: executes once with data exchange and
// returns whether a row was fetched into the into elements.
//
//   Execute(sql, "SELECT MAX(sequence) FROM case_transitions WHERE case_id = :id",
//           soci::use(id, "id"), soci::into(last, last_indicator));
template <typename... Elements>
bool Execute(soci::session& session, const std::string& sql, Elements&&... elements) {
  CachedStatement statement(session, sql);
  (statement->exchange(std::forward<Elements>(elements)), ...);
  return statement.Execute(true);
}

}  // namespace casus::persistence
