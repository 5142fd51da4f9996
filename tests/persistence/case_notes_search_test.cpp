// Notes on a casus and the search, sorts and count of the case list, on SQLite and (with
// CASUS_TEST_BACKEND=postgresql) PostgreSQL: schema/*/012_case_notes_search.sql.

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "domain/cases/search_words.hpp"
#include "persistence/soci_case_repository.hpp"
#include "persistence/soci_personal_data_store.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::CaseFilter;
using domain::CaseKind;
using domain::CaseSort;
using domain::CaseState;
using testing::D;
using testing::Move;
using testing::Registration;
using testing::Woonoverlast;

std::vector<domain::CaseId> Ids(const domain::CasePage& page) {
  std::vector<domain::CaseId> ids;
  for (const auto& casus : page.items) ids.push_back(casus.id);
  return ids;
}

struct Fixture {
  testing::TempDatabase db;
  SociCaseRepository cases{db.database};

  domain::Casus Create(const domain::NewCase& fields) {
    return cases.Create(fields, Registration(fields));
  }
  domain::Casus Create(const char* summary, const char* street, const char* postcode,
                       const char* reported_on = "2024-03-01") {
    domain::NewCase fields = Woonoverlast("Meerzicht", domain::HousingType::kKoop, reported_on);
    fields.summary = summary;
    fields.address = domain::Address{street, "1", postcode, std::nullopt};
    return Create(fields);
  }
  domain::CaseNote Note(domain::CaseId id, const std::string& text) {
    return cases.AddNote({0, id, text, "woonoverlast", "2024-05-01T10:00:00Z"});
  }
  std::vector<domain::CaseId> Search(std::vector<std::string> words) {
    CaseFilter filter;
    filter.words = std::move(words);
    return Ids(cases.List(filter));
  }
};

TEST_CASE_METHOD(Fixture, "Notes are stored oldest first and paged by id", "[persistence][notes]") {
  const auto casus = Create(Woonoverlast());
  const auto other = Create(Woonoverlast());
  const auto first = Note(casus.id, "Huisbezoek: niemand thuis.");
  Note(other.id, "Over een andere casus");
  const auto second = Note(casus.id, "Gebeld met de verhuurder — café ‘De Hoek’.");
  CHECK(first.id > 0);
  CHECK(second.id > first.id);
  CHECK(first.case_id == casus.id);

  const auto all = cases.Notes(casus.id, std::nullopt, 10);
  REQUIRE(all.items.size() == 2);
  CHECK(all.items[0].text == "Huisbezoek: niemand thuis.");
  CHECK(all.items[0].author == "woonoverlast");
  CHECK(all.items[0].at == "2024-05-01T10:00:00Z");
  CHECK(all.items[1].text == "Gebeld met de verhuurder — café ‘De Hoek’.");
  CHECK_FALSE(all.next);

  const auto page = cases.Notes(casus.id, std::nullopt, 1);
  REQUIRE(page.items.size() == 1);
  CHECK(page.next == first.id);
  const auto rest = cases.Notes(casus.id, page.next, 1);
  REQUIRE(rest.items.size() == 1);
  CHECK(rest.items[0].id == second.id);
  CHECK_FALSE(rest.next);
  CHECK(cases.Notes(casus.id + 100, std::nullopt, 10).items.empty());
}

TEST_CASE_METHOD(Fixture, "A note leaves the casus and its version as they are",
                 "[persistence][notes]") {
  const auto casus = Create(Woonoverlast());
  Note(casus.id, "Nog niets veranderd");
  CHECK(cases.Find(casus.id)->version == casus.version);
}

TEST_CASE_METHOD(Fixture, "The postcode filter is exact on the normal form",
                 "[persistence][search]") {
  const auto a = Create("a", "Dorpsstraat", "2711AA");
  Create("b", "Dorpsstraat", "2711AB");
  CaseFilter filter;
  filter.postcode = "2711AA";
  CHECK(Ids(cases.List(filter)) == std::vector{a.id});
  filter.postcode = "2711A";
  CHECK(cases.List(filter).items.empty());
}

TEST_CASE_METHOD(Fixture, "The reported_from and reported_to filters are inclusive",
                 "[persistence][search]") {
  const auto march = Create("a", "Straat", "2711AA", "2024-03-01");
  const auto april = Create("b", "Straat", "2711AA", "2024-04-30");
  Create("c", "Straat", "2711AA", "2024-05-01");
  CaseFilter filter;
  filter.reported_from = D("2024-03-01");
  filter.reported_to = D("2024-04-30");
  CHECK(Ids(cases.List(filter)) == std::vector{march.id, april.id});
}

TEST_CASE_METHOD(Fixture, "q finds words in the summary, the street and the notes",
                 "[persistence][search]") {
  const auto loud = Create("Harde muziek 's nachts", "Dorpsstraat", "2711AA");
  const auto dog = Create("Blaffende hond", "Kerkweg", "2711AB");
  Note(dog.id, "Huisbezoek: eigenaar belooft een hondentrainer.");
  CHECK(Search({"muziek"}) == std::vector{loud.id});
  CHECK(Search({"kerkweg"}) == std::vector{dog.id});
  CHECK(Search({"hondentrainer"}) == std::vector{dog.id});
  SECTION("every word must match, in any field") {
    CHECK(Search({"hond", "eigenaar", "kerkweg"}) == std::vector{dog.id});
    CHECK(Search({"hond", "muziek"}).empty());
  }
  SECTION("whole words only, whatever their case") {
    CHECK(Search({"muz"}).empty());  // no prefixes
    CHECK(Search({"hond"}) == std::vector{dog.id});
    CHECK(Search(domain::SearchWords::Parse("MUZIEK Nachts")) == std::vector{loud.id});
  }
  SECTION("query syntax in the words is only text") {
    for (const char* q : {"NEAR(", "\"", "muziek OR hond", "hond*", "-hond", "hond:x", "AND",
                          "NOT muziek", "'); DROP TABLE cases; --"}) {
      INFO(q);
      CHECK_NOTHROW(cases.List([&] {
        CaseFilter filter;
        filter.words = domain::SearchWords::Split(q);
        if (filter.words.empty()) filter.words = {"\"", "NEAR("};  // straight to the storage
        return filter;
      }()));
    }
    CHECK(Search(domain::SearchWords::Parse("muziek OR hond")).empty());  // OR is a word
    CHECK(Search({"\""}).empty());
  }
}

TEST_CASE_METHOD(Fixture, "q follows a changed summary and street", "[persistence][search]") {
  const auto casus = Create("Harde muziek", "Dorpsstraat", "2711AA");
  {
    SessionLease sql(db.database);
    *sql << "UPDATE cases SET summary = 'Stank van afval', address_street = 'Marktplein' "
            "WHERE id = :id",
        soci::use(casus.id, "id");
  }
  CHECK(Search({"muziek"}).empty());
  CHECK(Search({"dorpsstraat"}).empty());
  CHECK(Search({"afval", "marktplein"}) == std::vector{casus.id});
}

TEST_CASE_METHOD(Fixture, "The purge removes a casus's notes and its words from the search",
                 "[persistence][search][retention]") {
  SociPersonalDataStore store(db.database);
  const auto closed = Create("Harde muziek", "Dorpsstraat", "2711AA", "2018-01-10");
  const auto open = Create("Harde muziek", "Dorpsstraat", "2711AA", "2018-01-10");
  Note(closed.id, "Buurman Jansen belt dagelijks");
  Note(open.id, "Buurman Jansen belt dagelijks");
  REQUIRE(cases.AppendTransition(closed.id, 1,
                                 Move(CaseState::kGemeld, CaseState::kAfgerond, "2018-06-01")));
  const auto due = store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2020-01-01"));
  REQUIRE(due.size() == 1);
  REQUIRE(store.Purge({closed.id, open.id}, {}, "2025-01-01").cases == std::vector{closed.id});

  CHECK(cases.Notes(closed.id, std::nullopt, 10).items.empty());
  CHECK(cases.Notes(open.id, std::nullopt, 10).items.size() == 1);
  CHECK(Search({"jansen"}) == std::vector{open.id});
  CHECK(Search({"muziek"}) == std::vector{open.id});
  CHECK(Search({"dorpsstraat"}) == std::vector{open.id});
  CaseFilter by_postcode;
  by_postcode.postcode = "2711AA";
  CHECK(Ids(cases.List(by_postcode)) == std::vector{open.id});

  SECTION("a note added after the purge makes the casus due again") {
    CHECK(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2020-01-01")).empty());
    Note(closed.id, "Nagekomen bericht van Jansen");
    CHECK(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2020-01-01")).size() == 1);
  }
}

TEST_CASE_METHOD(Fixture, "count is the number of every match, not of the page",
                 "[persistence][search]") {
  for (int i = 0; i < 5; ++i) Create("a", "Straat", "2711AA");
  Create("a", "Straat", "2711AB");
  CaseFilter filter;
  filter.postcode = "2711AA";
  filter.limit = 2;
  CHECK_FALSE(cases.List(filter).count);
  filter.count = true;
  const auto page = cases.List(filter);
  CHECK(page.items.size() == 2);
  CHECK(page.count == 5);
  filter.after = page.next;
  CHECK(cases.List(filter).count == 5);
}

TEST_CASE_METHOD(Fixture, "A date sort seeks from the cursor only when it is of the filter's kind",
                 "[persistence][search]") {
  const auto woonoverlast =
      Create(Woonoverlast("Meerzicht", domain::HousingType::kKoop, "2024-03-01"));
  const auto ondermijning = Create(testing::OndermijningOn({domain::Theme::kDrugs}, "2024-01-01"));
  CaseFilter filter;
  filter.kind = CaseKind::kWoonoverlast;
  filter.sort = CaseSort::kReportedOn;
  filter.after = ondermijning.id;
  CHECK(cases.List(filter).items.empty());  // as for a missing casus
  filter.after = 999;
  CHECK(cases.List(filter).items.empty());
  filter.after = 0;
  CHECK(Ids(cases.List(filter)) == std::vector{woonoverlast.id});
}

TEST_CASE("SQLite's library has FTS5 compiled in", "[persistence][search]") {
  if (testing::TestsOnPostgres()) return;
  testing::TempDatabase db;
  SessionLease sql(db.database);
  int used = 0;
  *sql << "SELECT sqlite_compileoption_used('ENABLE_FTS5')", soci::into(used);
  CHECK(used == 1);
}

// The property: paging through any filter in any sort with any page size visits exactly the
// casussen an in-memory filter and sort of all of them gives, in that order; none skipped,
// none repeated.
TEST_CASE("Keyset paging in every sort and filter equals sorting everything in memory",
          "[persistence][search][property]") {
  testing::TempDatabase db;
  SociCaseRepository cases(db.database);
  std::mt19937 random(20241202);
  const auto pick = [&](const auto& values) {
    return values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(random)];
  };
  const std::vector<std::string> districts = {"Centrum", "Meerzicht", "Rokkeveen"};
  const std::vector<std::string> dates = {"2023-12-31", "2024-01-01", "2024-01-02", "2024-02-29",
                                          "2024-03-01"};  // few, so that many tie
  const std::vector<std::string> postcodes = {"2711AA", "2711AB", "2712CD"};
  const std::vector<std::string> words = {"hond", "muziek", "afval", "stank", "buren"};
  const std::vector<std::string> streets = {"Dorpsstraat", "Kerkweg", "Marktplein"};
  const std::vector<CaseState> states = {CaseState::kGemeld, CaseState::kLopend};

  struct Stored {
    domain::Casus casus;
    std::set<std::string> words;  // of summary, street and notes, lower case
  };
  std::vector<Stored> all;
  for (int i = 0; i < 90; ++i) {
    domain::NewCase fields;
    fields.kind = i % 4 == 3 ? CaseKind::kOndermijning : CaseKind::kWoonoverlast;
    fields.reported_on = D(pick(dates).c_str());
    fields.district = pick(districts);
    if (fields.kind == CaseKind::kWoonoverlast) {
      fields.housing_type = domain::HousingType::kKoop;
      fields.categories = {domain::NuisanceCategory::kGeluid};
    } else {
      fields.themes = {domain::Theme::kDrugs};
    }
    fields.summary = pick(words) + " en " + pick(words);
    if (i % 5 != 0) fields.address = domain::Address{pick(streets), "1", pick(postcodes), {}};
    Stored stored{cases.Create(fields, Registration(fields)), {}};
    if (random() % 2 == 0) {
      REQUIRE(cases.AppendTransition(
          stored.casus.id, 1,
          Move(CaseState::kGemeld, CaseState::kLopend, fields.reported_on.ToString().c_str())));
      stored.casus.state = CaseState::kLopend;
    }
    std::string text = fields.summary + " " + (fields.address ? fields.address->street : "");
    for (int n = static_cast<int>(random() % 3); n > 0; --n) {
      const std::string note = "notitie " + pick(words) + "-" + pick(words);
      cases.AddNote({0, stored.casus.id, note, "t", "2024-05-01T10:00:00Z"});
      text += " " + note;
    }
    for (const auto& word : domain::SearchWords::Split(text)) stored.words.insert(word);
    all.push_back(stored);
  }

  const auto matches = [](const Stored& s, const CaseFilter& f) {
    const auto& c = s.casus;
    if (f.kind && c.kind != *f.kind) return false;
    if (f.state && c.state != *f.state) return false;
    if (f.district && c.district != *f.district) return false;
    if (f.reported_from && c.reported_on < *f.reported_from) return false;
    if (f.reported_to && *f.reported_to < c.reported_on) return false;
    if (f.postcode && (!c.address || c.address->postcode != *f.postcode)) return false;
    return std::all_of(f.words.begin(), f.words.end(),
                       [&](const std::string& w) { return s.words.count(w) > 0; });
  };

  for (const CaseSort sort :
       {CaseSort::kId, CaseSort::kReportedOn, CaseSort::kReportedOnDescending}) {
    for (int filters = 0; filters < 64; ++filters) {  // every combination of six filters
      CaseFilter filter;
      filter.sort = sort;
      if (filters & 1)
        filter.kind = pick(std::vector{CaseKind::kWoonoverlast, CaseKind::kOndermijning});
      if (filters & 2) filter.state = pick(states);
      if (filters & 4) filter.district = pick(districts);
      if (filters & 8) {
        filter.reported_from = D(pick(dates).c_str());
        filter.reported_to = std::max(*filter.reported_from, D(pick(dates).c_str()));
      }
      if (filters & 16) filter.postcode = pick(postcodes);
      if (filters & 32) filter.words = {pick(words)};
      if ((filters & 32) && random() % 2 == 0) filter.words.push_back(pick(words));

      std::vector<const Stored*> expected;
      for (const Stored& s : all) {
        if (matches(s, filter)) expected.push_back(&s);
      }
      std::stable_sort(expected.begin(), expected.end(), [&](const Stored* a, const Stored* b) {
        const auto key = [&](const Stored* s) {
          return std::tuple(sort == CaseSort::kId ? std::string() : s->casus.reported_on.ToString(),
                            s->casus.id);
        };
        return sort == CaseSort::kReportedOnDescending ? key(b) < key(a) : key(a) < key(b);
      });
      std::vector<domain::CaseId> expected_ids;
      for (const Stored* s : expected) expected_ids.push_back(s->casus.id);

      std::vector<domain::CaseId> paged;
      filter.limit = std::uniform_int_distribution<int>(1, 7)(random);
      filter.count = true;
      for (int pages = 0;; ++pages) {
        REQUIRE(pages <= 100);
        const auto page = cases.List(filter);
        CHECK(page.count == static_cast<std::int64_t>(expected_ids.size()));
        for (const auto& casus : page.items) paged.push_back(casus.id);
        if (!page.next) break;
        CHECK(page.next == paged.back());
        filter.after = page.next;
      }
      INFO("sort " << domain::Name(sort) << ", filters " << filters << ", limit " << filter.limit);
      CHECK(paged == expected_ids);
    }
  }
}

}  // namespace
}  // namespace casus::persistence
