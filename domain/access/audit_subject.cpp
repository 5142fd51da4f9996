#include "domain/access/audit_subject.hpp"

namespace casus::domain {

std::string AuditSubjectOf(std::string_view object) {
  object = object.substr(0, object.find('?'));
  const auto first = object.find('/');
  if (first == std::string_view::npos) return std::string(object);
  return std::string(object.substr(0, object.find('/', first + 1)));
}

}  // namespace casus::domain
