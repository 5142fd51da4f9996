#pragma once

// The real casus binary as an operator runs it: one command through the shell.

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#ifndef CASUS_BINARY
#error "CASUS_BINARY must name the casus executable (see tests/e2e/CMakeLists.txt)"
#endif

namespace casus::e2e {

struct CommandRun {
  int exit_code = -1;
  std::string out;  // standard output and standard error
};

// Runs `<prefix> casus <arguments>` through the shell (the arguments are test constants); the
// prefix sets the environment, say, or a timeout.
inline CommandRun RunCasus(const std::string& prefix, const std::string& arguments) {
  std::string command = prefix;  // appended step by step: GCC 12 warns falsely on a + chain
  command.append(" ").append(CASUS_BINARY).append(" ").append(arguments).append(" 2>&1");
  CommandRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) {
    run.out.append(buffer, n);
  }
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace casus::e2e
