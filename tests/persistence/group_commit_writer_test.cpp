#include "persistence/group_commit_writer.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "domain/error.hpp"
#include "persistence/soci_case_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using testing::TempDatabase;

int CountRows(Database& database, const std::string& table) {
  SessionLease sql(database);
  int count = 0;
  *sql << "SELECT COUNT(*) FROM " + table, soci::into(count);
  return count;
}

void CreateNotes(Database& database) {
  SessionLease sql(database);
  *sql << "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)";
}

void InsertNote(Database& database, int id) {
  SessionLease sql(database);
  Transaction transaction(*sql, Transaction::Mode::kWrite);  // a savepoint inside a unit
  std::string text = "note " + std::to_string(id);
  *sql << "INSERT INTO notes (id, text) VALUES (:id, :text)", soci::use(id, "id"),
      soci::use(text, "text");
  transaction.Commit();
}

TEST_CASE("One failing unit in a batch of 50 rolls back alone, the other 49 commit",
          "[persistence][writer]") {
  TempDatabase db;
  CreateNotes(db.database);
  GroupCommitWriter writer(db.database);
  constexpr int kUnits = 50;
  constexpr int kFailing = 17;
  std::atomic<int> succeeded{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> callers;
  for (int i = 1; i <= kUnits; ++i) {
    callers.emplace_back([&, i] {
      try {
        writer.Run([&] {
          InsertNote(db.database, i);
          if (i == kFailing) throw domain::DomainError(domain::ErrorCode::kInvalid, "no");
        });
        ++succeeded;
      } catch (const domain::DomainError& error) {
        if (error.code() == domain::ErrorCode::kInvalid) ++refused;
      }
    });
  }
  for (auto& caller : callers) caller.join();
  CHECK(succeeded == kUnits - 1);
  CHECK(refused == 1);
  CHECK(CountRows(db.database, "notes") == kUnits - 1);
  SessionLease sql(db.database);
  int failing_rows = -1;
  *sql << "SELECT COUNT(*) FROM notes WHERE id = :id", soci::use(kFailing, "id"),
      soci::into(failing_rows);
  CHECK(failing_rows == 0);
  // Units that waited together shared commits.
  CHECK(writer.BatchesCommitted() < static_cast<std::size_t>(kUnits));
}

std::vector<int> NoteIds(Database& database) {
  SessionLease sql(database);
  std::vector<int> ids(100);
  *sql << "SELECT id FROM notes ORDER BY id", soci::into(ids);
  return ids;
}

TEST_CASE("A nested unit that throws rolls back alone and the enclosing unit commits the rest",
          "[persistence][writer]") {
  TempDatabase db;
  CreateNotes(db.database);
  GroupCommitWriter writer(db.database);
  bool caught = false;
  writer.Run([&] {
    InsertNote(db.database, 1);
    try {
      writer.Run([&] {
        InsertNote(db.database, 2);
        throw domain::DomainError(domain::ErrorCode::kInvalid, "no");
      });
    } catch (const domain::DomainError&) {
      caught = true;  // the enclosing unit goes on: e.g. it writes the refusal's audit row
    }
    writer.Run([&] { InsertNote(db.database, 3); });  // a nested unit that succeeds stays
    InsertNote(db.database, 4);
  });
  CHECK(caught);
  CHECK(NoteIds(db.database) == std::vector<int>{1, 3, 4});
}

TEST_CASE("Nested units roll back to their own level only", "[persistence][writer]") {
  TempDatabase db;
  CreateNotes(db.database);
  GroupCommitWriter writer(db.database);
  writer.Run([&] {
    writer.Run([&] {
      InsertNote(db.database, 1);
      try {
        writer.Run([&] {
          InsertNote(db.database, 2);
          throw std::runtime_error("inner");
        });
      } catch (const std::runtime_error&) {
      }
      InsertNote(db.database, 3);
    });
    try {
      writer.Run([&] {
        InsertNote(db.database, 4);
        throw std::runtime_error("middle");
      });
    } catch (const std::runtime_error&) {
    }
  });
  CHECK(NoteIds(db.database) == std::vector<int>{1, 3});
}

TEST_CASE("An exception a nested unit lets through rolls back the whole enclosing unit",
          "[persistence][writer]") {
  TempDatabase db;
  CreateNotes(db.database);
  GroupCommitWriter writer(db.database);
  CHECK_THROWS_AS(writer.Run([&] {
    InsertNote(db.database, 1);
    writer.Run([&] {
      InsertNote(db.database, 2);
      throw domain::DomainError(domain::ErrorCode::kConflict, "no");
    });
  }),
                  domain::DomainError);
  CHECK(CountRows(db.database, "notes") == 0);
  writer.Run([&] { InsertNote(db.database, 5); });  // the writer goes on
  CHECK(NoteIds(db.database) == std::vector<int>{5});
}

TEST_CASE("A unit's caller returns only once its change is committed for every connection",
          "[persistence][writer]") {
  TempDatabase db;
  CreateNotes(db.database);
  GroupCommitWriter writer(db.database);
  for (int i = 1; i <= 20; ++i) {
    writer.Run([&] { InsertNote(db.database, i); });
    // A fresh connection, outside the writer, sees it at once.
    Database other(db.location(), 1);
    CHECK(CountRows(other, "notes") == i);
  }
}

TEST_CASE("Repository calls inside a unit share its transaction and roll back with it",
          "[persistence][writer]") {
  TempDatabase db;
  SociCaseRepository cases(db.database);
  GroupCommitWriter writer(db.database);
  CHECK_THROWS_AS(writer.Run([&] {
    cases.Create(testing::Woonoverlast(), testing::Registration(testing::Woonoverlast()));
    cases.Create(testing::Woonoverlast(), testing::Registration(testing::Woonoverlast()));
    throw std::runtime_error("fails after two creates");
  }),
                  std::runtime_error);
  CHECK(CountRows(db.database, "cases") == 0);
  writer.Run([&] {
    cases.Create(testing::Woonoverlast(), testing::Registration(testing::Woonoverlast()));
  });
  CHECK(CountRows(db.database, "cases") == 1);
}

TEST_CASE(
    "A database locked by another connection answers unavailable within the deadline, "
    "and the refused unit never runs",
    "[persistence][writer]") {
  TempDatabase db;
  CreateNotes(db.database);
  GroupCommitWriter writer(db.database, {512, 8192, std::chrono::milliseconds(200)});
  Database other(db.location(), 1);
  {
    SessionLease lock(other);
    Transaction holding(*lock, Transaction::Mode::kWrite);
    const auto start = std::chrono::steady_clock::now();
    domain::ErrorCode code = domain::ErrorCode::kMalformed;
    try {
      writer.Run([&] { InsertNote(db.database, 1); });
    } catch (const domain::DomainError& error) {
      code = error.code();
    }
    CHECK(code == domain::ErrorCode::kUnavailable);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  }
  // The lock is gone: the writer works again, and the refused unit was not applied late.
  writer.Run([&] { InsertNote(db.database, 2); });
  CHECK(CountRows(db.database, "notes") == 1);
}

}  // namespace
}  // namespace casus::persistence
