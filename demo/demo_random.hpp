#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace casus::demo {

// splitmix64: a tiny generator whose output is the same on every platform and library, unlike
// the std:: distributions, so a demo or synthetic data set is the same everywhere for a seed.
// A value type; not thread-safe.
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Between(int low, int high) {  // inclusive
    return low + static_cast<int>(Next() % static_cast<std::uint64_t>(high - low + 1));
  }
  bool Chance(int percent) { return Between(1, 100) <= percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
  }
  // One of `items`, each as likely as its weight.
  template <typename T>
  T Weighted(const std::vector<std::pair<T, int>>& items) {
    int total = 0;
    for (const auto& item : items) total += item.second;
    int roll = Between(1, total);
    for (const auto& item : items) {
      if ((roll -= item.second) <= 0) return item.first;
    }
    return items.back().first;
  }

 private:
  std::uint64_t state_;
};

}  // namespace casus::demo
