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

Date LocalDays::dateOf(Instant t) {
    if (t < m_from || t >= m_until) {
        const auto info = m_tz->get_info(t);
        m_from = date::floor<std::chrono::seconds>(info.begin);
        m_until = date::floor<std::chrono::seconds>(info.end);
        m_offset = info.offset;
    }
    return Date{date::floor<date::days>(t + m_offset)};
}

Instant LocalDays::startOf(Date d) const {
    return toInstant(d, TimeOfDay{0}, m_zone);
}

}  // namespace rapport::core
