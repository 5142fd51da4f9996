#pragma once

// The domain and its guarded services on the in-memory fakes of tests/support, for the fuzz
// targets: no database, so that a run spends its time in the code under test. Zoetermeer's
// wijken, a clock fixed on 15 January 2025, one token per role and a few records to find.
//
// Tokens: the fakes' secrets are "secret-1" ... "secret-4", created in the order of
// domain::AllOf<Role>(): woonoverlast, ondermijning, analist, beheerder. The seed corpora use
// them, so that the fuzzer starts past authentication.
//
// Not thread-safe, like the fakes: the targets hand it one request at a time.

#include <optional>
#include <string>

#include "domain/clock.hpp"
#include "domain/domain_services.hpp"
#include "support/in_memory_access_stores.hpp"
#include "support/in_memory_activity_repository.hpp"
#include "support/in_memory_case_repository.hpp"
#include "support/in_memory_signal_repository.hpp"
#include "web/api_services.hpp"

namespace casus::fuzz {

struct FuzzServices {
  FuzzServices() {
    for (const domain::Role role : domain::AllOf<domain::Role>()) {
      services.tokens.Create(std::string(domain::Name(role)), role, std::nullopt);
    }
    // One of each record, so that reads by id, transitions and assessments find something.
    domain::NewCase woonoverlast;
    woonoverlast.kind = domain::CaseKind::kWoonoverlast;
    woonoverlast.district = "Centrum";
    woonoverlast.housing_type = domain::HousingType::kKoop;
    woonoverlast.reported_on = domain::Date(2024, 3, 1);
    woonoverlast.categories = {domain::NuisanceCategory::kGeluid};
    woonoverlast.summary = "Harde muziek";
    services.cases.Register(woonoverlast);
    domain::NewCase ondermijning;
    ondermijning.kind = domain::CaseKind::kOndermijning;
    ondermijning.reported_on = domain::Date(2024, 4, 2);
    ondermijning.themes = {domain::Theme::kDrugs};
    ondermijning.summary = "Hennepkwekerij vermoed";
    services.cases.Register(ondermijning);
    domain::NewSignal signal;
    signal.received_on = domain::Date(2024, 4, 1);
    signal.source = domain::SignalSource::kMeldpunt;
    signal.themes = {domain::Theme::kDrugs};
    signal.summary = "Stank van hennep";
    services.signals.Receive(signal);
  }
  FuzzServices(const FuzzServices&) = delete;
  FuzzServices& operator=(const FuzzServices&) = delete;

  web::ApiServices Api() {
    return web::ApiServicesOf(services, [] { return true; });
  }

  testing::InMemoryCaseRepository cases;
  testing::InMemorySignalRepository signals{cases};
  testing::InMemoryActivityRepository activities;
  testing::FixedDistrictRepository districts;
  testing::InMemoryTokenStore token_store;
  testing::CountingTokenCrypto crypto;
  testing::InMemoryAuditTrail audit_trail;
  domain::FixedClock clock{domain::Date(2025, 1, 15)};
  testing::RecordingPersonalDataStore personal_data;
  domain::DomainServices services{{cases, districts, signals, activities, token_store, crypto,
                                   audit_trail, personal_data, clock, nullptr, nullptr}};
};

}  // namespace casus::fuzz
