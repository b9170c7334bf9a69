// ISO 8601 timestamps as AWS writes them ("2026-11-23T12:00:00Z", offsets, fractions).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace skillkit::upload {

/// Parses "YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)"; nullopt when malformed.
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

/// "YYYY-MM-DDTHH:MM:SSZ" (UTC, whole seconds).
std::string format_iso8601(std::chrono::system_clock::time_point time);

}  // namespace skillkit::upload
