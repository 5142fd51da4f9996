#include "app.hpp"

#include <cstdlib>

#include "persistence/migrator.hpp"

namespace casus::cli {

App::App(const std::string& db_path)
    : database(db_path),
      applied_migrations(persistence::Migrate(database)),
      cases(database),
      districts(database),
      signals(database),
      activities(database),
      token_store(database),
      audit_trail(database),
      personal_data(database),
      case_service(cases, districts, clock),
      signal_service(signals, cases, case_service, clock),
      activity_service(activities, cases, clock),
      ondermijning_reports(signals, cases, activities),
      tokens(token_store, token_crypto, clock),
      gate(audit_trail, clock),
      guarded_cases(case_service, gate),
      guarded_signals(signal_service, gate),
      guarded_activities(activity_service, gate),
      guarded_reports(case_service, ondermijning_reports, gate),
      guarded_audit(audit_trail, gate),
      retention(personal_data, gate) {}

web::ApiServices App::Services() {
  return {tokens,          gate,         guarded_cases, guarded_signals, guarded_activities,
          guarded_reports, guarded_audit};
}

domain::Actor App::CommandLineActor() {
  const char* user = std::getenv("USER");
  return {std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown"),
          domain::Role::kBeheerder, "cli"};
}

}  // namespace casus::cli
