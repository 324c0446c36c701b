#include "core/timeutil.h"

#include <gtest/gtest.h>

#include "core/localdays.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;

TEST(TimeUtil, ParsesOnlyDatesThatExist) {
    struct Case {
        const char* text;
        bool ok;
    };
    const Case cases[] = {{"2026-03-01", true},  {"2024-02-29", true},  {"2026-02-29", false},
                          {"2026-02-30", false}, {"2026-13-01", false}, {"2026-00-10", false},
                          {"2026-1-01", false},  {"26-01-01", false},   {"2026-01-01x", false},
                          {"", false},           {"2026/01/01", false}, {"2026-04-31", false}};
    for (const auto& c : cases) {
        EXPECT_EQ(parseDate(c.text).has_value(), c.ok) << c.text;
    }
    EXPECT_EQ(formatDate(*parseDate("2026-03-01")), "2026-03-01");
}

TEST(TimeUtil, ParsesInstantsInUtcAndWithOffsets) {
    EXPECT_EQ(formatInstant(*parseInstant("2026-03-01T08:00:00Z")), "2026-03-01T08:00:00Z");
    EXPECT_EQ(formatInstant(*parseInstant("2026-03-01T09:00:00+01:00")), "2026-03-01T08:00:00Z");
    EXPECT_EQ(formatInstant(*parseInstant("2026-03-01T03:30-05:00")), "2026-03-01T08:30:00Z");
    EXPECT_FALSE(parseInstant("2026-03-01T08:00:00"));  // no zone: ambiguous, refused
    EXPECT_FALSE(parseInstant("2026-02-30T08:00:00Z"));
    EXPECT_FALSE(parseInstant("2026-03-01T24:00:00Z"));
    EXPECT_FALSE(parseInstant("yesterday"));
}

TEST(TimeUtil, TimesOfDay) {
    EXPECT_EQ(parseTimeOfDay("09:30")->count(), 570);
    EXPECT_EQ(formatTimeOfDay(TimeOfDay{570}), "09:30");
    EXPECT_FALSE(parseTimeOfDay("24:00"));
    EXPECT_FALSE(parseTimeOfDay("9:30"));
    EXPECT_FALSE(parseTimeOfDay("09:60"));
}

TEST(TimeUtil, LocalNineStaysNineAcrossDaylightSaving) {
    // Europe/Berlin moves to summer time on 2026-03-29; New York on 2026-03-08.
    struct Case {
        const char* zone;
        Date before;
        Date after;
        const char* utcBefore;
        const char* utcAfter;
    };
    const Case cases[] = {
        {"Europe/Berlin", ymd(2026, 3, 28), ymd(2026, 3, 30), "2026-03-28T08:00:00Z",
         "2026-03-30T07:00:00Z"},
        {"America/New_York", ymd(2026, 3, 7), ymd(2026, 3, 9), "2026-03-07T14:00:00Z",
         "2026-03-09T13:00:00Z"},
        {"Europe/Berlin", ymd(2026, 10, 24), ymd(2026, 10, 26), "2026-10-24T07:00:00Z",
         "2026-10-26T08:00:00Z"},
    };
    for (const auto& c : cases) {
        const auto a = toInstant(c.before, TimeOfDay{9 * 60}, c.zone);
        const auto b = toInstant(c.after, TimeOfDay{9 * 60}, c.zone);
        EXPECT_EQ(formatInstant(a), c.utcBefore) << c.zone;
        EXPECT_EQ(formatInstant(b), c.utcAfter) << c.zone;
        EXPECT_EQ(localTimeOfDay(a, c.zone).count(), 9 * 60);
        EXPECT_EQ(localTimeOfDay(b, c.zone).count(), 9 * 60);
        EXPECT_EQ(localDate(b, c.zone), c.after);
    }
}

TEST(TimeUtil, SkippedAndRepeatedLocalTimes) {
    // 02:30 does not exist in Berlin on 2026-03-29: it lands an hour later, at 03:30 CEST.
    const auto skipped = toInstant(ymd(2026, 3, 29), TimeOfDay{150}, "Europe/Berlin");
    EXPECT_EQ(formatInstant(skipped), "2026-03-29T01:30:00Z");
    EXPECT_EQ(localTimeOfDay(skipped, "Europe/Berlin").count(), 210);
    // 02:30 happens twice on 2026-10-25: the earlier one (still summer time) is taken.
    const auto repeated = toInstant(ymd(2026, 10, 25), TimeOfDay{150}, "Europe/Berlin");
    EXPECT_EQ(formatInstant(repeated), "2026-10-25T00:30:00Z");
}

TEST(TimeUtil, LocalDateDiffersFromUtcNearMidnight) {
    const auto t = *parseInstant("2026-06-01T02:00:00Z");
    EXPECT_EQ(localDate(t, "America/New_York"), ymd(2026, 5, 31));
    EXPECT_EQ(localDate(t, "Europe/Berlin"), ymd(2026, 6, 1));
    EXPECT_TRUE(isKnownTimeZone("Europe/Berlin"));
    EXPECT_FALSE(isKnownTimeZone("Mars/Olympus_Mons"));
    EXPECT_EQ(daysBetween(ymd(2026, 2, 27), ymd(2026, 3, 2)), 3);
}

// LocalDays converts many times in one zone object (the calendar: every post of a month); it
// must give exactly what the by-name functions give, at and around each clock change.
TEST(TimeUtil, LocalDaysAgreesWithTheByNameConversionsAcrossClockChanges) {
    for (const char* zone :
         {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC", "No/Such_Zone"}) {
        LocalDays days{zone};
        for (const Date first : {ymd(2026, 3, 27), ymd(2026, 10, 23), ymd(2026, 3, 6),
                                 ymd(2026, 10, 30), ymd(2026, 4, 3)}) {
            for (int d = 0; d < 5; ++d) {
                const Date day = addDays(first, d);
                for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
                    const TimeOfDay t{minutes};
                    const Instant expected = toInstant(day, t, zone);
                    ASSERT_EQ(days.instantOf(day, t), expected)
                        << zone << " " << formatDate(day) << " " << formatTimeOfDay(t);
                    ASSERT_EQ(days.dateOf(expected), localDate(expected, zone)) << zone;
                    ASSERT_EQ(days.timeOf(expected), localTimeOfDay(expected, zone)) << zone;
                }
            }
        }
    }
}
