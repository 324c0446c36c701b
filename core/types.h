#pragma once
// Basic vocabulary of the domain: identifiers, instants (UTC) and calendar dates.

#include <chrono>
#include <cstdint>

#include <date/date.h>

namespace rapport::core {

using Id = std::int64_t;

/// A moment in time, always UTC, to the second.
using Instant = date::sys_seconds;

/// A calendar date with no time and no zone (deadlines, follow-up dates).
using Date = date::year_month_day;

/// A local wall-clock time of day (a channel's preferred posting time), minutes since midnight.
using TimeOfDay = std::chrono::minutes;

}  // namespace rapport::core
