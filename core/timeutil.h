#pragma once
// Text forms of dates, instants and times of day, and conversions through an IANA time zone.

#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"

namespace rapport::core {

/// "2026-03-01"; nullopt unless the text is exactly such a date and the date exists.
std::optional<Date> parseDate(std::string_view text);
std::string formatDate(Date d);

/// "2026-03-01T08:00:00Z" (UTC); also accepts an explicit offset ("+01:00") and fractional-free
/// seconds omitted ("2026-03-01T08:00Z"). nullopt for anything else.
std::optional<Instant> parseInstant(std::string_view text);
/// Always the canonical UTC form "YYYY-MM-DDTHH:MM:SSZ".
std::string formatInstant(Instant t);

/// "09:30" (24 h); nullopt unless 00:00..23:59.
std::optional<TimeOfDay> parseTimeOfDay(std::string_view text);
std::string formatTimeOfDay(TimeOfDay t);

/// True when `name` is an IANA zone known to the system's time-zone database.
bool isKnownTimeZone(std::string_view name);
/// The system's own zone name, or "UTC" when it cannot be told.
std::string systemTimeZone();

/// The local calendar date of an instant in a zone.
Date localDate(Instant t, std::string_view zone);
/// The local wall-clock time of an instant in a zone, minutes since midnight.
TimeOfDay localTimeOfDay(Instant t, std::string_view zone);
/// The instant of a local date and time in a zone. A time skipped by a daylight-saving change
/// moves forward by the gap; an ambiguous time takes the earlier instant.
Instant toInstant(Date d, TimeOfDay t, std::string_view zone);

/// Whole days from a to b (negative when b is earlier).
inline int daysBetween(Date a, Date b) {
    return static_cast<int>((date::sys_days{b} - date::sys_days{a}).count());
}
inline Date addDays(Date d, int days) {
    return Date{date::sys_days{d} + date::days{days}};
}
/// The UTC calendar date of an instant (for storage-independent day arithmetic).
inline Date utcDate(Instant t) {
    return Date{date::floor<date::days>(t)};
}

}  // namespace rapport::core
