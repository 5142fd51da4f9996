// libFuzzer target: every JSON body reader of the API, and the domain's checks on what it
// read. The first byte picks the reader; the rest is the body. A reader may refuse a body only
// with domain::DomainError (the router's 400/422); any other exception, a crash or a sanitizer
// report is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/error.hpp"
#include "fuzz_services.hpp"
#include "web/activity_json.hpp"
#include "web/case_json.hpp"
#include "web/signal_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace casus;
  if (size == 0) return 0;
  static fuzz::FuzzServices* const fixture = new fuzz::FuzzServices();  // lives for the run
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 5) {
      case 0:
        fixture->services.cases.CheckedNewCase(web::NewCaseFromJson(body));
        break;
      case 1:
        web::TransitionRequestFromJson(body);
        break;
      case 2:
        web::NewSignalFromJson(body);
        break;
      case 3:
        web::AssessmentRequestFromJson(body);
        break;
      case 4:
        web::ActivityFromJson(body);
        break;
    }
  } catch (const domain::DomainError&) {
    // Refused as the API refuses it: what bad input should get.
  }
  return 0;
}
