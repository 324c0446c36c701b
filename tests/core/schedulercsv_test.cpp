// The bulk-scheduler CSV: one channel's scheduled posts, series occurrences included, local
// dates and times, RFC 4180 quoting.

#include "core/schedulercsv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "calendarfixture.h"
#include "core/errors.h"
#include "core/recurrence.h"

using namespace rapport::core;
using rapport::test::CalendarWorkspace;
using rapport::test::kMon;
using rapport::test::ymd;

TEST(SchedulerCsv, FieldsAreQuotedAsRfc4180Says) {
    const std::pair<const char*, const char*> cases[] = {
        {"", ""},
        {"plain text", "plain text"},
        {"a, b", "\"a, b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "\"cr\rhere\""},
        {"Gr\xC3\xBC\xC3\x9F"
         "e",
         "Gr\xC3\xBC\xC3\x9F"
         "e"},
        {"'single' and ;semi", "'single' and ;semi"},
    };
    for (const auto& [in, out] : cases) {
        EXPECT_EQ(csvField(in), out) << in;
    }
}

TEST(SchedulerCsv, ScheduledPostsOfOneChannelInLocalTime) {
    CalendarWorkspace w{"America/New_York"};
    auto quoted = w.post("Quoted", w.at(ymd(2026, 3, 6), "08:30"));
    quoted.body = "Three \"quick\" wins, in order:\n1. titles";
    quoted.link = "https://example.com/a,b";
    w.addPost(quoted);
    auto untitled = w.post("The title stands in for an empty body", w.at(ymd(2026, 3, 7), "17:00"));
    untitled.body.clear();
    w.addPost(untitled);
    w.addPost(w.post("Draft", w.at(ymd(2026, 3, 7), "18:00"), Purpose::Value, PostStatus::Draft));
    w.addPost(
        w.post("Published", w.at(ymd(2026, 3, 3), "09:00"), Purpose::Value, PostStatus::Published));
    w.addPost(
        w.post("Skipped", w.at(ymd(2026, 3, 4), "09:00"), Purpose::Value, PostStatus::Skipped));
    auto elsewhere = w.post("Elsewhere", w.at(ymd(2026, 3, 6), "07:00"));
    elsewhere.channelId = w.blogId;
    w.addPost(elsewhere);
    w.addPost(w.post("Outside the range", w.at(ymd(2026, 4, 1), "09:00")));

    // A weekly series across New York's spring change (2026-03-08), one occurrence skipped.
    auto s = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    auto templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    templ.body = "Keyword Monday: one phrase";
    s.id = w.addSeries(s, templ);
    skipOccurrence(*w.store, s.id, ymd(2026, 3, 16));

    const auto csv = exportSchedulerCsv(*w.store, w.xId, ymd(2026, 3, 1), ymd(2026, 3, 31));
    EXPECT_EQ(csv.rows, 6u);
    EXPECT_EQ(csv.text,
              "date,time_24hr,message_text,link\r\n"
              "2026-03-02,09:00,Keyword Monday: one phrase,\r\n"
              "2026-03-06,08:30,\"Three \"\"quick\"\" wins, in order:\n1. titles\","
              "\"https://example.com/a,b\"\r\n"
              "2026-03-07,17:00,The title stands in for an empty body,\r\n"
              "2026-03-09,09:00,Keyword Monday: one phrase,\r\n"
              "2026-03-23,09:00,Keyword Monday: one phrase,\r\n"
              "2026-03-30,09:00,Keyword Monday: one phrase,\r\n");

    const auto empty = exportSchedulerCsv(*w.store, w.blogId, ymd(2026, 1, 1), ymd(2026, 1, 31));
    EXPECT_EQ(empty.text, "date,time_24hr,message_text,link\r\n");
    EXPECT_EQ(empty.rows, 0u);
    EXPECT_THROW(exportSchedulerCsv(*w.store, 999, ymd(2026, 3, 1), ymd(2026, 3, 31)),
                 ValidationError);
}
