#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace casus::e2e {

// A child process with its stdout on a pipe, for tests that run the real binary. The
// destructor kills (SIGKILL) and reaps a child that is still running. Not thread-safe.
class ChildProcess {
 public:
  // Starts `program` with `arguments` (argv[1..]); stderr is inherited. Throws
  // std::runtime_error when it cannot be started.
  ChildProcess(const std::string& program, const std::vector<std::string>& arguments);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next stdout line starting with `prefix` (earlier lines are skipped); nullopt when
  // none arrives within `timeout` or stdout closes first.
  std::optional<std::string> WaitForLine(const std::string& prefix,
                                         std::chrono::milliseconds timeout);

  void Signal(int signal_number);

  // Waits at most `timeout` for the child to exit; returns its wait status, nullopt when it
  // is still running.
  std::optional<int> Wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string pending_;  // stdout read but not yet returned as lines
};

}  // namespace casus::e2e
