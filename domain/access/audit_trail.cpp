#include "domain/access/audit_trail.hpp"

#include <algorithm>

#include "domain/access/audit_subject.hpp"

namespace casus::domain {

bool Matches(const AuditFilter& filter, const AuditEvent& event) {
  const auto about = [&event](const std::string& object) {
    return IsAuditSubject(object) ? AuditSubjectOf(event.object) == object : event.object == object;
  };
  if (!filter.objects.empty() && std::none_of(filter.objects.begin(), filter.objects.end(), about))
    return false;
  if (filter.token && event.token != *filter.token) return false;
  if (filter.action && event.action != *filter.action) return false;
  if (filter.result && event.result != *filter.result) return false;
  // Instants compare as text; a bare date as `to` covers that whole day.
  if (filter.from && event.at < *filter.from) return false;
  if (filter.to &&
      (filter.to->size() == 10 ? event.at.substr(0, 10) > *filter.to : event.at > *filter.to)) {
    return false;
  }
  return true;
}

}  // namespace casus::domain
