#include "core/localdays.h"

#include <date/tz.h>

#include "core/timeutil.h"

namespace rapport::core {

LocalDays::LocalDays(std::string_view zone) : m_zone(zone) {
    try {
        m_tz = date::locate_zone(zone);
    } catch (const std::exception&) {
        m_zone = "UTC";
        m_tz = date::locate_zone("UTC");
    }
}

void LocalDays::cover(Instant t) {
    if (t < m_from || t >= m_until) {
        const auto info = m_tz->get_info(t);
        m_from = date::floor<std::chrono::seconds>(info.begin);
        m_until = date::floor<std::chrono::seconds>(info.end);
        m_offset = info.offset;
    }
}

Date LocalDays::dateOf(Instant t) {
    cover(t);
    return Date{date::floor<date::days>(t + m_offset)};
}

TimeOfDay LocalDays::timeOf(Instant t) {
    cover(t);
    const auto local = t + m_offset;
    return date::floor<std::chrono::minutes>(local - date::floor<date::days>(local));
}

Instant LocalDays::instantOf(Date d, TimeOfDay time) {
    const date::local_seconds local = date::local_days{d} + time;
    const Instant guess = Instant{local.time_since_epoch()} - m_offset;
    // Two days inside the span of the remembered offset, no other offset can give the same
    // local time (offsets differ by less than that), so the local time is unique and this is
    // its instant. Near an edge, or elsewhere, ask the zone as toInstant does.
    constexpr auto margin = date::days{2};
    if (m_from != Instant::max() && m_from + margin <= guess && guess + margin < m_until) {
        return guess;
    }
    const Instant at = Instant{local.time_since_epoch()} - m_tz->get_info(local).first.offset;
    cover(at);
    return at;
}

Instant LocalDays::startOf(Date d) const {
    return toInstant(d, TimeOfDay{0}, m_zone);
}

}  // namespace rapport::core
