// Goal progress, on-track and forecast for every metric kind (DOMAIN.md, Goals).

#include "core/goalprogress.h"

#include <gtest/gtest.h>

#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;

namespace {

Goal goal(MetricKind metric, double baseline, double target, Date start, Date deadline) {
    Goal g;
    g.title = "Goal";
    g.metric = metric;
    g.baseline = baseline;
    g.target = target;
    g.startDate = start;
    g.deadline = deadline;
    return g;
}

}  // namespace

TEST(GoalProgressAssess, TableOfPeriodsAndValues) {
    // A 100-day period: 2026-01-01 .. 2026-04-11.
    const Date start = ymd(2026, 1, 1);
    const Date end = ymd(2026, 4, 11);
    struct Case {
        const char* what;
        double baseline, target, current;
        Date today;
        double progress, elapsed;
        bool onTrack, started, ended;
        std::optional<double> forecast;
    };
    const Case cases[] = {
        {"halfway, half done", 0, 20, 10, ymd(2026, 2, 20), 0.5, 0.5, true, true, false, 20.0},
        {"halfway, a quarter done", 0, 20, 5, ymd(2026, 2, 20), 0.25, 0.5, false, true, false,
         10.0},
        {"baseline above target, falling as wanted", 50, 10, 30, ymd(2026, 2, 20), 0.5, 0.5, true,
         true, false, 10.0},
        {"baseline above target, going the wrong way", 50, 10, 60, ymd(2026, 2, 20), 0.0, 0.5,
         false, true, false, 70.0},
        {"past the target clamps to 1", 0, 20, 35, ymd(2026, 2, 20), 1.0, 0.5, true, true, false,
         70.0},
        {"period not started", 0, 20, 0, ymd(2025, 12, 1), 0.0, 0.0, true, false, false,
         std::nullopt},
        {"first day", 0, 20, 0, start, 0.0, 0.0, true, true, false, 0.0},
        {"ended, reached", 0, 20, 21, ymd(2026, 5, 1), 1.0, 1.0, true, true, true, 21.0},
        {"ended, missed", 0, 20, 12, ymd(2026, 5, 1), 0.6, 1.0, false, true, true, 12.0},
        {"deadline day", 0, 20, 19, end, 0.95, 1.0, false, true, false, 19.0},
    };
    for (const auto& c : cases) {
        const auto r = GoalProgress::assess(
            goal(MetricKind::Relationships, c.baseline, c.target, start, end), c.current, c.today);
        EXPECT_NEAR(r.progress, c.progress, 1e-9) << c.what;
        EXPECT_NEAR(r.elapsed, c.elapsed, 1e-9) << c.what;
        EXPECT_EQ(r.onTrack, c.onTrack) << c.what;
        EXPECT_EQ(r.started, c.started) << c.what;
        EXPECT_EQ(r.ended, c.ended) << c.what;
        ASSERT_EQ(r.forecast.has_value(), c.forecast.has_value()) << c.what;
        if (c.forecast) {
            EXPECT_NEAR(*r.forecast, *c.forecast, 1e-9) << c.what;
        }
    }
}

class GoalProgressStore : public testing::Test {
protected:
    void SetUp() override {
        store->setInfo({"t", "America/New_York"});
        Niche seo{0, "SEO readers", "SEO"};
        store->add(seo);
        nicheId = seo.id;
        Niche empty{0, "Podcasters", "Audio"};
        store->add(empty);
        emptyNiche = empty.id;
        auto x = rapport::test::sampleChannel();
        store->add(x);
        channelId = x.id;
    }

    Id contact(Stage stage, std::optional<Id> niche) {
        auto c = rapport::test::sampleContact("C" + std::to_string(++n));
        c.stage = stage;
        c.nicheId = niche;
        return store->add(c);
    }
    void interaction(Id who, const char* at, InteractionKind kind, Direction dir) {
        Interaction i;
        i.contactId = who;
        i.at = *parseInstant(at);
        i.kind = kind;
        i.direction = dir;
        store->add(i);
    }

    std::unique_ptr<Store> store = Store::openInMemory();
    FixedClock clock{*parseInstant("2026-02-15T12:00:00Z")};
    Id nicheId = 0;
    Id emptyNiche = 0;
    Id channelId = 0;
    int n = 0;
};

TEST_F(GoalProgressStore, EveryMetricKindCountsFromTheWorkspace) {
    const Id a = contact(Stage::Relationship, nicheId);
    const Id b = contact(Stage::Customer, nicheId);
    contact(Stage::Engaged, nicheId);
    const Id d = contact(Stage::Advocate, std::nullopt);
    // Conversations: inbound only, inside the period (whole local days, New York time).
    interaction(a, "2026-01-01T05:00:00Z", InteractionKind::Comment,
                Direction::Inbound);  // 00:00 local
    interaction(a, "2026-01-01T04:59:59Z", InteractionKind::Comment, Direction::Inbound);  // before
    interaction(a, "2026-01-10T12:00:00Z", InteractionKind::Reply, Direction::Outbound);
    interaction(b, "2026-03-01T04:59:00Z", InteractionKind::Email,
                Direction::Inbound);  // Feb 28 local
    interaction(d, "2026-01-20T12:00:00Z", InteractionKind::Mention, Direction::Inbound);
    // Conversions: distinct contacts with a purchase in the period.
    interaction(a, "2026-01-15T12:00:00Z", InteractionKind::Purchase, Direction::Inbound);
    interaction(a, "2026-01-16T12:00:00Z", InteractionKind::Purchase, Direction::Inbound);
    interaction(d, "2026-01-17T12:00:00Z", InteractionKind::Purchase, Direction::Inbound);
    // Engagement: comments + replies + shares of published posts in the period.
    const auto post = [&](PostStatus status, const char* at, PostResults results,
                          std::optional<Id> niche) {
        Post p;
        p.title = "P";
        p.channelId = channelId;
        p.status = status;
        p.scheduledAt = *parseInstant(at);
        p.results = results;
        p.nicheId = niche;
        store->add(p);
    };
    post(PostStatus::Published, "2026-01-05T14:00:00Z", {3, 2, 1, 99, 9}, nicheId);
    post(PostStatus::Published, "2026-01-06T14:00:00Z", {10, 0, 0, 0, 0}, std::nullopt);
    post(PostStatus::Scheduled, "2026-02-20T14:00:00Z", {50, 0, 0, 0, 0}, nicheId);
    post(PostStatus::Published, "2025-12-20T14:00:00Z", {40, 0, 0, 0, 0}, nicheId);

    const Date start = ymd(2026, 1, 1);
    const Date end = ymd(2026, 2, 28);
    GoalProgress progress{*store, clock};
    struct Case {
        MetricKind metric;
        std::optional<Id> niche;
        double expected;
    };
    const Case cases[] = {
        {MetricKind::Relationships, std::nullopt, 3},  // a, b, d
        {MetricKind::Relationships, nicheId, 2},      {MetricKind::Relationships, emptyNiche, 0},
        {MetricKind::Conversations, std::nullopt, 6},  // every inbound touch in the period
        {MetricKind::Conversations, nicheId, 4},      {MetricKind::Conversations, emptyNiche, 0},
        {MetricKind::Conversions, std::nullopt, 2},   {MetricKind::Conversions, nicheId, 1},
        {MetricKind::Engagement, std::nullopt, 16},   {MetricKind::Engagement, nicheId, 6},
        {MetricKind::Engagement, emptyNiche, 0},
    };
    for (const auto& c : cases) {
        auto g = goal(c.metric, 0, 100, start, end);
        g.nicheId = c.niche;
        EXPECT_EQ(progress.currentValue(g), c.expected)
            << toString(c.metric) << " niche " << c.niche.value_or(0);
    }
}

TEST_F(GoalProgressStore, HandEnteredMetricsAndTheVanityNote) {
    GoalProgress progress{*store, clock};
    auto g = goal(MetricKind::AudienceSize, 3200, 5000, ymd(2026, 1, 1), ymd(2026, 3, 31));
    EXPECT_EQ(progress.currentValue(g), 3200);  // nothing entered: the baseline
    g.manualValue = 3650;
    const auto r = progress.report(g);
    EXPECT_EQ(r.current, 3650);
    EXPECT_TRUE(r.vanity);
    EXPECT_TRUE(r.manual);
    EXPECT_NEAR(r.progress, 0.25, 1e-9);
    EXPECT_EQ(GoalProgress::suggestedReplacement(MetricKind::AudienceSize),
              MetricKind::Relationships);
    EXPECT_NE(GoalProgress::vanityNote().find("not a relationship"), std::string::npos);

    auto custom = goal(MetricKind::Custom, 0, 10, ymd(2026, 1, 1), ymd(2026, 3, 31));
    custom.manualValue = 4;
    EXPECT_FALSE(progress.report(custom).vanity);
    EXPECT_EQ(progress.report(custom).current, 4);
}

TEST_F(GoalProgressStore, TodayIsTakenInTheWorkspaceZone) {
    // 2026-03-01T03:00Z is still Feb 28 in New York: the deadline day, not past it.
    FixedClock late{*parseInstant("2026-03-01T03:00:00Z")};
    GoalProgress progress{*store, late};
    const auto g = goal(MetricKind::Custom, 0, 10, ymd(2026, 1, 1), ymd(2026, 2, 28));
    EXPECT_FALSE(progress.report(g).ended);
    store->setInfo({"t", "Europe/Berlin"});
    EXPECT_TRUE(progress.report(g).ended);
}
