// Another municipality on the real binary (SQLite, and PostgreSQL with CASUS_TEST_BACKEND), as
// issue #13 asks: a new database set up from a Delft-like wijken file (data/delft_wijken.csv:
// Dutch headers, `;`, a BOM, as Excel writes it) with its own name and title produces its own
// year table; a wijk renamed and one retired in the middle of 2025 show correctly in the 2024
// and 2025 reports, on the command line and over HTTP.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "casus_command.hpp"
#include "running_server.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

using Run = CommandRun;

Run Casus(const std::string& arguments) { return RunCasus("", arguments); }

std::string DelftFile() {
  std::string path = CASUS_SOURCE_DIR;  // appended: GCC 12 warns falsely on a + chain
  path.append("/tests/e2e/data/delft_wijken.csv");
  return path;
}

// The rows of a report's JSON: name, code and the lopend koop, corporatie, particulier cells.
struct Row {
  std::string district;
  std::string code;
  int koop = 0, corporatie = 0, particulier = 0;
  friend bool operator==(const Row&, const Row&) = default;
};

std::vector<Row> Rows(const rapidjson::Value& report) {
  std::vector<Row> rows;
  for (const auto& row : report["rows"].GetArray()) {
    rows.push_back({row["district"].GetString(),
                    row["district_code"].IsNull() ? "" : row["district_code"].GetString(),
                    row["koop"]["lopend"].GetInt(), row["corporatie"]["lopend"].GetInt(),
                    row["particulier"]["lopend"].GetInt()});
  }
  return rows;
}

rapidjson::Document Parsed(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

Response PostCase(HttpClient& client, const std::string& district, const std::string& housing,
                  const std::string& reported_on) {
  return client.Post("/api/v1/cases", R"({"kind":"woonoverlast","district":")" + district +
                                          R"(","housing_type":")" + housing +
                                          R"(","reported_on":")" + reported_on +
                                          R"(","categories":["geluid"],"summary":"Overlast"})");
}

TEST_CASE(
    "A second municipality from its wijken file gets its own year table, and a wijk "
    "renamed and one retired mid-year show correctly in both years",
    "[e2e][municipality]") {
  TempDatabaseLocation db;
  const std::string on_db = " --db '" + db.path() + "'";

  const Run loaded = Casus("districts load --replace --file '" + DelftFile() + "'" + on_db);
  INFO(loaded.out);
  REQUIRE(loaded.exit_code == 0);
  CHECK(loaded.out.find("6 added") != std::string::npos);
  CHECK(loaded.out.find("8 removed") != std::string::npos);  // Zoetermeer's, unused
  CHECK(Casus("districts load --replace --file '" + DelftFile() + "'" + on_db)
            .out.find("6 unchanged") != std::string::npos);
  REQUIRE(Casus("settings set --municipality Delft --woonoverlast-table-title 'Tabel 4.2 "
                "Woonoverlast'" +
                on_db)
              .exit_code == 0);

  const std::string team_token = CreateToken(db.path(), "team", "woonoverlast");
  const std::string analist_token = CreateToken(db.path(), "analist", "analist");
  ServeProcess serve(db.path());
  HttpClient team(serve.port, team_token);
  HttpClient analist(serve.port, analist_token);

  REQUIRE(PostCase(team, "Vrijenban", "koop", "2024-03-01").result() == http::status::created);
  REQUIRE(PostCase(team, "Voordijkshoorn", "corporatie", "2024-05-01").result() ==
          http::status::created);
  REQUIRE(PostCase(team, "Buitenhof", "particulier", "2025-02-01").result() ==
          http::status::created);
  CHECK(PostCase(team, "Centrum", "koop", "2025-02-01").result() ==
        http::status::unprocessable_entity);  // Zoetermeer's wijk is gone

  // The 2024 report read once before the changes: cached, and stale after them.
  const auto before = Json(analist.Get("/api/v1/reports/woonoverlast/2024"));
  CHECK(Rows(before)[1] == Row{"Vrijenban", "WK050301", 1, 0, 0});

  REQUIRE(Casus("districts rename --code WK050301 --to Vrijenban-Noord --on 2025-07-01" + on_db)
              .exit_code == 0);
  REQUIRE(Casus("districts retire --name Voordijkshoorn --on 2025-07-01" + on_db).exit_code == 0);
  REQUIRE(Casus("districts retire --code WK050305 --on 2025-07-01" + on_db).exit_code == 0);

  CHECK(PostCase(team, "Voordijkshoorn", "koop", "2025-08-01").result() ==
        http::status::unprocessable_entity);
  CHECK(PostCase(team, "Vrijenban", "koop", "2025-08-01").result() ==
        http::status::unprocessable_entity);
  CHECK(PostCase(team, "Vrijenban-Noord", "koop", "2025-08-01").result() == http::status::created);

  const std::vector<Row> rows2024 = {
      {"Binnenstad", "WK050300"},    {"Vrijenban", "WK050301", 1, 0, 0},
      {"Hof van Delft", "WK050302"}, {"Voordijkshoorn", "WK050303", 0, 1, 0},
      {"Buitenhof", "WK050304"},     {"Tanthof", "WK050305"}};
  // 2025: Vrijenban by its new name; Voordijkshoorn retired but with a casus; Tanthof retired
  // without one, so gone.
  const std::vector<Row> rows2025 = {{"Binnenstad", "WK050300"},
                                     {"Vrijenban-Noord", "WK050301", 2, 0, 0},
                                     {"Hof van Delft", "WK050302"},
                                     {"Voordijkshoorn", "WK050303", 0, 1, 0},
                                     {"Buitenhof", "WK050304", 0, 0, 1}};
  for (int year : {2024, 2025}) {
    INFO("year " << year);
    const auto& expected = year == 2024 ? rows2024 : rows2025;
    const auto cli = Parsed(
        Casus("report woonoverlast --year " + std::to_string(year) + " --format json" + on_db).out);
    CHECK(std::string(cli["municipality"].GetString()) == "Delft");
    CHECK(std::string(cli["title"].GetString()) == "Tabel 4.2 Woonoverlast");
    CHECK(Rows(cli) == expected);
    const auto api = Json(analist.Get("/api/v1/reports/woonoverlast/" + std::to_string(year)));
    CHECK(Rows(api) == expected);
    CHECK(std::string(api["title"].GetString()) == "Tabel 4.2 Woonoverlast");
  }
  const Run table = Casus("report woonoverlast --year 2025" + on_db);
  CHECK(table.out.rfind("Tabel 4.2 Woonoverlast 2025 (peildatum 2025-12-31)\n", 0) == 0);
  CHECK(table.out.find("\nVrijenban-Noord ") != std::string::npos);

  const auto districts = Json(team.Get("/api/v1/districts"));
  REQUIRE(districts["items"].Size() == 6);
  const auto& vrijenban = districts["items"][1];
  CHECK(std::string(vrijenban["name"].GetString()) == "Vrijenban-Noord");
  CHECK(std::string(vrijenban["former_names"][0]["name"].GetString()) == "Vrijenban");
  CHECK(std::string(vrijenban["former_names"][0]["until"].GetString()) == "2025-06-30");
  CHECK(std::string(districts["items"][3]["retired_on"].GetString()) == "2025-07-01");
  CHECK(districts["items"][0]["retired_on"].IsNull());

  // A file without Buitenhof, which still has a casus: refused, naming it; nothing changed.
  const std::string shorter =
      (std::filesystem::temp_directory_path() /
       ("casus-wijken-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()) + ".csv"))
          .string();
  {
    std::FILE* file = std::fopen(shorter.c_str(), "w");
    REQUIRE(file != nullptr);
    std::fputs("naam,code,volgorde\nBinnenstad,WK050300,1\n", file);
    std::fclose(file);
  }
  const Run refused = Casus("districts load --replace --file '" + shorter + "'" + on_db);
  std::remove(shorter.c_str());
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.find("Buitenhof") != std::string::npos);
  CHECK(refused.out.find("Binnenstad") == std::string::npos);
  CHECK(Json(team.Get("/api/v1/districts"))["items"].Size() == 6);
}

}  // namespace
}  // namespace casus::e2e
