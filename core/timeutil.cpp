#include "core/timeutil.h"

#include <charconv>
#include <cstdio>

#include <date/tz.h>

namespace rapport::core {
namespace {

// Reads exactly `width` decimal digits at `pos`; no signs, no spaces.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

const date::time_zone* zoneOrNull(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

const date::time_zone* zoneOrUtc(std::string_view name) {
    if (const auto* z = zoneOrNull(name)) {
        return z;
    }
    return date::locate_zone("UTC");
}

}  // namespace

std::optional<Date> parseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto y = digits(text, 0, 4);
    const auto m = digits(text, 5, 2);
    const auto d = digits(text, 8, 2);
    if (!y || !m || !d) {
        return std::nullopt;
    }
    const Date result{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                      date::day{static_cast<unsigned>(*d)}};
    if (!result.ok()) {
        return std::nullopt;
    }
    return result;
}

std::string formatDate(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::optional<Instant> parseInstant(std::string_view text) {
    // YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)
    if (text.size() < 17 || (text[10] != 'T' && text[10] != ' ')) {
        return std::nullopt;
    }
    const auto day = parseDate(text.substr(0, 10));
    const auto hh = digits(text, 11, 2);
    const auto mm = digits(text, 14, 2);
    if (!day || !hh || !mm || text[13] != ':' || *hh > 23 || *mm > 59) {
        return std::nullopt;
    }
    std::size_t pos = 16;
    int ss = 0;
    if (pos < text.size() && text[pos] == ':') {
        const auto s = digits(text, pos + 1, 2);
        if (!s || *s > 59) {
            return std::nullopt;
        }
        ss = *s;
        pos += 3;
    }
    std::chrono::seconds offset{0};
    const std::string_view zone = text.substr(pos);
    if (zone == "Z") {
        // UTC
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        const auto oh = digits(zone, 1, 2);
        const auto om = digits(zone, 4, 2);
        if (!oh || !om || *oh > 23 || *om > 59) {
            return std::nullopt;
        }
        offset = std::chrono::hours{*oh} + std::chrono::minutes{*om};
        if (zone[0] == '-') {
            offset = -offset;
        }
    } else {
        return std::nullopt;
    }
    const Instant local = date::sys_days{*day} + std::chrono::hours{*hh} +
                          std::chrono::minutes{*mm} + std::chrono::seconds{ss};
    return local - offset;
}

std::string formatInstant(Instant t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

std::optional<TimeOfDay> parseTimeOfDay(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    const auto h = digits(text, 0, 2);
    const auto m = digits(text, 3, 2);
    if (!h || !m || *h > 23 || *m > 59) {
        return std::nullopt;
    }
    return TimeOfDay{*h * 60 + *m};
}

std::string formatTimeOfDay(TimeOfDay t) {
    char buf[24];
    const auto minutes = static_cast<int>(t.count());
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

bool isKnownTimeZone(std::string_view name) {
    return !name.empty() && zoneOrNull(name) != nullptr;
}

std::string systemTimeZone() {
    try {
        return std::string{date::current_zone()->name()};
    } catch (const std::exception&) {
        return "UTC";
    }
}

Date localDate(Instant t, std::string_view zone) {
    const auto local = zoneOrUtc(zone)->to_local(t);
    return Date{date::floor<date::days>(local)};
}

TimeOfDay localTimeOfDay(Instant t, std::string_view zone) {
    const auto local = zoneOrUtc(zone)->to_local(t);
    return date::floor<std::chrono::minutes>(local - date::floor<date::days>(local));
}

Instant toInstant(Date d, TimeOfDay t, std::string_view zone) {
    const auto* z = zoneOrUtc(zone);
    const date::local_seconds local = date::local_days{d} + t;
    // For a unique time, first is the only offset; for an ambiguous one (the hour repeated
    // when clocks go back) first is the earlier instant; for a skipped one (clocks go forward)
    // first is the offset before the jump, so the result lands the gap's length later.
    return date::sys_seconds{local.time_since_epoch()} - z->get_info(local).first.offset;
}

}  // namespace rapport::core
