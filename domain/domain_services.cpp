#include "domain/domain_services.hpp"

namespace casus::domain {

DomainServices::DomainServices(const Ports& ports, Date earliest_record_date)
    : cases(ports.cases, ports.districts, ports.clock, earliest_record_date),
      districts(ports.districts, ports.clock),
      signals(ports.signals, ports.cases, cases, ports.clock),
      activities(ports.activities, ports.cases, ports.clock, earliest_record_date),
      ondermijning_reports(ports.signals, ports.cases, ports.activities),
      tokens(ports.tokens, ports.token_crypto, ports.clock),
      gate(ports.audit, ports.units != nullptr ? *ports.units : direct_units_, ports.clock),
      guarded_cases(cases, gate, &ports.tokens),
      guarded_signals(signals, gate),
      guarded_activities(activities, gate),
      guarded_reports(cases, ondermijning_reports, gate, ports.data_version),
      guarded_audit(ports.audit, ports.cases, gate),
      guarded_districts(districts, gate),
      retention(ports.personal_data, gate, ports.clock),
      idempotency_keys(ports.idempotency, ports.clock) {}

}  // namespace casus::domain
