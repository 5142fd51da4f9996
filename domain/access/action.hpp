#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Everything a caller can ask of Casus, as far as access control and the audit trail are concerned.
enum class Action {
  kReadCase,
  kWriteCase,
  kReadSignal,
  kWriteSignal,
  kReadActivity,
  kWriteActivity,
  kReadWoonoverlastReport,
  kReadOndermijningReport,
  kManageTokens,
  kManageReferenceData,
  kReadReferenceData,
  kRunRetention,
  kReadAudit,
  kImportData,  // casus import: old spreadsheets brought in, one audit row per file
};

template <>
inline constexpr std::array kEnumNames<Action> = {
    std::pair{Action::kReadCase, std::string_view{"read_case"}},
    std::pair{Action::kWriteCase, std::string_view{"write_case"}},
    std::pair{Action::kReadSignal, std::string_view{"read_signal"}},
    std::pair{Action::kWriteSignal, std::string_view{"write_signal"}},
    std::pair{Action::kReadActivity, std::string_view{"read_activity"}},
    std::pair{Action::kWriteActivity, std::string_view{"write_activity"}},
    std::pair{Action::kReadWoonoverlastReport, std::string_view{"read_woonoverlast_report"}},
    std::pair{Action::kReadOndermijningReport, std::string_view{"read_ondermijning_report"}},
    std::pair{Action::kManageTokens, std::string_view{"manage_tokens"}},
    std::pair{Action::kManageReferenceData, std::string_view{"manage_reference_data"}},
    std::pair{Action::kReadReferenceData, std::string_view{"read_reference_data"}},
    std::pair{Action::kRunRetention, std::string_view{"run_retention"}},
    std::pair{Action::kReadAudit, std::string_view{"read_audit"}},
    std::pair{Action::kImportData, std::string_view{"import_data"}},
};

// Whether an action only reads: its use case changes nothing, so it needs no transaction of
// its own beyond a consistent read, and only its audit row is written.
constexpr bool IsReadOnly(Action action) {
  switch (action) {  // no default: the compiler names a forgotten enumerator
    case Action::kReadCase:
    case Action::kReadSignal:
    case Action::kReadActivity:
    case Action::kReadWoonoverlastReport:
    case Action::kReadOndermijningReport:
    case Action::kReadAudit:
    case Action::kReadReferenceData:
      return true;
    case Action::kWriteCase:
    case Action::kWriteSignal:
    case Action::kWriteActivity:
    case Action::kManageTokens:
    case Action::kManageReferenceData:
    case Action::kRunRetention:
    case Action::kImportData:
      return false;
  }
  return false;
}

}  // namespace casus::domain
