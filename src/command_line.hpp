#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace casus::cli {

// The words of one `casus` invocation: positional words and `--name value` options.
// Throws UsageError for an option without a value, a repeated option or an unknown one.
class CommandLine {
 public:
  CommandLine(int argc, char** argv);

  const std::vector<std::string>& words() const { return words_; }
  std::optional<std::string> Option(const std::string& name) const;
  std::string Required(const std::string& name) const;  // throws UsageError when absent
  bool Flag(const std::string& name) const;             // a `--name` without value

  // Refuses any option not in `allowed` (value options) or `flags` (no value).
  void Allow(const std::vector<std::string>& allowed,
             const std::vector<std::string>& flags = {}) const;

 private:
  std::vector<std::string> words_;
  std::map<std::string, std::string> options_;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace casus::cli
