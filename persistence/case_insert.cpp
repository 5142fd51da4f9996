#include "persistence/case_insert.hpp"

#include "domain/error.hpp"

namespace casus::persistence {

NullableOf<std::int64_t> DistrictIdOf(soci::session& sql, const std::optional<std::string>& name) {
  if (!name) return {};
  NullableOf<std::int64_t> id;
  const bool found = Execute(sql, "SELECT id FROM districts WHERE name = :name",
                             soci::use(*name, "name"), soci::into(id.value, id.indicator));
  if (!found || id.indicator != soci::i_ok) {
    throw domain::DomainError(domain::ErrorCode::kInvalid, "unknown wijk: " + *name);
  }
  return id;
}

domain::Casus InsertCase(soci::session& sql, const domain::NewCase& fields,
                         const domain::TransitionRecord& registration) {
  NullableOf<std::int64_t> district_id = DistrictIdOf(sql, fields.district);
  std::string kind = Wire(fields.kind);
  std::string state = Wire(registration.to);
  Nullable housing_type = NullableWire(fields.housing_type);
  std::string reported_on = fields.reported_on.ToString();
  std::string summary = fields.summary;
  AddressColumns address = AddressColumns::Of(fields.address);
  std::string created_at = registration.recorded_at;
  domain::CaseId id = 0;
  Execute(sql,
          "INSERT INTO cases (kind, state, district_id, housing_type, reported_on, summary, "
          "address_street, address_number, address_postcode, address_city, version, created_at) "
          "VALUES (:kind, :state, :district_id, :housing_type, :reported_on, :summary, "
          ":street, :number, :postcode, :city, 1, :created_at) RETURNING id",
          soci::use(kind, "kind"), soci::use(state, "state"),
          soci::use(district_id.value, district_id.indicator, "district_id"),
          soci::use(housing_type.value, housing_type.indicator, "housing_type"),
          soci::use(reported_on, "reported_on"), soci::use(summary, "summary"),
          soci::use(address.street.value, address.street.indicator, "street"),
          soci::use(address.number.value, address.number.indicator, "number"),
          soci::use(address.postcode.value, address.postcode.indicator, "postcode"),
          soci::use(address.city.value, address.city.indicator, "city"),
          soci::use(created_at, "created_at"), soci::into(id));
  if (fields.external_ref) {
    // Set apart, only for an imported casus: the API's casussen name no column of schema 016,
    // so that they are stored on an older schema too (the migration tests fill old schemas).
    std::string external_ref = *fields.external_ref;
    Execute(sql, "UPDATE cases SET external_ref = :external_ref WHERE id = :id",
            soci::use(external_ref, "external_ref"), soci::use(id, "id"));
  }

  int position = 0;
  for (const domain::NuisanceCategory category : fields.categories) {
    ++position;
    std::string name = Wire(category);
    Execute(sql,
            "INSERT INTO case_categories (case_id, category, position) "
            "VALUES (:id, :category, :position)",
            soci::use(id, "id"), soci::use(name, "category"), soci::use(position, "position"));
  }
  position = 0;
  for (const domain::Theme theme : fields.themes) {
    ++position;
    std::string name = Wire(theme);
    Execute(sql,
            "INSERT INTO case_themes (case_id, theme, position) VALUES (:id, :theme, :position)",
            soci::use(id, "id"), soci::use(name, "theme"), soci::use(position, "position"));
  }
  InsertTransition(sql, id, 1, registration);

  domain::Casus casus;
  casus.id = id;
  casus.kind = fields.kind;
  casus.state = registration.to;
  casus.district = fields.district;
  casus.housing_type = fields.housing_type;
  casus.reported_on = fields.reported_on;
  casus.categories = fields.categories;
  casus.summary = fields.summary;
  casus.address = fields.address;
  casus.version = 1;
  casus.themes = fields.themes;
  casus.last_change_on = registration.on;
  casus.external_ref = fields.external_ref;
  return casus;
}

void InsertTransition(soci::session& sql, domain::CaseId id, std::int64_t sequence,
                      const domain::TransitionRecord& record) {
  Nullable from = NullableWire(record.from);
  std::string to = Wire(record.to);
  std::string on = record.on.ToString();
  Nullable reason = Nullable::Of(record.reason);
  Nullable result = NullableWire(record.result);
  std::string recorded_at = record.recorded_at;
  Nullable partner = Nullable::Of(record.partner);
  Nullable measure = NullableWire(record.measure);
  Nullable legal_basis = NullableWire(record.legal_basis);
  Nullable until = NullableDate(record.until);
  Execute(sql,
          "INSERT INTO case_transitions (case_id, sequence, from_state, to_state, effective_on, "
          "reason, result, recorded_at, partner, measure, legal_basis, until_on) "
          "VALUES (:id, :sequence, :from_state, :to_state, :effective_on, :reason, :result, "
          ":recorded_at, :partner, :measure, :legal_basis, :until_on)",
          soci::use(id, "id"), soci::use(sequence, "sequence"),
          soci::use(from.value, from.indicator, "from_state"), soci::use(to, "to_state"),
          soci::use(on, "effective_on"), soci::use(reason.value, reason.indicator, "reason"),
          soci::use(result.value, result.indicator, "result"),
          soci::use(recorded_at, "recorded_at"),
          soci::use(partner.value, partner.indicator, "partner"),
          soci::use(measure.value, measure.indicator, "measure"),
          soci::use(legal_basis.value, legal_basis.indicator, "legal_basis"),
          soci::use(until.value, until.indicator, "until_on"));
}

}  // namespace casus::persistence
