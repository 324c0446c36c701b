#pragma once
// The calendar as iCalendar (RFC 5545), through libical: each post a VEVENT, each series one
// VEVENT with an RRULE in the workspace's zone, its skipped occurrences as EXDATE and its moved
// or edited ones as VEVENTs with RECURRENCE-ID. parseIcs() reads such a file back with libical,
// so tests (and a future import) see exactly what a calendar application sees.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/store.h"

namespace rapport::core {

struct IcsDocument {
    std::string text;
    std::size_t posts = 0;       ///< VEVENTs of single posts
    std::size_t series = 0;      ///< recurring VEVENTs
    std::size_t exceptions = 0;  ///< VEVENTs with RECURRENCE-ID
};

/// The workspace's calendar as an iCalendar document. With a range (local days, both given),
/// the posts with a time in it and every series with an occurrence in it (whole, with all its
/// exceptions, since an RRULE describes the series, not a window of it); without one, every
/// post that has a time and every series. UIDs are stable: "rapport-post-ID" for a post,
/// "rapport-series-ID" for a series and the exceptions that override its occurrences. DTSTAMP
/// is the clock's now. Series start in the workspace zone (TZID and a VTIMEZONE), so a weekly
/// 09:00 stays at 09:00 local in every calendar; single posts are in UTC.
IcsDocument exportIcs(Store& store, const Clock& clock, const std::optional<Date>& from = {},
                      const std::optional<Date>& to = {});

/// One VEVENT as libical reads it.
struct IcsEvent {
    std::string uid;
    std::string summary;
    std::string description;
    std::string url;
    std::string status;  ///< TENTATIVE, CONFIRMED or CANCELLED
    std::vector<std::string> categories;
    Instant start{};
    std::string startZone;  ///< DTSTART's TZID; empty for UTC
    std::optional<Instant> recurrenceId;
    std::string rrule;  ///< the RRULE as text; empty when the event does not recur
    std::vector<Instant> exdates;
    /// A recurring event's starts up to the `expandUntil` given to parseIcs, as libical's
    /// recurrence iterator produces them, EXDATEs removed.
    std::vector<Instant> occurrences;
};

/// Parses an iCalendar document with libical. Throws ImportError naming `source` when the text
/// is not a VCALENDAR or libical reports an error in it.
std::vector<IcsEvent> parseIcs(const std::string& text, const std::string& source,
                               Instant expandUntil);

}  // namespace rapport::core
