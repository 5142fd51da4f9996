#include "config_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "command_line.hpp"

namespace casus::cli {

namespace {

std::string_view Trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

ConfigFile ConfigFile::Parse(std::string_view text, const std::string& path,
                             std::span<const std::string_view> known_keys) {
  ConfigFile file;
  file.path_ = path;
  int number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++number;
    if (line.empty() || line.front() == '#') continue;
    const auto refuse = [&](const std::string& why) {
      throw UsageError(path + ":" + std::to_string(number) + ": " + why);
    };
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) refuse("expected `key = value`");
    const std::string key(Trim(line.substr(0, equals)));
    const std::string_view value = Trim(line.substr(equals + 1));
    if (key.empty()) refuse("expected `key = value`, the key is missing");
    if (std::find(known_keys.begin(), known_keys.end(), key) == known_keys.end()) {
      refuse("unknown key '" + key + "'");
    }
    if (value.empty()) refuse(key + " has no value (leave the line out for the default)");
    const auto [previous, added] = file.entries_.emplace(key, Entry{std::string(value), number});
    if (!added) {
      refuse(key + " is set again (first on line " + std::to_string(previous->second.line) + ")");
    }
  }
  return file;
}

ConfigFile ConfigFile::Read(const std::string& path, std::span<const std::string_view> known_keys) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read the config file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw UsageError("cannot read the config file " + path);
  return Parse(text.str(), path, known_keys);
}

const ConfigFile::Entry* ConfigFile::Find(std::string_view key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace casus::cli
