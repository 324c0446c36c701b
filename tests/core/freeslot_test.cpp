// The next free slot: preferred times (09:00 without any), taken times, daily caps on local
// days, which statuses hold a slot, series occurrences, and daylight-saving changes.

#include "core/freeslot.h"

#include <gtest/gtest.h>

#include "calendarfixture.h"
#include "core/errors.h"

using namespace rapport::core;
using rapport::test::CalendarWorkspace;
using rapport::test::ymd;

namespace {

struct Existing {
    int day;  // days after 2026-03-10 (a Tuesday)
    const char* time;
    PostStatus status = PostStatus::Scheduled;
    bool otherChannel = false;
};

struct Case {
    const char* name;
    std::vector<const char*> times;
    std::optional<int> cap;
    std::vector<Existing> posts;
    const char* from;  // local "HH:MM" on 2026-03-10
    const char* expected;
};

std::string local(CalendarWorkspace& w, std::optional<Instant> at) {
    if (!at) {
        return "none";
    }
    return formatDate(localDate(*at, w.zone())) + " " +
           formatTimeOfDay(localTimeOfDay(*at, w.zone()));
}

Id addChannel(CalendarWorkspace& w, const std::vector<const char*>& times, std::optional<int> cap) {
    Channel c;
    c.name = "LinkedIn";
    c.kind = ChannelKind::LinkedIn;
    c.dailyCap = cap;
    for (const auto* t : times) {
        c.preferredTimes.push_back(*parseTimeOfDay(t));
    }
    return w.store->add(c);
}

}  // namespace

TEST(FreeSlot, PreferredTimesCapsAndTakenSlots) {
    const auto S = PostStatus::Scheduled;
    const Case cases[] = {
        {"no times: 09:00", {}, {}, {}, "08:00", "2026-03-10 09:00"},
        {"a slot exactly at the start is free", {}, {}, {}, "09:00", "2026-03-10 09:00"},
        {"a minute late: the next day", {}, {}, {}, "09:01", "2026-03-11 09:00"},
        {"the first preferred time after the start",
         {"08:30", "12:15", "17:00"},
         {},
         {},
         "10:00",
         "2026-03-10 12:15"},
        {"times in any order", {"17:00", "08:30"}, {}, {}, "07:00", "2026-03-10 08:30"},
        {"a taken time is skipped",
         {"08:30", "12:15", "17:00"},
         {},
         {{0, "12:15"}},
         "10:00",
         "2026-03-10 17:00"},
        {"under the cap", {"08:30", "12:15"}, 2, {{0, "06:00"}}, "07:00", "2026-03-10 08:30"},
        {"at the cap: the next day",
         {"08:30", "12:15"},
         2,
         {{0, "06:00"}, {0, "07:00"}},
         "07:00",
         "2026-03-11 08:30"},
        {"drafts and published posts hold slots",
         {"08:30", "12:15"},
         2,
         {{0, "06:00", PostStatus::Draft}, {0, "07:00", PostStatus::Published}},
         "07:00",
         "2026-03-11 08:30"},
        {"ideas and skipped posts do not",
         {"08:30", "12:15"},
         2,
         {{0, "08:30", PostStatus::Idea}, {0, "12:15", PostStatus::Skipped}},
         "07:00",
         "2026-03-10 08:30"},
        {"another channel's posts do not",
         {"08:30"},
         1,
         {{0, "08:30", S, true}},
         "07:00",
         "2026-03-10 08:30"},
        {"a full day and a taken slot",
         {"08:30", "12:15"},
         2,
         {{0, "08:30"}, {0, "12:15"}, {1, "08:30"}},
         "07:00",
         "2026-03-11 12:15"},
        {"every slot of the day taken, no cap",
         {"08:30"},
         {},
         {{0, "08:30"}, {1, "08:30"}},
         "07:00",
         "2026-03-12 08:30"},
    };
    for (const auto& c : cases) {
        CalendarWorkspace w;
        const Id channel = addChannel(w, c.times, c.cap);
        for (const auto& e : c.posts) {
            auto p = w.post("existing", w.at(addDays(ymd(2026, 3, 10), e.day), e.time),
                            Purpose::Value, e.status);
            p.channelId = e.otherChannel ? w.xId : channel;
            w.addPost(p);
        }
        const auto slot = nextFreeSlot(*w.store, channel, w.at(ymd(2026, 3, 10), c.from));
        EXPECT_EQ(local(w, slot), c.expected) << c.name;
    }
}

TEST(FreeSlot, SeriesOccurrencesHoldTheirSlots) {
    CalendarWorkspace w;
    const Id channel = addChannel(w, {"08:30", "12:15"}, {});
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 3), 1u << 1, "08:30");  // Tuesdays
    auto templ = w.post("Tuesday tip", w.at(ymd(2026, 3, 3), "08:30"));
    templ.channelId = channel;
    w.addSeries(s, templ);
    EXPECT_EQ(local(w, nextFreeSlot(*w.store, channel, w.at(ymd(2026, 3, 10), "07:00"))),
              "2026-03-10 12:15");
}

TEST(FreeSlot, LocalTimesAcrossDaylightSavingChanges) {
    // Berlin springs forward on 2026-03-29, New York on 2026-03-08.
    for (const auto& [zone, day, utc] :
         {std::tuple{"Europe/Berlin", ymd(2026, 3, 29), "2026-03-29T07:00:00Z"},
          std::tuple{"Europe/Berlin", ymd(2026, 3, 28), "2026-03-28T08:00:00Z"},
          std::tuple{"America/New_York", ymd(2026, 3, 8), "2026-03-08T13:00:00Z"},
          std::tuple{"America/New_York", ymd(2026, 11, 1), "2026-11-01T14:00:00Z"}}) {
        CalendarWorkspace w{zone};
        const Id channel = addChannel(w, {}, {});
        const auto slot = nextFreeSlot(*w.store, channel, w.at(day, "00:00"));
        ASSERT_TRUE(slot) << zone;
        EXPECT_EQ(formatInstant(*slot), utc) << zone;
    }
}

TEST(FreeSlot, NothingFreeInTheSearchAndUnknownChannels) {
    CalendarWorkspace w;
    const Id channel = addChannel(w, {"08:30"}, 1);
    for (int d = 0; d < 2; ++d) {
        auto p = w.post("full", w.at(addDays(ymd(2026, 3, 10), d), "20:00"));
        p.channelId = channel;
        w.addPost(p);
    }
    EXPECT_FALSE(nextFreeSlot(*w.store, channel, w.at(ymd(2026, 3, 10), "00:00"), 2));
    EXPECT_EQ(local(w, nextFreeSlot(*w.store, channel, w.at(ymd(2026, 3, 10), "00:00"), 3)),
              "2026-03-12 08:30");
    EXPECT_THROW(nextFreeSlot(*w.store, 999, w.at(ymd(2026, 3, 10), "00:00")), ValidationError);
}
