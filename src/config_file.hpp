#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace casus::cli {

// A configuration file of `casus serve` (--config PATH): one `key = value` a line, the keys
// being the long option names (`listen = 0.0.0.0:8080`), `#` comment lines and blank lines.
// The value is the rest of the line with the blanks around it taken off, `#` included: no
// trailing comments, so that a value may hold one. Immutable once read.
class ConfigFile {
 public:
  struct Entry {
    std::string value;
    int line = 0;  // 1-based
  };

  // Parses `text` read from `path`. Throws UsageError naming "path:line" for a line without
  // `=`, an empty key or value, a key not in `known_keys`, and a key given twice.
  static ConfigFile Parse(std::string_view text, const std::string& path,
                          std::span<const std::string_view> known_keys);
  // Reads and parses the file at `path`; UsageError as Parse, or when it cannot be read.
  static ConfigFile Read(const std::string& path, std::span<const std::string_view> known_keys);

  // The key's entry; null when the file does not set it.
  const Entry* Find(std::string_view key) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace casus::cli
