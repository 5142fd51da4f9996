#pragma once

// The real web::Server on an ephemeral loopback port over a migrated SQLite file (or PostgreSQL
// database: temp_path.hpp), wired as the casus binary wires it (real tokens, real hash-chained
// audit trail), with helpers for reading its answers.

#include <chrono>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "domain/access/role.hpp"
#include "domain/clock.hpp"
#include "domain/domain_services.hpp"
#include "domain/enum_names.hpp"
#include "http_client.hpp"
#include "persistence/database.hpp"
#include "persistence/group_commit_writer.hpp"
#include "persistence/migrator.hpp"
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
#include "temp_path.hpp"
#include "web/json.hpp"
#include "web/server.hpp"

namespace casus::e2e {

inline web::ServerOptions ShortTimeouts() {
  using namespace std::chrono_literals;
  web::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 4;
  options.header_timeout = 1s;
  options.body_timeout = 2s;
  options.idle_timeout = 2s;
  options.stop_timeout = 5s;
  return options;
}

// Everything the casus binary wires, in one object, with a clock fixed on 15 January 2025 and
// one token per role, named after it; members are destroyed in reverse order, so the server
// stops before the database closes and the file is removed last.
struct RunningServer {
  explicit RunningServer(web::ServerOptions options = ShortTimeouts())
      : server(
            web::ApiServicesOf(
                services, [this] { return writer.Alive() && persistence::AnswersRead(database); }),
            std::move(options)),
        port(server.Start()) {
    for (const domain::Role role : domain::AllOf<domain::Role>()) {
      secrets[role] =
          services.tokens.Create(std::string(domain::Name(role)), role, std::nullopt).secret;
    }
  }

  const std::string& Token(domain::Role role) const { return secrets.at(role); }

  // A connection that sends the token of `role` with every request.
  HttpClient Client(domain::Role role) const { return HttpClient(port, Token(role)); }

  TempDatabaseLocation file;
  persistence::Database database{file.path()};
  int migrations = persistence::Migrate(database);
  persistence::SociCaseRepository cases{database};
  persistence::SociDistrictRepository districts{database};
  persistence::SociSignalRepository signals{database};
  persistence::SociActivityRepository activities{database};
  domain::FixedClock clock{domain::Date(2025, 1, 15)};
  persistence::SociTokenStore token_store{database};
  persistence::SociAuditTrail audit_trail{database};
  persistence::SociPersonalDataStore personal_data{database};
  persistence::OpenSslTokenCrypto token_crypto;
  persistence::GroupCommitWriter writer{database};
  persistence::SociDataVersion data_version{database};
  persistence::SociIdempotencyStore idempotency{database};
  domain::DomainServices services{{cases, districts, signals, activities, token_store, token_crypto,
                                   audit_trail, personal_data, clock, &writer, &data_version,
                                   &idempotency}};
  std::map<domain::Role, std::string> secrets;  // each role's token, for the tests to send
  web::Server server;
  unsigned short port;
};

inline rapidjson::Document Json(const Response& response) {
  rapidjson::Document document;
  document.Parse(response.body().c_str(), response.body().size());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

inline std::string Field(const Response& response, http::field field) {
  const auto value = response[field];
  return std::string(value.data(), value.size());
}

}  // namespace casus::e2e
