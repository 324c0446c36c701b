// Recurrence: the dates of each rule at its edges, the effective posts of a range with the
// exceptions of a series applied, daylight-saving changes, and the edits that keep a series whole.

#include "core/recurrence.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "calendarfixture.h"
#include "core/errors.h"

using namespace rapport::core;
using rapport::test::CalendarWorkspace;
using rapport::test::kFri;
using rapport::test::kMon;
using rapport::test::kThu;
using rapport::test::kWed;
using rapport::test::ymd;

namespace {

std::string datesText(const std::vector<Date>& dates) {
    std::string out;
    for (const auto& d : dates) {
        out += (out.empty() ? "" : " ") + formatDate(d).substr(5);
    }
    return out;
}

Series rule(Frequency f, Date start) {
    Series s;
    s.frequency = f;
    s.startDate = start;
    return s;
}

struct ExpansionCase {
    const char* name;
    Series series;
    Date from;
    Date to;
    const char* expected;  // MM-DD, space separated
};

Series weeklyOn(unsigned days, Date start, std::optional<Date> end = {},
                std::optional<int> count = {}) {
    auto s = rule(Frequency::Weekly, start);
    s.weekdays = days;
    s.endDate = end;
    s.count = count;
    return s;
}

Series everyN(int n, Date start, std::optional<Date> end = {}, std::optional<int> count = {}) {
    auto s = rule(Frequency::EveryNDays, start);
    s.intervalDays = n;
    s.endDate = end;
    s.count = count;
    return s;
}

Series monthlyOn(int day, Date start, std::optional<int> count = {}) {
    auto s = rule(Frequency::Monthly, start);
    s.monthDay = day;
    s.count = count;
    return s;
}

}  // namespace

TEST(Recurrence, EachRuleExpandsToItsDates) {
    const ExpansionCase cases[] = {
        {"weekly Mon+Wed from a Monday", weeklyOn(kMon | kWed, ymd(2026, 3, 2)), ymd(2026, 3, 1),
         ymd(2026, 3, 15), "03-02 03-04 03-09 03-11"},
        {"weekly starts mid-week: the first date is the next chosen weekday",
         weeklyOn(kMon | kThu, ymd(2026, 2, 27)), ymd(2026, 2, 1), ymd(2026, 3, 6), "03-02 03-05"},
        {"weekly until an end date, inclusive", weeklyOn(kMon, ymd(2026, 3, 2), ymd(2026, 3, 16)),
         ymd(2026, 3, 1), ymd(2026, 4, 30), "03-02 03-09 03-16"},
        {"weekly end date the day before an occurrence",
         weeklyOn(kMon, ymd(2026, 3, 2), ymd(2026, 3, 15)), ymd(2026, 3, 1), ymd(2026, 4, 30),
         "03-02 03-09"},
        {"weekly with a count", weeklyOn(kMon | kFri, ymd(2026, 3, 2), {}, 3), ymd(2026, 3, 1),
         ymd(2026, 4, 30), "03-02 03-06 03-09"},
        {"a count uses up occurrences before the range", weeklyOn(kMon, ymd(2026, 3, 2), {}, 4),
         ymd(2026, 3, 10), ymd(2026, 4, 30), "03-16 03-23"},
        {"a count exhausted before the range", weeklyOn(kMon, ymd(2026, 3, 2), {}, 2),
         ymd(2026, 3, 10), ymd(2026, 4, 30), ""},
        {"weekly without weekdays has no dates", weeklyOn(0, ymd(2026, 3, 2)), ymd(2026, 3, 1),
         ymd(2026, 3, 31), ""},
        {"every 3 days across a month end", everyN(3, ymd(2026, 1, 29)), ymd(2026, 1, 1),
         ymd(2026, 2, 8), "01-29 02-01 02-04 02-07"},
        {"every 3 days keeps its step from the start, not from the range",
         everyN(3, ymd(2026, 1, 29)), ymd(2026, 2, 2), ymd(2026, 2, 8), "02-04 02-07"},
        {"every day with a count", everyN(1, ymd(2026, 1, 30), {}, 3), ymd(2026, 1, 1),
         ymd(2026, 12, 31), "01-30 01-31 02-01"},
        {"every 7 days until an end date", everyN(7, ymd(2026, 1, 1), ymd(2026, 1, 15)),
         ymd(2026, 1, 1), ymd(2026, 12, 31), "01-01 01-08 01-15"},
        {"monthly on the 31st: short months use their last day", monthlyOn(31, ymd(2026, 1, 1)),
         ymd(2026, 1, 1), ymd(2026, 5, 31), "01-31 02-28 03-31 04-30 05-31"},
        {"monthly on the 30th in a leap February", monthlyOn(30, ymd(2028, 1, 1)), ymd(2028, 1, 1),
         ymd(2028, 3, 31), "01-30 02-29 03-30"},
        {"monthly on the 15th starting after the 15th", monthlyOn(15, ymd(2026, 1, 20)),
         ymd(2026, 1, 1), ymd(2026, 3, 31), "02-15 03-15"},
        {"monthly with a count", monthlyOn(29, ymd(2026, 1, 1), 3), ymd(2026, 1, 1),
         ymd(2026, 12, 31), "01-29 02-28 03-29"},
        {"a range before the start", weeklyOn(kMon, ymd(2026, 3, 2)), ymd(2026, 2, 1),
         ymd(2026, 2, 28), ""},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(datesText(occurrenceDates(c.series, c.from, c.to)), c.expected) << c.name;
    }
}

TEST(Recurrence, IsOccurrenceAtBelowAndAboveTheEdges) {
    const auto s = weeklyOn(kMon, ymd(2026, 3, 2), {}, 3);  // 03-02, 03-09, 03-16
    EXPECT_FALSE(isOccurrence(s, ymd(2026, 2, 23)));        // before the start
    EXPECT_TRUE(isOccurrence(s, ymd(2026, 3, 2)));          // the first
    EXPECT_FALSE(isOccurrence(s, ymd(2026, 3, 3)));         // not a Monday
    EXPECT_TRUE(isOccurrence(s, ymd(2026, 3, 16)));         // the last of the count
    EXPECT_FALSE(isOccurrence(s, ymd(2026, 3, 23)));        // one past the count
    EXPECT_EQ(datesText(firstOccurrences(s, 10)), "03-02 03-09 03-16");
    EXPECT_EQ(datesText(firstOccurrences(s, 2)), "03-02 03-09");
}

TEST(Recurrence, TheLocalTimeHoldsAcrossDaylightSavingChanges) {
    struct Case {
        const char* zone;
        Date before;
        Date after;
        const char* utcBefore;
        const char* utcAfter;
    };
    const Case cases[] = {
        // Europe/Berlin: CET +1 / CEST +2; changes on 2026-03-29 and 2026-10-25 (Sundays).
        {"Europe/Berlin", ymd(2026, 3, 23), ymd(2026, 3, 30), "2026-03-23T08:00:00Z",
         "2026-03-30T07:00:00Z"},
        {"Europe/Berlin", ymd(2026, 10, 19), ymd(2026, 10, 26), "2026-10-19T07:00:00Z",
         "2026-10-26T08:00:00Z"},
        // America/New_York: EST -5 / EDT -4; changes on 2026-03-08 and 2026-11-01.
        {"America/New_York", ymd(2026, 3, 2), ymd(2026, 3, 9), "2026-03-02T14:00:00Z",
         "2026-03-09T13:00:00Z"},
        {"America/New_York", ymd(2026, 10, 26), ymd(2026, 11, 2), "2026-10-26T13:00:00Z",
         "2026-11-02T14:00:00Z"},
    };
    for (const auto& c : cases) {
        CalendarWorkspace w{c.zone};
        const auto s = CalendarWorkspace::weekly(ymd(2026, 1, 5), kMon, "09:00");
        Post templ = w.post("Keyword Monday", w.at(ymd(2026, 1, 5), "09:00"));
        w.addSeries(s, templ);
        const auto posts = effectivePosts(*w.store, c.before, c.after);
        ASSERT_EQ(posts.size(), 2u) << c.zone;
        EXPECT_EQ(formatInstant(*posts[0].scheduledAt), c.utcBefore) << c.zone;
        EXPECT_EQ(formatInstant(*posts[1].scheduledAt), c.utcAfter) << c.zone;
        for (const auto& p : posts) {
            EXPECT_EQ(formatTimeOfDay(localTimeOfDay(*p.scheduledAt, c.zone)), "09:00") << c.zone;
        }
    }
    // A time the spring change skips moves forward by the gap, on the same day.
    Series gap = CalendarWorkspace::weekly(ymd(2026, 3, 1), 1u << 6, "02:30");
    EXPECT_EQ(formatInstant(occurrenceInstant(gap, ymd(2026, 3, 29), "Europe/Berlin")),
              "2026-03-29T01:30:00Z");  // 03:30 CEST
}

TEST(Recurrence, EffectivePostsMergeOccurrencesExceptionsAndSinglePosts) {
    CalendarWorkspace w;
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    Post templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    const Id sid = w.addSeries(s, templ);
    s.id = sid;

    // 03-09 edited in place; 03-16 moved to Tuesday 10:00; 03-23 skipped; 03-30 a draft with no
    // time of its own; an exception of 02-23's week that never was an occurrence is ignored.
    Post edited = occurrencePost(templ, s, ymd(2026, 3, 9), w.zone());
    edited.title = "Keyword Monday: near me";
    const Id editedId = saveOccurrence(*w.store, edited);
    Post moved = occurrencePost(templ, s, ymd(2026, 3, 16), w.zone());
    moved.scheduledAt = w.at(ymd(2026, 3, 17), "10:00");
    const Id movedId = saveOccurrence(*w.store, moved);
    const Id skippedId = skipOccurrence(*w.store, sid, ymd(2026, 3, 23));
    Post draft = occurrencePost(templ, s, ymd(2026, 3, 30), w.zone());
    draft.status = PostStatus::Draft;
    draft.scheduledAt.reset();
    const Id draftId = saveOccurrence(*w.store, draft);

    const Id single = w.addPost(w.post("A single post", w.at(ymd(2026, 3, 10), "12:00")));
    const Id idea = w.addPost(w.post("An idea", {}, Purpose::Value, PostStatus::Idea));
    (void)idea;

    const auto posts = effectivePosts(*w.store, ymd(2026, 3, 1), ymd(2026, 4, 6));
    std::vector<std::string> seen;
    for (const auto& p : posts) {
        seen.push_back(formatDate(localDate(*p.scheduledAt, w.zone())) + " " +
                       formatTimeOfDay(localTimeOfDay(*p.scheduledAt, w.zone())) + " " +
                       std::to_string(p.id) + " " + p.title + " " +
                       std::string{toString(p.status)} +
                       (p.occurrenceDate ? " @" + formatDate(*p.occurrenceDate) : ""));
    }
    const auto id = [](Id i) { return std::to_string(i); };
    EXPECT_THAT(
        seen,
        testing::ElementsAre(
            "2026-03-02 09:00 0 Keyword Monday scheduled @2026-03-02",
            "2026-03-09 09:00 " + id(editedId) + " Keyword Monday: near me scheduled @2026-03-09",
            "2026-03-10 12:00 " + id(single) + " A single post scheduled",
            "2026-03-17 10:00 " + id(movedId) + " Keyword Monday scheduled @2026-03-16",
            "2026-03-23 09:00 " + id(skippedId) + " Keyword Monday skipped @2026-03-23",
            "2026-03-30 09:00 " + id(draftId) + " Keyword Monday draft @2026-03-30",
            "2026-04-06 09:00 0 Keyword Monday scheduled @2026-04-06"));
    for (const auto& p : posts) {
        if (p.id == 0) {
            EXPECT_EQ(p.seriesId, sid);
        }
    }

    // A moved occurrence shows where it went, not where it was.
    const auto week = effectivePosts(*w.store, ymd(2026, 3, 16), ymd(2026, 3, 16));
    EXPECT_TRUE(week.empty());
    const auto tuesday = effectivePosts(*w.store, ymd(2026, 3, 17), ymd(2026, 3, 17));
    ASSERT_EQ(tuesday.size(), 1u);
    EXPECT_EQ(tuesday[0].id, movedId);

    // Only one channel, through its index.
    Post blog = w.post("On the blog", w.at(ymd(2026, 3, 11), "07:00"));
    blog.channelId = w.blogId;
    const Id blogPost = w.addPost(blog);
    const auto onBlog = effectivePosts(*w.store, ymd(2026, 3, 1), ymd(2026, 4, 6), w.blogId);
    ASSERT_EQ(onBlog.size(), 1u);
    EXPECT_EQ(onBlog[0].id, blogPost);
    EXPECT_EQ(effectivePosts(*w.store, ymd(2026, 3, 1), ymd(2026, 4, 6), w.xId).size(),
              posts.size());
}

TEST(Recurrence, SavingAnOccurrenceTwiceKeepsOneException) {
    CalendarWorkspace w;
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    Post templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    s.id = w.addSeries(s, templ);
    Post first = occurrencePost(templ, s, ymd(2026, 3, 9), w.zone());
    first.title = "Edited once";
    const Id id1 = saveOccurrence(*w.store, first);
    first.title = "Edited twice";  // still id 0: the caller held the generated copy
    const Id id2 = saveOccurrence(*w.store, first);
    EXPECT_EQ(id1, id2);
    EXPECT_EQ(w.store->get<Post>(id1).title, "Edited twice");
    EXPECT_EQ(skipOccurrence(*w.store, s.id, ymd(2026, 3, 9)), id1);
    EXPECT_EQ(w.store->get<Post>(id1).status, PostStatus::Skipped);
    EXPECT_EQ(w.store->count<Post>(), 2);

    Post wrong = occurrencePost(templ, s, ymd(2026, 3, 10), w.zone());  // a Tuesday
    EXPECT_THROW(saveOccurrence(*w.store, wrong), ValidationError);
    EXPECT_THROW(skipOccurrence(*w.store, s.id, ymd(2026, 3, 10)), ValidationError);
    Post single = w.post("Not of a series", w.at(ymd(2026, 3, 9), "09:00"));
    EXPECT_THROW(saveOccurrence(*w.store, single), ValidationError);
    EXPECT_EQ(w.store->count<Post>(), 2);
}

TEST(Recurrence, SplitEndsTheSeriesAndStartsANewOneFromTheDate) {
    CalendarWorkspace w;
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    s.count = 10;  // 03-02 .. 05-04
    Post templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    s.id = w.addSeries(s, templ);
    const auto allBefore = effectivePosts(*w.store, ymd(2026, 3, 1), ymd(2026, 6, 30));
    ASSERT_EQ(allBefore.size(), 10u);

    // An exception before the split stays; one after moves along with its own edit.
    Post early = occurrencePost(templ, s, ymd(2026, 3, 9), w.zone());
    early.title = "Early edit";
    const Id earlyId = saveOccurrence(*w.store, early);
    Post late = occurrencePost(templ, s, ymd(2026, 4, 13), w.zone());
    late.title = "Late edit";
    const Id lateId = saveOccurrence(*w.store, late);

    Post edited = templ;
    edited.title = "Keyword Monday, new format";
    const auto split = splitSeries(*w.store, s.id, ymd(2026, 3, 23), edited);
    EXPECT_EQ(split.oldSeriesId, s.id);
    EXPECT_NE(split.newSeriesId, s.id);

    const auto old = w.store->get<Series>(s.id);
    EXPECT_EQ(old.endDate, ymd(2026, 3, 22));
    EXPECT_FALSE(old.count);
    const auto next = w.store->get<Series>(split.newSeriesId);
    EXPECT_EQ(next.startDate, ymd(2026, 3, 23));
    EXPECT_EQ(next.count, 7);  // 3 were before the split
    EXPECT_EQ(next.time, s.time);

    const auto newTemplate = w.store->get<Post>(split.templateId);
    EXPECT_EQ(newTemplate.seriesId, split.newSeriesId);
    EXPECT_FALSE(newTemplate.occurrenceDate);
    EXPECT_EQ(newTemplate.title, "Keyword Monday, new format");
    EXPECT_EQ(seriesTemplate(*w.store, s.id)->title, "Keyword Monday");
    EXPECT_EQ(w.store->get<Post>(earlyId).seriesId, s.id);
    EXPECT_EQ(w.store->get<Post>(lateId).seriesId, split.newSeriesId);
    EXPECT_EQ(w.store->get<Post>(lateId).title, "Late edit");

    // The same ten dates, the old title before the split and the new one after.
    const auto after = effectivePosts(*w.store, ymd(2026, 3, 1), ymd(2026, 6, 30));
    ASSERT_EQ(after.size(), 10u);
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].scheduledAt, allBefore[i].scheduledAt) << i;
        const auto day = *after[i].occurrenceDate;
        const std::string expected = day == ymd(2026, 3, 9)    ? "Early edit"
                                     : day == ymd(2026, 4, 13) ? "Late edit"
                                     : day < ymd(2026, 3, 23)  ? "Keyword Monday"
                                                               : "Keyword Monday, new format";
        EXPECT_EQ(after[i].title, expected) << formatDate(day);
    }
}

TEST(Recurrence, SplitWithANewRuleDetachesEditsAndDropsSkipsItNoLongerHas) {
    CalendarWorkspace w;
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    Post templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    s.id = w.addSeries(s, templ);
    Post edited = occurrencePost(templ, s, ymd(2026, 3, 30), w.zone());
    edited.title = "A Monday I wrote by hand";
    const Id editedId = saveOccurrence(*w.store, edited);
    const Id skippedId = skipOccurrence(*w.store, s.id, ymd(2026, 4, 6));

    auto wednesdays = continuationOf(s, ymd(2026, 3, 16));
    wednesdays.weekdays = kWed;
    wednesdays.time = *parseTimeOfDay("12:00");
    const auto split = splitSeries(*w.store, s.id, ymd(2026, 3, 16), templ, wednesdays);

    const auto detached = w.store->get<Post>(editedId);
    EXPECT_FALSE(detached.seriesId);
    EXPECT_FALSE(detached.occurrenceDate);
    EXPECT_EQ(detached.scheduledAt, w.at(ymd(2026, 3, 30), "09:00"));
    EXPECT_FALSE(w.store->find<Post>(skippedId));

    std::vector<std::string> seen;
    for (const auto& p : effectivePosts(*w.store, ymd(2026, 3, 1), ymd(2026, 3, 31))) {
        seen.push_back(formatDate(localDate(*p.scheduledAt, w.zone())).substr(5) + " " +
                       formatTimeOfDay(localTimeOfDay(*p.scheduledAt, w.zone())));
    }
    EXPECT_THAT(seen, testing::ElementsAre("03-02 09:00", "03-09 09:00", "03-18 12:00",
                                           "03-25 12:00", "03-30 09:00"));
    EXPECT_EQ(w.store->get<Series>(split.newSeriesId).weekdays, kWed);
}

TEST(Recurrence, SplitAtTheFirstOccurrenceChangesTheWholeSeriesInPlace) {
    CalendarWorkspace w;
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    Post templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    s.id = w.addSeries(s, templ);
    Post edited = *seriesTemplate(*w.store, s.id);
    edited.title = "Renamed";
    const auto split = splitSeries(*w.store, s.id, ymd(2026, 3, 2), edited);
    EXPECT_EQ(split.newSeriesId, s.id);
    EXPECT_EQ(split.templateId, edited.id);
    EXPECT_EQ(w.store->count<Series>(), 1);
    EXPECT_EQ(w.store->count<Post>(), 1);
    EXPECT_EQ(seriesTemplate(*w.store, s.id)->title, "Renamed");
}

TEST(Recurrence, AFailedSplitChangesNothing) {
    CalendarWorkspace w;
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    Post templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    s.id = w.addSeries(s, templ);
    const auto before = w.store->get<Series>(s.id);

    // Not an occurrence: named, and nothing written.
    try {
        splitSeries(*w.store, s.id, ymd(2026, 3, 17), templ);
        FAIL() << "a split on a Tuesday of a Monday series";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "occurrenceDate");
        EXPECT_THAT(e.what(), testing::HasSubstr("2026-03-17"));
    }
    // A template the store refuses fails after the series was already cut: rolled back.
    Post blank = templ;
    blank.title = " ";
    EXPECT_THROW(splitSeries(*w.store, s.id, ymd(2026, 3, 16), blank), ValidationError);
    EXPECT_EQ(w.store->get<Series>(s.id).endDate, before.endDate);
    EXPECT_EQ(w.store->count<Series>(), 1);
    EXPECT_EQ(w.store->count<Post>(), 1);
}
