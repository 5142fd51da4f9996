#pragma once

#include <string>
#include <vector>

#include "command_line.hpp"

namespace casus::cli::testing {

// The CommandLine of `casus <words...>`, as main would parse it.
inline CommandLine CommandLineOf(std::vector<std::string> words) {
  words.insert(words.begin(), "casus");
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  return CommandLine(static_cast<int>(argv.size()), argv.data());
}

}  // namespace casus::cli::testing
