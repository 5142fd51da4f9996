#include "persistence/database_location.hpp"

#include <array>
#include <cctype>
#include <regex>
#include <string_view>

namespace casus::persistence {

namespace {

// libpq's connection keywords (PostgreSQL 15, "Parameter Key Words").
constexpr std::array<std::string_view, 32> kLibpqKeywords = {"host",
                                                             "hostaddr",
                                                             "port",
                                                             "dbname",
                                                             "user",
                                                             "password",
                                                             "passfile",
                                                             "channel_binding",
                                                             "connect_timeout",
                                                             "client_encoding",
                                                             "options",
                                                             "application_name",
                                                             "fallback_application_name",
                                                             "keepalives",
                                                             "keepalives_idle",
                                                             "keepalives_interval",
                                                             "keepalives_count",
                                                             "tcp_user_timeout",
                                                             "replication",
                                                             "gssencmode",
                                                             "sslmode",
                                                             "requiressl",
                                                             "sslcompression",
                                                             "sslcert",
                                                             "sslkey",
                                                             "sslpassword",
                                                             "sslrootcert",
                                                             "sslcrl",
                                                             "target_session_attrs",
                                                             "service",
                                                             "krbsrvname",
                                                             "gsslib"};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsKeyValueForm(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  const std::size_t equals = text.find('=', start);
  if (equals == std::string_view::npos) return false;
  std::string_view key = text.substr(start, equals - start);
  while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back()))) key.remove_suffix(1);
  for (const std::string_view keyword : kLibpqKeywords) {
    if (key == keyword) return true;
  }
  return false;
}

}  // namespace

DatabaseLocation DatabaseLocation::Parse(const std::string& db) {
  if (StartsWith(db, "postgresql://") || StartsWith(db, "postgres://") || IsKeyValueForm(db)) {
    return {Dialect::kPostgresql, db};
  }
  return {Dialect::kSqlite, db};
}

std::string DatabaseLocation::Describe() const {
  if (dialect == Dialect::kSqlite) return target;
  // password=... in the key=value form, user:password@ in a URI.
  static const std::regex key_value(R"((password\s*=\s*)('[^']*'|\S+))");
  static const std::regex uri(R"(^(postgres(ql)?://[^:/@]*):[^@/]*@)");
  std::string text = std::regex_replace(target, key_value, "$1***");
  return std::regex_replace(text, uri, "$1:***@");
}

}  // namespace casus::persistence
