#pragma once
// Local calendar dates of many instants in one zone, fast: the follow-up queue and the contact
// list turn up to 100,000 "latest interaction" instants into dates per query. Looking the zone
// up by name for each (as timeutil's localDate does) would cost more than the query itself.

#include <string>
#include <string_view>

#include "core/types.h"

namespace date {
class time_zone;
}

namespace rapport::core {

/// Converts instants to local dates in one IANA zone, remembering the offset last in force.
class LocalDays {
public:
    /// An unknown zone name means UTC, as everywhere else in core.
    explicit LocalDays(std::string_view zone);

    const std::string& zone() const { return m_zone; }
    /// The local date of `t`.
    Date dateOf(Instant t);
    /// The local wall-clock time of `t`, minutes since midnight (as localTimeOfDay).
    TimeOfDay timeOf(Instant t);
    /// The instant of local date `d` at `time` (as toInstant: a skipped time moves forward by
    /// the gap, an ambiguous one takes the earlier instant). The calendar turns thousands of
    /// occurrences into instants per load; away from a clock change this is two additions.
    Instant instantOf(Date d, TimeOfDay time);
    /// The first instant of local day `d` (a midnight skipped by a clock change moves forward).
    Instant startOf(Date d) const;

private:
    // Makes the offset in force at `t` the remembered one.
    void cover(Instant t);

    std::string m_zone;
    const date::time_zone* m_tz = nullptr;
    // The span of instants [m_from, m_until) in which m_offset holds.
    Instant m_from{Instant::max()};
    Instant m_until{Instant::min()};
    std::chrono::seconds m_offset{0};
};

}  // namespace rapport::core
