#pragma once

// The real casus binary as a child process: `casus token create` and `casus serve`.

#include <chrono>
#include <string>
#include <vector>

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "child_process.hpp"

#ifndef CASUS_BINARY
#error "CASUS_BINARY must name the casus executable (see tests/e2e/CMakeLists.txt)"
#endif

namespace casus::e2e {

inline constexpr const char* kListeningPrefix = "listening on http://127.0.0.1:";
inline constexpr std::chrono::seconds kStartTimeout{20};

// `casus token create` for `db_path`: the token it prints alone on its last line.
inline std::string CreateToken(const std::string& db_path, const std::string& name,
                               const std::string& role) {
  ChildProcess create(CASUS_BINARY,
                      {"token", "create", "--db", db_path, "--name", name, "--role", role});
  std::string last;
  while (const auto line = create.WaitForLine("", kStartTimeout)) last = *line;
  const auto status = create.Wait(std::chrono::seconds(10));
  REQUIRE(status.has_value());
  REQUIRE(WIFEXITED(*status));
  REQUIRE(WEXITSTATUS(*status) == 0);
  REQUIRE_FALSE(last.empty());
  REQUIRE(last.find(' ') == std::string::npos);
  return last;
}

// `casus serve` on an ephemeral loopback port; the port is read from its "listening on" line.
struct ServeProcess {
  explicit ServeProcess(const std::string& db_path)
      : ServeProcess(CASUS_BINARY, {"serve", "--db", db_path, "--listen", "127.0.0.1:0"}) {}

  // Another way to start it, e.g. through /bin/sh with a resource limit; it must print the
  // "listening on" line all the same.
  ServeProcess(const std::string& program, const std::vector<std::string>& arguments)
      : process(program, arguments) {
    const auto line = process.WaitForLine(kListeningPrefix, kStartTimeout);
    REQUIRE(line.has_value());
    port =
        static_cast<unsigned short>(std::stoi(line->substr(std::string(kListeningPrefix).size())));
    REQUIRE(port != 0);
  }

  ChildProcess process;
  unsigned short port = 0;
};

}  // namespace casus::e2e
