#include "upload/time_format.h"

#include <algorithm>
#include <ctime>

namespace skillkit::upload {
namespace {

// Reads `width` digits at `pos`; -1 when any is not a digit.
int digits(std::string_view s, size_t pos, size_t width) {
  if (pos + width > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view s) {
  using namespace std::chrono;
  int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || s[4] != '-' || s[7] != '-' ||
      (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;  // sub-second: dropped
  }
  sys_seconds t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec};
  std::string_view zone = s.substr(pos);
  // system_clock counts nanoseconds and ends in 2262: later dates (e.g. "never expires"
  // written as 2999) saturate instead of overflowing.
  auto clamp = [](sys_seconds v) {
    auto limit = floor<seconds>(system_clock::time_point::max()) - days{2};
    return time_point_cast<system_clock::duration>(std::min(v, limit));
  };
  if (zone == "Z" || zone == "z") return clamp(t);
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
    if (oh < 0 || om < 0) return std::nullopt;
    auto offset = hours{oh} + minutes{om};
    return clamp(zone[0] == '+' ? t - offset : t + offset);
  }
  return std::nullopt;
}

std::string format_iso8601(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace skillkit::upload
