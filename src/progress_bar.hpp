#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace casus::cli {

// Progress of a long command on stderr: on a terminal a bar redrawn in place with the rate and
// the time left (rows/s, ETA), at most ten times a second; otherwise (a log, a pipe) a plain
// line at every tenth, which reads well in a file. Not thread-safe: one command's main thread.
class ProgressBar {
 public:
  // `terminal`: whether `out` is a terminal (isatty); `unit`: what is counted ("rows").
  ProgressBar(std::ostream& out, bool terminal, std::string unit);

  // `done` of `total` of the stage `what` ("checking", "writing"); a new `what` starts anew.
  void Update(const std::string& what, std::int64_t done, std::int64_t total);
  // Ends the bar's line on a terminal.
  void Finish();

 private:
  std::ostream& out_;
  const bool terminal_;
  const std::string unit_;
  std::string stage_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point drawn_;
  std::int64_t tenths_ = -1;
  bool open_line_ = false;
};

}  // namespace casus::cli
