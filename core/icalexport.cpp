#include "core/icalexport.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <set>

#include "core/errors.h"
#include "core/recurrence.h"
#include "core/tables.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

struct CharDeleter {
    void operator()(char* p) const { std::free(p); }
};

struct IteratorDeleter {
    void operator()(icalrecur_iterator* i) const { icalrecur_iterator_free(i); }
};

constexpr const char* kWeekdays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

bool isUtcZone(const std::string& zone) {
    return zone == "UTC" || zone == "Etc/UTC" || zone == "Etc/GMT" || zone == "GMT";
}

icaltimetype utcTime(Instant t) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                         icaltimezone_get_utc_timezone());
}

// A wall-clock date and time with no zone; the property it goes into names the zone by TZID.
icaltimetype wallTime(Date d, TimeOfDay t) {
    icaltimetype tt = icaltime_null_time();
    tt.year = static_cast<int>(d.year());
    tt.month = static_cast<int>(static_cast<unsigned>(d.month()));
    tt.day = static_cast<int>(static_cast<unsigned>(d.day()));
    tt.hour = static_cast<int>(t.count() / 60);
    tt.minute = static_cast<int>(t.count() % 60);
    tt.second = 0;
    tt.is_date = 0;
    return tt;
}

std::string compactUtc(Instant t) {
    return date::format("%Y%m%dT%H%M%SZ", t);
}

icalproperty_status statusOf(PostStatus s) {
    switch (s) {
        case PostStatus::Idea:
        case PostStatus::Draft:
            return ICAL_STATUS_TENTATIVE;
        case PostStatus::Scheduled:
        case PostStatus::Published:
            return ICAL_STATUS_CONFIRMED;
        case PostStatus::Skipped:
            return ICAL_STATUS_CANCELLED;
    }
    return ICAL_STATUS_CONFIRMED;
}

// How a series' times are written: in the workspace zone by TZID, or in UTC when the zone is
// UTC (or one libical does not know, where UTC at least keeps the first occurrence exact).
class SeriesClock {
public:
    SeriesClock(std::string zone, bool named) : m_zone(std::move(zone)), m_named(named) {}

    icalproperty* withTime(icalproperty* p, const Series& s, Date day) const {
        if (m_named) {
            icalproperty_set_value(p, icalvalue_new_datetime(wallTime(day, s.time)));
            icalproperty_add_parameter(p, icalparameter_new_tzid(m_zone.c_str()));
        } else {
            icalproperty_set_value(
                p, icalvalue_new_datetime(utcTime(occurrenceInstant(s, day, m_zone))));
        }
        return p;
    }

private:
    std::string m_zone;
    bool m_named;
};

std::string rruleOf(const Series& s, const std::string& zone) {
    std::string r;
    switch (s.frequency) {
        case Frequency::Weekly: {
            r = "FREQ=WEEKLY;BYDAY=";
            bool first = true;
            for (unsigned i = 0; i < 7; ++i) {
                if ((s.weekdays >> i) & 1u) {
                    r += (first ? "" : ",") + std::string{kWeekdays[i]};
                    first = false;
                }
            }
            break;
        }
        case Frequency::EveryNDays:
            r = "FREQ=DAILY;INTERVAL=" + std::to_string(std::max(1, s.intervalDays));
            break;
        case Frequency::Monthly:
            // "Short months use their last day": the last of the days from 28 to the wanted one
            // that the month has. A plain BYMONTHDAY=31 would skip short months instead.
            if (s.monthDay <= 28) {
                r = "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(std::max(1, s.monthDay));
            } else {
                r = "FREQ=MONTHLY;BYMONTHDAY=28";
                for (int d = 29; d <= s.monthDay; ++d) {
                    r += "," + std::to_string(d);
                }
                r += ";BYSETPOS=-1";
            }
            break;
    }
    // RFC 5545 allows UNTIL or COUNT, not both; with both, the count of what the end date leaves.
    if (s.count) {
        const auto n = firstOccurrences(s, static_cast<std::size_t>(*s.count)).size();
        r += ";COUNT=" + std::to_string(n);
    } else if (s.endDate) {
        r += ";UNTIL=" + compactUtc(occurrenceInstant(s, *s.endDate, zone));
    }
    return r;
}

void addProperty(icalcomponent* ev, icalproperty* p) {
    icalcomponent_add_property(ev, p);
}

// libical 3.0 writes a CATEGORIES value as a list and so never escapes its commas: a channel
// called "Blog, the long form" would reach a calendar as two categories. Its commas go out as
// this byte, which the finished text turns into "\,".
constexpr char kCategoryComma = '\x1e';

icalproperty* category(std::string_view name) {
    std::string value;
    for (const char c : name) {
        if (c != kCategoryComma) {
            value += c == ',' ? kCategoryComma : c;
        }
    }
    return icalproperty_new_categories(value.c_str());
}

std::string escapeCategoryCommas(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool inCategories = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A line that does not start with a space begins a property; the others continue one.
        if ((i == 0 || text[i - 1] == '\n') && text[i] != ' ' && text[i] != '\t') {
            inCategories =
                text.compare(i, 11, "CATEGORIES:") == 0 || text.compare(i, 11, "CATEGORIES;") == 0;
        }
        if (inCategories && text[i] == kCategoryComma) {
            out += "\\,";
        } else {
            out += text[i];
        }
    }
    return out;
}

// The properties every event of a post carries.
void describe(icalcomponent* ev, const Post& p, const std::map<Id, std::string>& channels,
              Instant now) {
    addProperty(ev, icalproperty_new_dtstamp(utcTime(now)));
    addProperty(ev, icalproperty_new_summary(p.title.c_str()));
    if (!p.body.empty()) {
        addProperty(ev, icalproperty_new_description(p.body.c_str()));
    }
    if (!p.link.empty()) {
        addProperty(ev, icalproperty_new_url(p.link.c_str()));
    }
    // One CATEGORIES each: the channel, then the purpose.
    const auto ch = channels.find(p.channelId);
    if (ch != channels.end()) {
        addProperty(ev, category(ch->second));
    }
    addProperty(ev, category(toString(p.purpose)));
    addProperty(ev, icalproperty_new_status(statusOf(p.status)));
}

Component postEvent(const Post& p, const std::map<Id, std::string>& channels, Instant now) {
    Component ev{icalcomponent_new_vevent()};
    addProperty(ev.get(), icalproperty_new_uid(("rapport-post-" + std::to_string(p.id)).c_str()));
    addProperty(ev.get(), icalproperty_new_dtstart(utcTime(*p.scheduledAt)));
    describe(ev.get(), p, channels, now);
    return ev;
}

std::string seriesUid(Id id) {
    return "rapport-series-" + std::to_string(id);
}

// The workspace zone as a VTIMEZONE named by its IANA name (libical's builtin zones carry a
// vendor prefix in their TZID that other calendars would not recognise), cut to the years the
// document needs.
Component timezoneComponent(const std::string& zone, Instant from) {
    icaltimezone* tz = icaltimezone_get_builtin_timezone(zone.c_str());
    if (!tz) {
        return nullptr;
    }
    icalcomponent* builtin = icaltimezone_get_component(tz);
    if (!builtin) {
        return nullptr;
    }
    Component vtz{icalcomponent_new_clone(builtin)};
    icaltimezone_truncate_vtimezone(vtz.get(), utcTime(from), icaltime_null_time(), 0);
    if (icalproperty* id = icalcomponent_get_first_property(vtz.get(), ICAL_TZID_PROPERTY)) {
        icalproperty_set_tzid(id, zone.c_str());
    }
    return vtz;
}

std::vector<Post> postsWhere(Store& store, std::int64_t lo, std::int64_t hi) {
    auto s = store.db().prepare(RAPPORT_POST_COLUMNS
                                " WHERE series_id IS NULL AND scheduled_at >= ?1 "
                                "AND scheduled_at < ?2 ORDER BY scheduled_at, id");
    s.bind(1, lo).bind(2, hi);
    std::vector<Post> out;
    while (s.step()) {
        out.push_back(readPost(s));
    }
    return out;
}

std::vector<Post> exceptionsOf(Store& store, Id seriesId) {
    auto s = store.db().prepare(RAPPORT_POST_COLUMNS
                                " WHERE series_id = ?1 AND occurrence_date IS NOT NULL "
                                "ORDER BY occurrence_date, id");
    s.bind(1, seriesId);
    std::vector<Post> out;
    while (s.step()) {
        out.push_back(readPost(s));
    }
    return out;
}

std::string str(const char* s) {
    return s ? std::string{s} : std::string{};
}

Instant instantOf(icaltimetype t) {
    icaltimezone* zone = const_cast<icaltimezone*>(t.zone);
    if (!zone) {
        zone = icaltimezone_get_utc_timezone();
    }
    return Instant{std::chrono::seconds{icaltime_as_timet_with_zone(t, zone)}};
}

}  // namespace

IcsDocument exportIcs(Store& store, const Clock& clock, const std::optional<Date>& from,
                      const std::optional<Date>& to) {
    const auto info = store.info();
    const std::string& zone = info.timeZone;
    const Instant now = clock.now();
    const bool ranged = from && to;
    std::int64_t lo = std::numeric_limits<std::int64_t>::min();
    std::int64_t hi = std::numeric_limits<std::int64_t>::max();
    if (ranged) {
        lo = toInstant(*from, TimeOfDay{0}, zone).time_since_epoch().count();
        hi = toInstant(addDays(*to, 1), TimeOfDay{0}, zone).time_since_epoch().count();
    }

    std::map<Id, std::string> channels;
    for (const auto& c : store.list<Channel>()) {
        channels.emplace(c.id, c.name);
    }

    IcsDocument doc;
    Component cal{icalcomponent_new_vcalendar()};
    addProperty(cal.get(), icalproperty_new_version("2.0"));
    addProperty(cal.get(), icalproperty_new_prodid("-//Rapport//Rapport content calendar//EN"));
    addProperty(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    addProperty(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    // Widely read names for the calendar and its zone (Apple, Google, Outlook).
    icalproperty* name = icalproperty_new_x(info.name.c_str());
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    addProperty(cal.get(), name);
    icalproperty* tzName = icalproperty_new_x(zone.c_str());
    icalproperty_set_x_name(tzName, "X-WR-TIMEZONE");
    addProperty(cal.get(), tzName);

    std::vector<Component> events;
    std::optional<Instant> earliestSeries;
    bool named = !isUtcZone(zone) && icaltimezone_get_builtin_timezone(zone.c_str()) != nullptr;
    const SeriesClock seriesClock{zone, named};

    for (auto& p : postsWhere(store, lo, hi)) {
        events.push_back(postEvent(p, channels, now));
        ++doc.posts;
    }

    for (const auto& series : store.list<Series>()) {
        const auto templ = seriesTemplate(store, series.id);
        const auto first = firstOccurrences(series, 1);
        if (!templ || first.empty()) {
            // Without a template (or an occurrence) there is no rule to show: its exceptions
            // are single posts.
            for (const auto& p : exceptionsOf(store, series.id)) {
                const auto at = p.scheduledAt ? p.scheduledAt->time_since_epoch().count() : lo;
                if (p.scheduledAt && at >= lo && at < hi) {
                    events.push_back(postEvent(p, channels, now));
                    ++doc.posts;
                }
            }
            continue;
        }
        if (ranged && occurrenceDates(series, *from, *to).empty()) {
            continue;
        }
        const Instant start = occurrenceInstant(series, first.front(), zone);
        earliestSeries = earliestSeries ? std::min(*earliestSeries, start) : start;

        const std::string uid = seriesUid(series.id);
        Component master{icalcomponent_new_vevent()};
        addProperty(master.get(), icalproperty_new_uid(uid.c_str()));
        addProperty(master.get(), seriesClock.withTime(icalproperty_new_dtstart(utcTime(start)),
                                                       series, first.front()));
        addProperty(
            master.get(),
            icalproperty_new_rrule(icalrecurrencetype_from_string(rruleOf(series, zone).c_str())));
        describe(master.get(), *templ, channels, now);

        std::vector<Component> overrides;
        for (const auto& p : exceptionsOf(store, series.id)) {
            const Date day = *p.occurrenceDate;
            if (!isOccurrence(series, day)) {
                // An occurrence the rule no longer has: a RECURRENCE-ID would point nowhere.
                if (p.scheduledAt && p.status != PostStatus::Skipped) {
                    events.push_back(postEvent(p, channels, now));
                    ++doc.posts;
                }
                continue;
            }
            if (p.status == PostStatus::Skipped) {
                addProperty(
                    master.get(),
                    seriesClock.withTime(icalproperty_new_exdate(utcTime(start)), series, day));
                continue;
            }
            Component ev{icalcomponent_new_vevent()};
            addProperty(ev.get(), icalproperty_new_uid(uid.c_str()));
            addProperty(ev.get(), seriesClock.withTime(
                                      icalproperty_new_recurrenceid(utcTime(start)), series, day));
            const Instant at = p.scheduledAt.value_or(occurrenceInstant(series, day, zone));
            addProperty(ev.get(), icalproperty_new_dtstart(utcTime(at)));
            describe(ev.get(), p, channels, now);
            overrides.push_back(std::move(ev));
            ++doc.exceptions;
        }
        events.push_back(std::move(master));
        ++doc.series;
        for (auto& ev : overrides) {
            events.push_back(std::move(ev));
        }
    }

    if (named && earliestSeries) {
        // A year before the first occurrence keeps the observance in force at that time.
        if (auto vtz = timezoneComponent(zone, *earliestSeries - date::days{366})) {
            icalcomponent_add_component(cal.get(), vtz.release());
        }
    }
    for (auto& ev : events) {
        icalcomponent_add_component(cal.get(), ev.release());
    }
    std::unique_ptr<char, CharDeleter> out{icalcomponent_as_ical_string_r(cal.get())};
    doc.text = escapeCategoryCommas(out ? out.get() : "");
    return doc;
}

std::vector<IcsEvent> parseIcs(const std::string& text, const std::string& source,
                               Instant expandUntil) {
    Component cal{icalparser_parse_string(text.c_str())};
    if (!cal || icalcomponent_isa(cal.get()) != ICAL_VCALENDAR_COMPONENT) {
        throw ImportError(source, "", "is not an iCalendar document (no VCALENDAR)");
    }
    if (icalcomponent_count_errors(cal.get()) > 0) {
        throw ImportError(source, "", "has errors that libical reports (X-LIC-ERROR)");
    }
    std::vector<IcsEvent> out;
    for (icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
         ev; ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
        IcsEvent e;
        e.uid = str(icalcomponent_get_uid(ev));
        e.summary = str(icalcomponent_get_summary(ev));
        e.description = str(icalcomponent_get_description(ev));
        if (icalproperty* url = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY)) {
            e.url = str(icalproperty_get_url(url));
        }
        if (icalproperty* st = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY)) {
            e.status = str(icalproperty_get_value_as_string(st));
        }
        for (icalproperty* c = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); c;
             c = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
            e.categories.push_back(str(icalproperty_get_categories(c)));
        }
        icalproperty* dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
        if (!dtstart) {
            throw ImportError(source, "VEVENT " + e.uid, "has no DTSTART");
        }
        const icaltimetype start = icalproperty_get_datetime_with_component(dtstart, ev);
        e.start = instantOf(start);
        if (icalparameter* tzid = icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER)) {
            e.startZone = str(icalparameter_get_tzid(tzid));
        }
        if (icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
            e.recurrenceId = instantOf(icalproperty_get_datetime_with_component(rid, ev));
        }
        std::set<Instant> excluded;
        for (icalproperty* x = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); x;
             x = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
            const Instant at = instantOf(icalproperty_get_datetime_with_component(x, ev));
            e.exdates.push_back(at);
            excluded.insert(at);
        }
        if (icalproperty* rr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) {
            e.rrule = str(icalproperty_get_value_as_string(rr));
            const std::unique_ptr<icalrecur_iterator, IteratorDeleter> it{
                icalrecur_iterator_new(icalproperty_get_rrule(rr), start)};
            if (!it) {
                throw ImportError(source, "VEVENT " + e.uid, "has an RRULE libical cannot expand");
            }
            for (icaltimetype t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
                 t = icalrecur_iterator_next(it.get())) {
                t.zone = start.zone;
                const Instant at = instantOf(t);
                if (expandUntil < at) {
                    break;
                }
                if (!excluded.count(at)) {
                    e.occurrences.push_back(at);
                }
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace rapport::core
