#include "app.hpp"

#include <cstdlib>

#include "persistence/migrator.hpp"

namespace casus::cli {

App::App(const std::string& db_path, std::size_t connections)
    : database(db_path, connections),
      applied_migrations(persistence::Migrate(database)),
      cases(database),
      districts(database),
      signals(database),
      activities(database),
      stored_tokens(database),
      audit_trail(database),
      personal_data(database),
      data_version(database),
      writer(database),
      services({cases, districts, signals, activities, token_store, token_crypto, audit_trail,
                personal_data, clock, &writer, &data_version}) {}

domain::Actor App::CommandLineActor() {
  const char* user = std::getenv("USER");
  return {std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown"),
          domain::Role::kBeheerder, "cli"};
}

}  // namespace casus::cli
