#pragma once
// The follow-up queue as iCalendar to-dos (RFC 5545 VTODO with DUE), through libical, so a
// calendar or task application shows who needs you and when.

#include <string>

#include "core/followupqueue.h"
#include "core/workspacejson.h"

namespace rapport::core {

/// Writes a day's follow-up queue as a VCALENDAR of VTODOs.
class FollowUpCalendar {
public:
    /// One VTODO per contact: DUE the due date (a date, no time), SUMMARY "Follow up with
    /// NAME", DESCRIPTION the reasons, the days since the last touch and the losing-touch flag,
    /// PRIORITY 1 overdue, 5 today, 9 this week. The UID (rapport-followup-CONTACT-DUEDATE)
    /// stays the same across exports while the due date does; DTSTAMP is `now`.
    /// `progress(done, total)` (optional) hears of the to-dos written every few hundred;
    /// returning false stops with Cancelled.
    static std::string toICalendar(const FollowUpDay& day, Instant now,
                                   const Progress& progress = {});
};

}  // namespace rapport::core
