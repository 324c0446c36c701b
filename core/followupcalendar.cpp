#include "core/followupcalendar.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "core/errors.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
struct TextDeleter {
    void operator()(char* p) const { std::free(p); }
};

icaltimetype dateValue(Date d) {
    icaltimetype t = icaltime_null_date();
    t.year = static_cast<int>(d.year());
    t.month = static_cast<int>(static_cast<unsigned>(d.month()));
    t.day = static_cast<int>(static_cast<unsigned>(d.day()));
    t.is_date = 1;
    return t;
}

std::string compactDate(Date d) {
    auto s = formatDate(d);
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

}  // namespace

std::string FollowUpCalendar::toICalendar(const FollowUpDay& day, Instant now,
                                          const Progress& progress) {
    const std::size_t total = day.overdue.size() + day.today.size() + day.thisWeek.size();
    std::size_t done = 0;
    const auto report = [&] {
        if (progress && !progress(done, total)) {
            throw Cancelled{};
        }
    };
    report();
    std::unique_ptr<icalcomponent, ComponentDeleter> cal{
        icalcomponent_new(ICAL_VCALENDAR_COMPONENT)};
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Rapport//Follow-ups//EN"));
    const auto stamp = icaltime_from_timet_with_zone(
        static_cast<time_t>(now.time_since_epoch().count()), 0, icaltimezone_get_utc_timezone());
    for (const auto* bucket : {&day.overdue, &day.today, &day.thisWeek}) {
        for (const auto& item : *bucket) {
            if (done > 0 && done % 256 == 0) {
                report();
            }
            ++done;
            const auto due = *item.status.due;
            icalcomponent* todo = icalcomponent_new(ICAL_VTODO_COMPONENT);
            const auto uid = "rapport-followup-" + std::to_string(item.contactId) + "-" +
                             compactDate(due) + "@rapport";
            icalcomponent_add_property(todo, icalproperty_new_uid(uid.c_str()));
            icalcomponent_add_property(todo, icalproperty_new_dtstamp(stamp));
            icalcomponent_add_property(todo, icalproperty_new_due(dateValue(due)));
            const auto summary = "Follow up with " + item.displayName;
            icalcomponent_add_property(todo, icalproperty_new_summary(summary.c_str()));
            std::string description;
            for (const auto& r : item.status.reasons) {
                description += formatDate(r.due) + ": " + FollowUpQueue::describe(r) + "\n";
            }
            description += std::to_string(item.status.daysSinceLastTouch) +
                           " days since the last touch (" + formatDate(item.status.lastTouch) + ")";
            if (item.status.losingTouch) {
                description += "; losing touch";
            }
            if (item.status.snoozed) {
                description += "; snoozed until " + formatDate(due);
            }
            icalcomponent_add_property(todo, icalproperty_new_description(description.c_str()));
            icalcomponent_add_property(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
            const int priority = item.bucket == QueueBucket::Overdue ? 1
                                 : item.bucket == QueueBucket::Today ? 5
                                                                     : 9;
            icalcomponent_add_property(todo, icalproperty_new_priority(priority));
            icalcomponent_add_property(todo, icalproperty_new_categories("Rapport follow-up"));
            icalcomponent_add_component(cal.get(), todo);
        }
    }
    std::unique_ptr<char, TextDeleter> text{icalcomponent_as_ical_string_r(cal.get())};
    if (!text) {
        throw StorageError("Writing the follow-ups as iCalendar failed.");
    }
    report();
    return std::string{text.get()};
}

}  // namespace rapport::core
