// iCalendar export: the file parses back with libical to the same events, a series' RRULE
// expands (by libical's iterator) to the same instants as core's recurrence, across
// daylight-saving changes in Europe/Berlin and America/New_York.

#include "core/icalexport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "calendarfixture.h"
#include "core/errors.h"
#include "core/recurrence.h"

using namespace rapport::core;
using rapport::test::CalendarWorkspace;
using rapport::test::kMon;
using rapport::test::kThu;
using rapport::test::ymd;
using testing::HasSubstr;

namespace {

const Instant kNow = *parseInstant("2026-11-23T09:00:00Z");
const Instant kUntil = *parseInstant("2027-03-01T00:00:00Z");

// A workspace with single posts of every status, and a series of each frequency with
// exceptions; its records are kept for the checks.
struct Planned {
    explicit Planned(const std::string& zone) : w(zone) {
        Post tricky =
            w.post("Three questions, before you choose; a keyword", w.at(ymd(2026, 3, 3), "12:15"));
        tricky.body =
            "Ask three questions:\n1. Who types this?\n2. What happened just before; and why?\n"
            "\"Quotes\", commas, back\\slashes and Gr\xC3\xBC\xC3\x9F"
            "e \xF0\x9F\x91\x8B";
        tricky.link = "https://example.com/keywords?a=1&b=2";
        tricky.channelId = w.blogId;  // "Blog, the long form": a comma in a category
        singles.push_back(tricky);
        singles.push_back(w.post("A draft", w.at(ymd(2026, 3, 4), "08:00"), Purpose::Resource,
                                 PostStatus::Draft));
        singles.push_back(
            w.post("Skipped", w.at(ymd(2026, 3, 5), "08:00"), Purpose::Value, PostStatus::Skipped));
        singles.push_back(w.post("Published", w.at(ymd(2026, 2, 20), "17:00"), Purpose::Promotion,
                                 PostStatus::Published));
        singles.push_back(
            w.post("Late autumn", w.at(ymd(2026, 11, 20), "17:00"), Purpose::Affiliate));
        for (auto& p : singles) {
            p.id = w.addPost(p);
        }
        w.addPost(w.post("An idea", std::nullopt, Purpose::Value, PostStatus::Idea));

        // Weekly Mon+Thu across the spring change, until an end date.
        weekly = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon | kThu, "09:00");
        weekly.endDate = ymd(2026, 4, 30);
        weeklyTemplate = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
        weekly.id = w.addSeries(weekly, weeklyTemplate);
        skipOccurrence(*w.store, weekly.id, ymd(2026, 3, 5));
        Post moved = occurrencePost(weeklyTemplate, weekly, ymd(2026, 3, 9), w.zone());
        moved.scheduledAt = w.at(ymd(2026, 3, 10), "11:00");
        saveOccurrence(*w.store, moved);
        Post edited = occurrencePost(weeklyTemplate, weekly, ymd(2026, 4, 2), w.zone());
        edited.title = "Keyword Thursday: near me";
        saveOccurrence(*w.store, edited);

        // Every 10 days across the autumn changes, with a count.
        everyTen = CalendarWorkspace::weekly(ymd(2026, 10, 1), 0, "18:45");
        everyTen.frequency = Frequency::EveryNDays;
        everyTen.intervalDays = 10;
        everyTen.count = 6;
        everyTen.id = w.addSeries(
            everyTen, w.post("Ten-day digest", w.at(ymd(2026, 10, 1), "18:45"), Purpose::Resource));

        // Monthly on the 31st: short months use their last day.
        monthly = CalendarWorkspace::weekly(ymd(2026, 1, 1), 0, "07:00");
        monthly.frequency = Frequency::Monthly;
        monthly.monthDay = 31;
        monthly.count = 5;
        monthly.id =
            w.addSeries(monthly, w.post("Month in review", w.at(ymd(2026, 1, 31), "07:00")));
    }

    CalendarWorkspace w;
    std::vector<Post> singles;
    Series weekly, everyTen, monthly;
    Post weeklyTemplate;
};

const IcsEvent* find(const std::vector<IcsEvent>& events, const std::string& uid,
                     std::optional<Instant> recurrence = {}) {
    for (const auto& e : events) {
        if (e.uid == uid && e.recurrenceId == recurrence) {
            return &e;
        }
    }
    return nullptr;
}

// What a calendar application shows: every instance with its start and title, overrides in
// place of the instances they replace, cancelled events left out.
std::multiset<std::pair<Instant, std::string>> shown(const std::vector<IcsEvent>& events) {
    std::map<std::pair<std::string, Instant>, const IcsEvent*> overrides;
    for (const auto& e : events) {
        if (e.recurrenceId) {
            overrides[{e.uid, *e.recurrenceId}] = &e;
        }
    }
    std::multiset<std::pair<Instant, std::string>> out;
    for (const auto& e : events) {
        if (e.recurrenceId) {
            continue;
        }
        if (e.rrule.empty()) {
            if (e.status != "CANCELLED") {
                out.insert({e.start, e.summary});
            }
            continue;
        }
        for (const auto at : e.occurrences) {
            const auto o = overrides.find({e.uid, at});
            if (o == overrides.end()) {
                out.insert({at, e.summary});
            } else if (o->second->status != "CANCELLED") {
                out.insert({o->second->start, o->second->summary});
            }
        }
    }
    return out;
}

std::multiset<std::pair<Instant, std::string>> effective(Store& store, Date from, Date to) {
    std::multiset<std::pair<Instant, std::string>> out;
    for (const auto& p : effectivePosts(store, from, to)) {
        if (p.status != PostStatus::Skipped) {
            out.insert({*p.scheduledAt, p.title});
        }
    }
    return out;
}

}  // namespace

class IcalExport : public testing::TestWithParam<const char*> {};

TEST_P(IcalExport, ParsesBackToTheSameEvents) {
    Planned plan{GetParam()};
    auto& w = plan.w;
    const FixedClock clock{kNow};
    const auto doc = exportIcs(*w.store, clock);
    EXPECT_EQ(doc.posts, plan.singles.size());
    EXPECT_EQ(doc.series, 3u);
    EXPECT_EQ(doc.exceptions, 2u);
    const auto events = parseIcs(doc.text, "test.ics", kUntil);

    for (const auto& p : plan.singles) {
        const auto* e = find(events, "rapport-post-" + std::to_string(p.id));
        ASSERT_TRUE(e) << p.title;
        EXPECT_EQ(e->summary, p.title);
        EXPECT_EQ(e->description, p.body);
        EXPECT_EQ(e->url, p.link);
        EXPECT_EQ(e->start, *p.scheduledAt);
        EXPECT_EQ(e->startZone, "");
        EXPECT_THAT(e->categories,
                    testing::ElementsAre(p.channelId == w.blogId ? "Blog, the long form" : "X",
                                         std::string{toString(p.purpose)}));
        const char* status = p.status == PostStatus::Draft     ? "TENTATIVE"
                             : p.status == PostStatus::Skipped ? "CANCELLED"
                                                               : "CONFIRMED";
        EXPECT_EQ(e->status, status) << p.title;
    }

    // Each series: one master whose RRULE expands, through libical, to core's instants.
    for (const Series* s : {&plan.weekly, &plan.everyTen, &plan.monthly}) {
        const auto* master = find(events, "rapport-series-" + std::to_string(s->id));
        ASSERT_TRUE(master);
        EXPECT_EQ(master->startZone, GetParam());
        std::vector<Instant> expected;
        for (const auto& d : occurrenceDates(*s, ymd(2026, 1, 1), ymd(2027, 2, 28))) {
            if (!(s->id == plan.weekly.id && d == ymd(2026, 3, 5))) {  // skipped: an EXDATE
                expected.push_back(occurrenceInstant(*s, d, w.zone()));
            }
        }
        EXPECT_EQ(master->occurrences, expected) << master->rrule;
        for (const auto at : master->occurrences) {
            EXPECT_EQ(formatTimeOfDay(localTimeOfDay(at, w.zone())), formatTimeOfDay(s->time));
        }
    }
    const auto* weekly = find(events, "rapport-series-" + std::to_string(plan.weekly.id));
    EXPECT_THAT(weekly->rrule, HasSubstr("FREQ=WEEKLY"));
    EXPECT_THAT(weekly->rrule, HasSubstr("BYDAY=MO,TH"));
    EXPECT_THAT(weekly->rrule, HasSubstr("UNTIL="));
    EXPECT_THAT(weekly->exdates,
                testing::ElementsAre(occurrenceInstant(plan.weekly, ymd(2026, 3, 5), w.zone())));
    EXPECT_THAT(find(events, "rapport-series-" + std::to_string(plan.everyTen.id))->rrule,
                HasSubstr("INTERVAL=10"));
    EXPECT_THAT(find(events, "rapport-series-" + std::to_string(plan.monthly.id))->rrule,
                HasSubstr("COUNT=5"));

    // Overrides share the series' UID and name the occurrence they replace.
    const auto* moved =
        find(events, weekly->uid, occurrenceInstant(plan.weekly, ymd(2026, 3, 9), w.zone()));
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->start, w.at(ymd(2026, 3, 10), "11:00"));
    EXPECT_EQ(moved->summary, "Keyword Monday");
    const auto* edited =
        find(events, weekly->uid, occurrenceInstant(plan.weekly, ymd(2026, 4, 2), w.zone()));
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->summary, "Keyword Thursday: near me");

    // As a calendar shows it, the file holds exactly the calendar's posts.
    EXPECT_EQ(shown(events), effective(*w.store, ymd(2026, 1, 1), ymd(2027, 2, 28)));
}

INSTANTIATE_TEST_SUITE_P(Zones, IcalExport, testing::Values("Europe/Berlin", "America/New_York"));

TEST(IcalExportText, IsAnRfc5545DocumentWithTheZoneAndStableUids) {
    Planned plan{"Europe/Berlin"};
    const FixedClock clock{kNow};
    const auto doc = exportIcs(*plan.w.store, clock);
    const auto& t = doc.text;
    EXPECT_THAT(t, testing::StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    EXPECT_THAT(t, HasSubstr("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    EXPECT_THAT(t, HasSubstr("DTSTART;TZID=Europe/Berlin:20260302T090000\r\n"));
    EXPECT_THAT(t, HasSubstr("EXDATE;TZID=Europe/Berlin:20260305T090000\r\n"));
    EXPECT_THAT(t, HasSubstr("RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000\r\n"));
    EXPECT_THAT(t, HasSubstr("DTSTAMP:20261123T090000Z\r\n"));
    EXPECT_THAT(t, HasSubstr("CATEGORIES:Blog\\, the long form\r\n"));
    EXPECT_THAT(t, HasSubstr("BYMONTHDAY=28,29,30,31;BYSETPOS=-1"));
    EXPECT_THAT(t, testing::Not(HasSubstr("An idea")));
    // The same workspace exports the same document.
    EXPECT_EQ(exportIcs(*plan.w.store, clock).text, t);
}

TEST(IcalExportText, ARangeHoldsItsPostsAndTheSeriesThatOccurInIt) {
    Planned plan{"Europe/Berlin"};
    const FixedClock clock{kNow};
    const auto doc = exportIcs(*plan.w.store, clock, ymd(2026, 3, 1), ymd(2026, 3, 31));
    const auto events = parseIcs(doc.text, "range.ics", kUntil);
    std::set<std::string> uids;
    for (const auto& e : events) {
        uids.insert(e.uid + (e.recurrenceId ? "*" : ""));
    }
    const auto post = [&](std::size_t i) {
        return "rapport-post-" + std::to_string(plan.singles[i].id);
    };
    const auto series = [](Id id) { return "rapport-series-" + std::to_string(id); };
    EXPECT_EQ(uids, (std::set<std::string>{post(0), post(1), post(2), series(plan.weekly.id),
                                           series(plan.weekly.id) + "*", series(plan.monthly.id)}));
    const auto none = exportIcs(*plan.w.store, clock, ymd(2025, 1, 1), ymd(2025, 1, 31));
    EXPECT_EQ(none.posts + none.series, 0u);
    EXPECT_THAT(none.text, testing::Not(HasSubstr("BEGIN:VTIMEZONE")));
}

TEST(IcalExportText, AUtcWorkspaceWritesUtcTimes) {
    CalendarWorkspace w{"UTC"};
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    s.count = 3;
    s.id = w.addSeries(s, w.post("Monday", w.at(ymd(2026, 3, 2), "09:00")));
    const FixedClock clock{kNow};
    const auto doc = exportIcs(*w.store, clock);
    EXPECT_THAT(doc.text, HasSubstr("DTSTART:20260302T090000Z\r\n"));
    EXPECT_THAT(doc.text, testing::Not(HasSubstr("VTIMEZONE")));
    const auto events = parseIcs(doc.text, "utc.ics", kUntil);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].occurrences.size(), 3u);
}

TEST(IcalExportText, ParseRefusesWhatIsNotACalendar) {
    EXPECT_THROW(parseIcs("hello", "notes.txt", kUntil), ImportError);
    try {
        parseIcs("BEGIN:VTODO\r\nEND:VTODO\r\n", "todo.ics", kUntil);
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_THAT(e.what(), HasSubstr("todo.ics"));
    }
}
