#include "progress_bar.hpp"

#include <algorithm>
#include <cstdio>

namespace casus::cli {

namespace {

constexpr int kBarWidth = 30;

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f s", seconds);
  return text;
}

}  // namespace

ProgressBar::ProgressBar(std::ostream& out, bool terminal, std::string unit)
    : out_(out), terminal_(terminal), unit_(std::move(unit)) {}

void ProgressBar::Update(const std::string& what, std::int64_t done, std::int64_t total) {
  const auto now = std::chrono::steady_clock::now();
  if (what != stage_) {
    Finish();
    stage_ = what;
    started_ = now;
    tenths_ = -1;
    drawn_ = {};
  }
  total = std::max<std::int64_t>(total, 1);
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  if (!terminal_) {
    const std::int64_t tenths = done * 10 / total;
    if (tenths == tenths_) return;
    tenths_ = tenths;
    out_ << "import: " << what << " " << done << "/" << total << " " << unit_ << " ("
         << done * 100 / total << "%), " << Seconds(elapsed) << std::endl;
    return;
  }
  // A terminal is redrawn at most ten times a second, and always at the end.
  if (done != total && now - drawn_ < std::chrono::milliseconds(100)) return;
  drawn_ = now;
  const int filled = static_cast<int>(done * kBarWidth / total);
  const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  char rate_text[32];
  std::snprintf(rate_text, sizeof rate_text, "%.0f", rate);
  out_ << "\r" << what << " [" << std::string(static_cast<std::size_t>(filled), '#')
       << std::string(static_cast<std::size_t>(kBarWidth - filled), ' ') << "] " << done << "/"
       << total << " " << unit_ << ", " << rate_text << " " << unit_ << "/s, ETA " << Seconds(left)
       << "   " << std::flush;
  open_line_ = true;
}

void ProgressBar::Finish() {
  if (open_line_) out_ << "\n" << std::flush;
  open_line_ = false;
}

}  // namespace casus::cli
