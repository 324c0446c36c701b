// The dashboard's figures over a fixed workspace and a fake clock (reviewfixture.h): the queue's
// counts and first names, the week's posts by day, a card per goal and the content mix of the
// coming 30 days, and the JSON the CLI prints from them.

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/dashboard.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "reviewfixture.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;

namespace {

class DashboardTest : public testing::Test {
protected:
    std::unique_ptr<Store> store = Store::openInMemory();
    FixedClock clock{rapport::test::reviewNow()};
    rapport::test::ReviewIds ids = rapport::test::buildReviewWorkspace(*store, clock);
};

std::vector<std::string> names(const QueueSummary& q) {
    std::vector<std::string> out;
    for (const auto& e : q.first) {
        out.push_back(e.displayName);
    }
    return out;
}

TEST_F(DashboardTest, APastDateShowsTheGoalsAsOfThatDay) {
    // dashboard --date 2026-11-15: the conversations goal had only Ben's reply of 11-10.
    const auto f = Dashboard{*store, clock}.compute(ymd(2026, 11, 15));
    const auto conversations = std::find_if(f.goals.begin(), f.goals.end(), [&](const GoalCard& c) {
        return c.goal.id == ids.conversationsGoal;
    });
    ASSERT_NE(conversations, f.goals.end());
    EXPECT_DOUBLE_EQ(conversations->report.current, 1);
    const auto today = Dashboard{*store, clock}.compute();
    const auto now = std::find_if(today.goals.begin(), today.goals.end(), [&](const GoalCard& c) {
        return c.goal.id == ids.conversationsGoal;
    });
    ASSERT_NE(now, today.goals.end());
    EXPECT_DOUBLE_EQ(now->report.current, 5);
}

TEST_F(DashboardTest, QueueCountsAndFirstNames) {
    const auto f = Dashboard{*store, clock}.compute();
    EXPECT_EQ(f.today, ymd(2026, 11, 25));
    EXPECT_EQ(f.queue.overdue, 2);
    EXPECT_EQ(f.queue.today, 1);
    EXPECT_EQ(f.queue.thisWeek, 2);
    EXPECT_EQ(f.queue.needsYou(), 3);
    EXPECT_THAT(names(f.queue), testing::ElementsAre("Ben Okri", "Finn Grey", "Cleo Park",
                                                     "Ada Lovelace", "Eve Adams"));
    EXPECT_EQ(f.queue.first[0].bucket, QueueBucket::Overdue);
    EXPECT_EQ(f.queue.first[0].due, ymd(2026, 11, 23));
    EXPECT_EQ(f.queue.first[0].reason, "reply owed: their comment");
    EXPECT_EQ(f.queue.first[2].bucket, QueueBucket::Today);
    EXPECT_EQ(f.queue.first[2].reason, "planned follow-up");
    EXPECT_EQ(f.queue.first[3].bucket, QueueBucket::ThisWeek);
    EXPECT_EQ(f.queue.first[3].due, ymd(2026, 11, 26));
    EXPECT_EQ(f.queue.first[3].reason, "sequence step: Share the guide (Reader to client)");
    EXPECT_EQ(f.queue.first[4].due, ymd(2026, 11, 28));
    // The same counts the follow-up queue itself gives.
    FollowUpQueue queue{*store, clock};
    EXPECT_EQ(static_cast<std::size_t>(f.queue.needsYou()), queue.needsYouCount(f.today));
}

TEST_F(DashboardTest, FirstNamesStopAtFive) {
    for (int i = 0; i < 7; ++i) {
        Contact c;
        c.displayName = "Zed " + std::to_string(i);
        c.stage = Stage::Engaged;
        c.createdOn = ymd(2026, 10, 1);  // cadence 14 days: overdue since 10-15
        store->add(c);
    }
    const auto f = Dashboard{*store, clock}.compute();
    EXPECT_EQ(f.queue.overdue, 9);
    ASSERT_EQ(f.queue.first.size(), static_cast<std::size_t>(Dashboard::kQueueNames));
    EXPECT_EQ(f.queue.first[0].displayName, "Zed 0");  // due 10-15, before Ben's 11-23
}

TEST_F(DashboardTest, PostsOfTheComingWeekByDay) {
    const auto f = Dashboard{*store, clock}.compute();
    ASSERT_EQ(f.week.size(), 7u);
    EXPECT_EQ(f.week.front().day, ymd(2026, 11, 25));
    EXPECT_EQ(f.week.back().day, ymd(2026, 12, 1));
    EXPECT_EQ(f.weekPostCount(), 2);  // the skipped post and the draft without a time are out
    ASSERT_EQ(f.week[1].posts.size(), 1u);
    EXPECT_EQ(f.week[1].posts[0].title, "Audit checklist");
    EXPECT_EQ(f.week[1].posts[0].channelName, "Blog");
    ASSERT_EQ(f.week[2].posts.size(), 1u);
    EXPECT_EQ(f.week[2].posts[0].title, "Buy my course");
    EXPECT_EQ(f.week[2].posts[0].purpose, Purpose::Promotion);
    EXPECT_TRUE(f.week[3].posts.empty());  // 11-28: skipped
}

TEST_F(DashboardTest, SeriesOccurrencesAreInTheWeek) {
    Series s;
    s.frequency = Frequency::Weekly;
    s.weekdays = 1u << 4;  // Fridays
    s.time = TimeOfDay{8 * 60};
    s.startDate = ymd(2026, 11, 1);
    store->add(s);
    Post templ;
    templ.title = "Friday tips";
    templ.channelId = ids.x;
    templ.status = PostStatus::Scheduled;
    templ.seriesId = s.id;
    templ.scheduledAt = toInstant(s.startDate, s.time, "Europe/Berlin");
    store->add(templ);
    const auto f = Dashboard{*store, clock}.compute();
    ASSERT_EQ(f.week[2].posts.size(), 2u);  // Friday 11-27
    EXPECT_EQ(f.week[2].posts[0].title, "Friday tips");
    EXPECT_EQ(f.week[2].posts[0].id, 0);
    EXPECT_EQ(f.week[2].posts[0].seriesId, s.id);
    EXPECT_EQ(f.weekPostCount(), 3);
}

TEST_F(DashboardTest, GoalCards) {
    const auto f = Dashboard{*store, clock}.compute();
    ASSERT_EQ(f.goals.size(), 2u);  // the abandoned goal is left out
    // By deadline: conversations (11-30) before relationships (12-31).
    const auto& conv = f.goals[0];
    EXPECT_EQ(conv.goal.title, "Start conversations");
    EXPECT_DOUBLE_EQ(conv.report.current, 5);
    EXPECT_DOUBLE_EQ(conv.report.progress, 0.25);
    EXPECT_DOUBLE_EQ(conv.report.elapsed, 24.0 / 29.0);
    EXPECT_FALSE(conv.report.onTrack);
    ASSERT_TRUE(conv.report.forecast);
    EXPECT_DOUBLE_EQ(*conv.report.forecast, 5.0 / (24.0 / 29.0));
    const auto& rel = f.goals[1];
    EXPECT_EQ(rel.goal.title, "Grow real relationships");
    EXPECT_DOUBLE_EQ(rel.report.current, 2);
    EXPECT_DOUBLE_EQ(rel.report.progress, 0.5);
    EXPECT_DOUBLE_EQ(rel.report.elapsed, 0.4);
    EXPECT_TRUE(rel.report.onTrack);
    EXPECT_DOUBLE_EQ(*rel.report.forecast, 5);
    // The same as GoalProgress says for today.
    GoalProgress progress{*store, clock};
    EXPECT_DOUBLE_EQ(progress.report(rel.goal).forecast.value(), *rel.report.forecast);
}

TEST_F(DashboardTest, ContentMixOfTheComing30Days) {
    const auto f = Dashboard{*store, clock}.compute();
    EXPECT_EQ(f.mixFrom, ymd(2026, 11, 25));
    EXPECT_EQ(f.mixTo, ymd(2026, 12, 24));
    ASSERT_EQ(f.mix.size(), 2u);
    const auto& seo = f.mix[0];
    EXPECT_EQ(seo.mix.name, "SEO readers");
    EXPECT_EQ(seo.mix.value, 1);  // the audit checklist; published posts are before the range
    EXPECT_EQ(seo.mix.promotional, 1);
    EXPECT_EQ(seo.mix.byPurpose[static_cast<int>(Purpose::Resource)], 1);
    EXPECT_EQ(seo.mix.byPurpose[static_cast<int>(Purpose::Promotion)], 1);
    EXPECT_EQ(seo.flaggedPosts, 1);
    EXPECT_EQ(seo.broken[static_cast<int>(FlagKind::EarnFirst)], 1);
    EXPECT_EQ(seo.broken[static_cast<int>(FlagKind::Ratio)], 0);
    ASSERT_EQ(seo.messages.size(), 1u);
    EXPECT_THAT(seo.messages[0], testing::HasSubstr("3 value posts"));
    const auto& none = f.mix[1];
    EXPECT_EQ(none.mix.name, "No niche");
    EXPECT_FALSE(none.mix.nicheId);
    EXPECT_EQ(none.mix.value, 1);
    EXPECT_EQ(none.flaggedPosts, 0);
    EXPECT_TRUE(none.messages.empty());
}

TEST_F(DashboardTest, AnotherDay) {
    const auto f = Dashboard{*store, clock}.compute(ymd(2026, 11, 29));
    EXPECT_EQ(f.today, ymd(2026, 11, 29));
    EXPECT_EQ(f.weekPostCount(), 1);  // the newsletter on 12-02
    EXPECT_EQ(f.queue.overdue, 5);    // Ben, Finn, Cleo, Ada (11-26) and Eve (11-28)
    EXPECT_EQ(f.queue.today, 0);
}

TEST_F(DashboardTest, JsonCarriesTheFigures) {
    const auto j = toJson(Dashboard{*store, clock}.compute());
    EXPECT_EQ(j["date"], "2026-11-25");
    EXPECT_EQ(j["queue"]["overdue"], 2);
    EXPECT_EQ(j["queue"]["today"], 1);
    EXPECT_EQ(j["queue"]["thisWeek"], 2);
    EXPECT_EQ(j["queue"]["needsYou"], 3);
    EXPECT_EQ(j["queue"]["first"][0]["name"], "Ben Okri");
    EXPECT_EQ(j["queue"]["first"][0]["bucket"], "overdue");
    EXPECT_EQ(j["weekPosts"], 2);
    EXPECT_EQ(j["week"].size(), 7u);
    EXPECT_EQ(j["week"][1]["posts"][0]["title"], "Audit checklist");
    EXPECT_EQ(j["week"][1]["posts"][0]["at"], "2026-11-26T08:00:00Z");
    EXPECT_EQ(j["goals"][1]["title"], "Grow real relationships");
    EXPECT_EQ(j["goals"][1]["onTrack"], true);
    EXPECT_EQ(j["goals"][1]["forecast"], 5.0);
    EXPECT_EQ(j["mix"]["from"], "2026-11-25");
    EXPECT_EQ(j["mix"]["niches"][0]["name"], "SEO readers");
    EXPECT_EQ(j["mix"]["niches"][0]["broken"]["earn-first"], 1);
    EXPECT_EQ(j["mix"]["niches"][1]["niche"], nullptr);
}

TEST_F(DashboardTest, EmptyWorkspace) {
    auto empty = Store::openInMemory();
    empty->setInfo({"Empty", "UTC"});
    const auto f = Dashboard{*empty, clock}.compute();
    EXPECT_EQ(f.queue.total(), 0);
    EXPECT_EQ(f.weekPostCount(), 0);
    EXPECT_TRUE(f.goals.empty());
    EXPECT_TRUE(f.mix.empty());
    EXPECT_EQ(toJson(f)["queue"]["first"].size(), 0u);
}

}  // namespace
