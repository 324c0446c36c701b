// The weekly review's figures over a fixed workspace and a fake clock (reviewfixture.h): ISO
// weeks, goals, the week's posts with their results, conversations, follow-ups done and missed,
// and sequence progress.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/goalprogress.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/weeklyreview.h"
#include "reviewfixture.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;

namespace {

TEST(IsoWeek, ParsesAndPrints) {
    const auto w = IsoWeek::parse("2026-W48");
    ASSERT_TRUE(w);
    EXPECT_EQ(w->year, 2026);
    EXPECT_EQ(w->week, 48);
    EXPECT_EQ(w->text(), "2026-W48");
    EXPECT_EQ(w->monday(), ymd(2026, 11, 23));
    EXPECT_EQ(w->sunday(), ymd(2026, 11, 29));
    EXPECT_EQ(IsoWeek::parse("2026-W01")->monday(), ymd(2025, 12, 29));
    EXPECT_EQ(IsoWeek::of(ymd(2027, 1, 1)), (IsoWeek{2026, 53}));
    EXPECT_EQ(IsoWeek::of(ymd(2026, 11, 25)).text(), "2026-W48");
}

TEST(IsoWeek, RefusesWhatIsNotAWeek) {
    for (const char* text : {"", "2026-48", "2026-W5", "2026-W00", "2026-W54", "2025-W53",
                             "2026W48x", "20x6-W48", "2026-W48 "}) {
        EXPECT_FALSE(IsoWeek::parse(text)) << text;
    }
    EXPECT_TRUE(IsoWeek::parse("2026-W53"));  // 2026 has 53 ISO weeks
}

class WeeklyReviewTest : public testing::Test {
protected:
    std::unique_ptr<Store> store = Store::openInMemory();
    FixedClock clock{rapport::test::reviewNow()};
    rapport::test::ReviewIds ids = rapport::test::buildReviewWorkspace(*store, clock);

    WeeklyReview review(const char* week) {
        return WeeklyReviewBuilder{*store, clock}.build(*IsoWeek::parse(week));
    }
};

TEST_F(WeeklyReviewTest, TheRunningWeek) {
    const auto r = review("2026-W48");
    EXPECT_EQ(r.from, ymd(2026, 11, 23));
    EXPECT_EQ(r.to, ymd(2026, 11, 29));
    EXPECT_EQ(r.asOf, ymd(2026, 11, 25));  // the week is still running
    EXPECT_EQ(r.workspaceName, "Review test");

    ASSERT_EQ(r.goals.size(), 2u);
    EXPECT_EQ(r.goals[0].goal.title, "Start conversations");
    EXPECT_DOUBLE_EQ(r.goals[0].report.current, 5);
    EXPECT_EQ(r.goals[1].goal.title, "Grow real relationships");
    EXPECT_TRUE(r.goals[1].report.onTrack);
}

TEST_F(WeeklyReviewTest, PostsWithResults) {
    const auto r = review("2026-W48");
    ASSERT_EQ(r.posts.size(), 3u);  // the skipped post is left out
    EXPECT_EQ(r.posts[0].post.title, "How I pick keywords");
    EXPECT_EQ(r.posts[0].channelName, "X");
    EXPECT_EQ(r.posts[0].nicheName, "SEO readers");
    EXPECT_EQ(r.posts[0].conversations, 3);
    EXPECT_EQ(r.posts[0].post.results.clicks, 10);
    EXPECT_EQ(r.posts[1].post.title, "Audit checklist");
    EXPECT_EQ(r.posts[1].conversations, 0);
    EXPECT_EQ(r.posts[2].post.title, "Buy my course");
    EXPECT_EQ(r.totals, (PostResults{6, 2, 1, 10, 0}));
}

TEST_F(WeeklyReviewTest, ConversationsAndFollowUps) {
    const auto r = review("2026-W48");
    EXPECT_EQ(r.inbound, 3);
    EXPECT_EQ(r.outbound, 1);
    ASSERT_EQ(r.conversations.size(), 2u);  // Ada only had the outbound step
    EXPECT_EQ(r.conversations[0].displayName, "Finn Grey");
    EXPECT_EQ(r.conversations[0].inbound, 2);
    EXPECT_EQ(r.conversations[0].stage, Stage::Follower);
    EXPECT_EQ(r.conversations[0].last, *parseInstant("2026-11-24T15:00:00Z"));
    EXPECT_EQ(r.conversations[1].displayName, "Ben Okri");
    EXPECT_EQ(r.conversations[1].inbound, 1);

    ASSERT_EQ(r.followUpsDone.size(), 1u);
    EXPECT_EQ(r.followUpsDone[0].displayName, "Ada Lovelace");
    EXPECT_EQ(r.followUpsDone[0].on, ymd(2026, 11, 24));
    EXPECT_EQ(r.followUpsDone[0].kind, InteractionKind::Comment);

    ASSERT_EQ(r.followUpsMissed.size(), 2u);
    EXPECT_EQ(r.followUpsMissed[0].displayName, "Ben Okri");
    EXPECT_EQ(r.followUpsMissed[0].due, ymd(2026, 11, 23));
    EXPECT_EQ(r.followUpsMissed[0].reason, "reply owed: their comment");
    EXPECT_EQ(r.followUpsMissed[1].displayName, "Finn Grey");
}

TEST_F(WeeklyReviewTest, SequenceProgress) {
    const auto r = review("2026-W48");
    ASSERT_EQ(r.sequences.size(), 1u);
    EXPECT_EQ(r.sequences[0].funnel.sequenceName, "Reader to client");
    EXPECT_EQ(r.sequences[0].enrolled, 1);
    EXPECT_EQ(r.sequences[0].stepsDone, 1);
    EXPECT_EQ(r.sequences[0].stepsSkipped, 0);
    EXPECT_EQ(r.sequences[0].funnel.phase1Done, 1);
    // The previous week: nothing happened in the sequence.
    const auto before = review("2026-W47");
    EXPECT_EQ(before.sequences[0].enrolled, 0);
    EXPECT_EQ(before.sequences[0].stepsDone, 0);
}

TEST_F(WeeklyReviewTest, APastWeek) {
    const auto r = review("2026-W47");
    EXPECT_EQ(r.asOf, ymd(2026, 11, 22));
    ASSERT_EQ(r.posts.size(), 1u);
    EXPECT_EQ(r.posts[0].post.title, "Keyword basics");
    EXPECT_EQ(r.posts[0].conversations, 2);
    EXPECT_EQ(r.inbound, 1);
    ASSERT_EQ(r.conversations.size(), 1u);
    EXPECT_EQ(r.conversations[0].displayName, "Ada Lovelace");
    EXPECT_TRUE(r.followUpsDone.empty());
    // On Monday 11-23 nobody was overdue yet: Ben's reply was due that day.
    EXPECT_TRUE(r.followUpsMissed.empty());
    // Goals as they stood on its Sunday: 21 of 60 days of the relationships goal.
    EXPECT_DOUBLE_EQ(r.goals[1].report.elapsed, 21.0 / 60.0);
}

TEST_F(WeeklyReviewTest, APastWeeksGoalsStandAsOfItsEnd) {
    // W46 (11-09..11-15): of the conversations goal's inbound interactions only Ben's reply of
    // 11-10 came by its Sunday; the four of 11-20..11-24 came later. Ada turned relationship on
    // 11-18 and Cleo customer on 11-20, so no relationship yet.
    const auto w46 = review("2026-W46");
    ASSERT_EQ(w46.goals.size(), 2u);
    EXPECT_EQ(w46.goals[0].goal.title, "Start conversations");
    EXPECT_DOUBLE_EQ(w46.goals[0].report.current, 1);
    EXPECT_EQ(w46.goals[1].goal.title, "Grow real relationships");
    EXPECT_DOUBLE_EQ(w46.goals[1].report.current, 0);
    // W47 ends on 11-22: Ben 11-10 and Ada 11-20; both relationships stood by then.
    const auto w47 = review("2026-W47");
    EXPECT_DOUBLE_EQ(w47.goals[0].report.current, 2);
    EXPECT_DOUBLE_EQ(w47.goals[1].report.current, 2);
    // The running week stands as of today, as the goal page says.
    GoalProgress progress{*store, clock};
    const auto now = review("2026-W48");
    EXPECT_DOUBLE_EQ(now.goals[0].report.current,
                     progress.currentValue(*store->find<Goal>(ids.conversationsGoal)));
    EXPECT_DOUBLE_EQ(now.goals[0].report.current, 5);
}

TEST_F(WeeklyReviewTest, AFutureWeekHasNoMissedFollowUps) {
    const auto r = review("2026-W50");
    EXPECT_TRUE(r.followUpsMissed.empty());
    EXPECT_TRUE(r.posts.empty());
    EXPECT_EQ(r.inbound, 0);
}

TEST_F(WeeklyReviewTest, ChartsCoverTwelveWeeksEndingWithTheWeek) {
    const auto r = review("2026-W47");
    EXPECT_EQ(r.relationships.to, ymd(2026, 11, 22));
    ASSERT_EQ(r.relationships.inbound.size(), 12u);
    EXPECT_EQ(r.relationships.inbound.back().count, 1);
    EXPECT_EQ(r.relationships.stages.back().byStage[static_cast<int>(Stage::Customer)], 1);
}

}  // namespace
