// "Relationships, not numbers" over a fixed workspace and a fake clock (reviewfixture.h):
// contacts by stage at the end of each week, inbound conversations per week, the posts that
// started the most conversations and each sequence's funnel; and the stage history the schema
// keeps (schema v5).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/relationshipstats.h"
#include "core/store.h"
#include "core/storeclock.h"
#include "core/timeutil.h"
#include "reviewfixture.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;

namespace {

class RelationshipStatsTest : public testing::Test {
protected:
    std::unique_ptr<Store> store = Store::openInMemory();
    FixedClock clock{rapport::test::reviewNow()};
    rapport::test::ReviewIds ids = rapport::test::buildReviewWorkspace(*store, clock);

    std::array<int, 6> counts(int looker, int follower, int engaged, int relationship, int customer,
                              int advocate) {
        return {looker, follower, engaged, relationship, customer, advocate};
    }
};

TEST(WeekStart, IsTheMondayOfTheIsoWeek) {
    EXPECT_EQ(weekStartOf(ymd(2026, 11, 25)), ymd(2026, 11, 23));
    EXPECT_EQ(weekStartOf(ymd(2026, 11, 23)), ymd(2026, 11, 23));
    EXPECT_EQ(weekStartOf(ymd(2026, 11, 29)), ymd(2026, 11, 23));
    EXPECT_EQ(weekStartOf(ymd(2027, 1, 1)), ymd(2026, 12, 28));
}

TEST_F(RelationshipStatsTest, StagesAtTheEndOfEachWeek) {
    const auto f = RelationshipStats{*store, clock}.compute(std::nullopt, 4);
    EXPECT_EQ(f.from, ymd(2026, 11, 2));
    EXPECT_EQ(f.to, ymd(2026, 11, 29));
    ASSERT_EQ(f.stages.size(), 4u);
    EXPECT_EQ(f.stages[0].weekStart, ymd(2026, 11, 2));
    // Sunday 11-08: Ada engaged since 11-05, Cleo engaged since 11-01; Eve not there yet.
    EXPECT_EQ(f.stages[0].byStage, counts(1, 1, 3, 0, 0, 0));
    EXPECT_EQ(f.stages[0].total(), 5);
    // Sunday 11-15: Eve, created 11-14, engaged.
    EXPECT_EQ(f.stages[1].byStage, counts(1, 1, 4, 0, 0, 0));
    // Sunday 11-22: Ada relationship (11-18), Cleo customer (11-20).
    EXPECT_EQ(f.stages[2].byStage, counts(1, 1, 2, 1, 1, 0));
    EXPECT_EQ(f.stages[3].byStage, counts(1, 1, 2, 1, 1, 0));
    EXPECT_EQ(f.stages[3].total(), 6);
}

TEST_F(RelationshipStatsTest, WeeksBeforeAnyContactAreEmpty) {
    const auto points = RelationshipStats{*store, clock}.stagesOverTime(ymd(2026, 9, 7), 3);
    ASSERT_EQ(points.size(), 3u);
    for (const auto& p : points) {
        EXPECT_EQ(p.total(), 0);
    }
    // Sunday 10-04: the four contacts created 10-01 (Cleo and Eve came later).
    const auto later = RelationshipStats{*store, clock}.stagesOverTime(ymd(2026, 9, 28), 1);
    EXPECT_EQ(later[0].byStage, counts(2, 1, 1, 0, 0, 0));  // Ada and Dan lookers
}

TEST_F(RelationshipStatsTest, InboundPerWeekInLocalDays) {
    const auto f = RelationshipStats{*store, clock}.compute(std::nullopt, 4);
    ASSERT_EQ(f.inbound.size(), 4u);
    EXPECT_EQ(f.inbound[0].weekStart, ymd(2026, 11, 2));
    EXPECT_EQ(f.inbound[0].count, 0);
    EXPECT_EQ(f.inbound[1].count, 1);  // Ben 11-10
    EXPECT_EQ(f.inbound[2].count, 1);  // Ada 11-20
    EXPECT_EQ(f.inbound[3].count, 3);  // Ben and Finn 11-23, Finn 11-24; Ada's step is outbound
}

TEST_F(RelationshipStatsTest, InboundLateSundayInBerlinBelongsToThatWeek) {
    const auto add = [&](const char* at) {
        Interaction i;
        i.contactId = ids.dan;
        i.at = *parseInstant(at);
        i.direction = Direction::Inbound;
        store->add(i);
    };
    add("2026-11-22T22:30:00Z");  // Sunday 23:30 in Berlin (UTC+1)
    add("2026-11-22T22:59:59Z");  // Sunday 23:59:59
    add("2026-11-22T23:00:00Z");  // Monday 00:00
    const auto weeks = RelationshipStats{*store, clock}.inboundPerWeek(ymd(2026, 11, 16), 2);
    EXPECT_EQ(weeks[0].count, 3);  // Ada 11-20 and the two on Sunday night
    EXPECT_EQ(weeks[1].count, 4);
}

TEST_F(RelationshipStatsTest, TopPostsByConversationsStarted) {
    const auto f = RelationshipStats{*store, clock}.compute();
    ASSERT_EQ(f.topPosts.size(), 2u);
    EXPECT_EQ(f.topPosts[0].title, "How I pick keywords");
    EXPECT_EQ(f.topPosts[0].channelName, "X");
    EXPECT_EQ(f.topPosts[0].interactions, 3);
    EXPECT_EQ(f.topPosts[0].contacts, 2);
    EXPECT_EQ(f.topPosts[1].title, "Keyword basics");
    EXPECT_EQ(f.topPosts[1].interactions, 2);
    EXPECT_EQ(f.topPosts[1].contacts, 2);
    EXPECT_EQ(RelationshipStats(*store, clock).topPosts(1).size(), 1u);
}

TEST_F(RelationshipStatsTest, FunnelPerSequence) {
    const auto f = RelationshipStats{*store, clock}.compute();
    ASSERT_EQ(f.funnels.size(), 1u);
    EXPECT_EQ(f.funnels[0].sequenceName, "Reader to client");
    EXPECT_EQ(f.funnels[0].enrolled, 1);
    EXPECT_EQ(f.funnels[0].phase1Done, 1);
    EXPECT_EQ(f.funnels[0].qualified, 1);  // Ada qualifies by her stage
    EXPECT_EQ(f.funnels[0].converted, 0);
}

TEST_F(RelationshipStatsTest, DefaultIsTwelveWeeksEndingThisWeek) {
    const auto f = RelationshipStats{*store, clock}.compute();
    EXPECT_EQ(f.stages.size(), 12u);
    EXPECT_EQ(f.inbound.size(), 12u);
    EXPECT_EQ(f.to, ymd(2026, 11, 29));
    EXPECT_EQ(f.from, ymd(2026, 9, 7));
    EXPECT_THROW(RelationshipStats(*store, clock).compute(std::nullopt, 0), ValidationError);
}

TEST_F(RelationshipStatsTest, JsonCarriesTheFigures) {
    const auto j = toJson(RelationshipStats{*store, clock}.compute(std::nullopt, 4));
    EXPECT_EQ(j["from"], "2026-11-02");
    EXPECT_EQ(j["stagesOverTime"][2]["stages"]["customer"], 1);
    EXPECT_EQ(j["inboundPerWeek"][3]["count"], 3);
    EXPECT_EQ(j["topPosts"][0]["interactions"], 3);
    EXPECT_EQ(j["funnels"][0]["phase1Done"], 1);
}

// ---- the stage history of schema v5 ---------------------------------------------------------

int historyRows(Store& store, Id contact) {
    auto s = store.db().prepare("SELECT count(*) FROM stage_changes WHERE contact_id = ?1");
    s.bind(1, contact);
    return s.step() ? s.int32(0) : -1;
}

TEST(StageHistory, AnAddedContactCountsFromItsCreatedDateWithoutEntries) {
    auto store = Store::openInMemory();
    FixedClock clock{*parseInstant("2026-03-20T10:00:00Z")};
    auto c = rapport::test::sampleContact();
    c.createdOn = ymd(2026, 3, 4);  // a Wednesday
    store->add(c);
    EXPECT_EQ(historyRows(*store, c.id), 0);  // an import writes nothing here
    const auto points = RelationshipStats{*store, clock}.stagesOverTime(ymd(2026, 2, 23), 3);
    EXPECT_EQ(points[0].total(), 0);
    EXPECT_EQ(points[1].byStage[static_cast<int>(Stage::Engaged)], 1);  // from Sunday 03-08
    EXPECT_EQ(points[2].byStage[static_cast<int>(Stage::Engaged)], 1);
}

TEST(StageHistory, AChangeOfStageAddsAPointAndOtherEditsDoNot) {
    auto store = Store::openInMemory();
    auto c = rapport::test::sampleContact();
    c.createdOn = ymd(2026, 1, 5);
    store->add(c);
    c.notes = "met at a fair";
    store->update(c);
    EXPECT_EQ(historyRows(*store, c.id), 0);
    c.stage = Stage::Relationship;
    store->update(c);
    // The stage before, from the created date; the new one, from today.
    EXPECT_EQ(historyRows(*store, c.id), 2);
    {
        auto s = store->db().prepare(
            "SELECT changed_on, stage FROM stage_changes WHERE contact_id = ?1 ORDER BY "
            "changed_on LIMIT 1");
        s.bind(1, c.id);
        ASSERT_TRUE(s.step());
        EXPECT_EQ(s.text(0), "2026-01-05");
        EXPECT_EQ(s.text(1), "engaged");
    }
    auto s = store->db().prepare(
        "SELECT stage FROM stage_changes WHERE contact_id = ?1 ORDER BY changed_on DESC "
        "LIMIT 1");
    s.bind(1, c.id);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "relationship");
}

std::string lastChangeDay(Store& store, Id contact) {
    auto s = store.db().prepare(
        "SELECT changed_on FROM stage_changes WHERE contact_id = ?1 ORDER BY changed_on DESC "
        "LIMIT 1");
    s.bind(1, contact);
    return s.step() ? s.text(0) : std::string{};
}

TEST(StageHistory, AChangeIsDatedByTheInjectedClockInTheWorkspaceZone) {
    auto store = Store::openInMemory();
    store->setInfo({"LA", "America/Los_Angeles"});
    // 04:30 UTC on Sunday 03-08 is still Saturday evening 03-07 in Los Angeles.
    FixedClock clock{*parseInstant("2026-03-08T04:30:00Z")};
    useClock(*store, clock);
    auto c = rapport::test::sampleContact();
    store->add(c);
    c.stage = Stage::Relationship;
    store->update(c);
    EXPECT_EQ(lastChangeDay(*store, c.id), "2026-03-07");
    // The clock moves on; the next change is dated by it, not by the machine.
    clock.set(*parseInstant("2026-03-09T08:00:00Z"));
    c.stage = Stage::Customer;
    store->update(c);
    EXPECT_EQ(lastChangeDay(*store, c.id), "2026-03-09");
    // A change of the workspace's zone is seen at once: 03-09 20:00 UTC is 03-10 in Tokyo.
    store->setInfo({"Tokyo", "Asia/Tokyo"});
    clock.set(*parseInstant("2026-03-09T20:00:00Z"));
    c.stage = Stage::Advocate;
    store->update(c);
    EXPECT_EQ(lastChangeDay(*store, c.id), "2026-03-10");
}

TEST(StageHistory, AnOwnedClockLivesWithTheConnection) {
    auto store = Store::openInMemory();
    useClock(*store, std::make_shared<FixedClock>(*parseInstant("2026-05-01T12:00:00Z")));
    auto c = rapport::test::sampleContact();
    store->add(c);
    c.stage = Stage::Follower;
    store->update(c);
    EXPECT_EQ(lastChangeDay(*store, c.id), "2026-05-01");
}

TEST(StageHistory, RemovingAContactRemovesItsHistory) {
    auto store = Store::openInMemory();
    auto c = rapport::test::sampleContact();
    store->add(c);
    recordStageChange(*store, c.id, Stage::Customer, ymd(2026, 2, 1));
    EXPECT_EQ(historyRows(*store, c.id), 2);
    store->remove<Contact>(c.id);
    EXPECT_EQ(historyRows(*store, c.id), 0);
    EXPECT_THROW(recordStageChange(*store, c.id, Stage::Customer, ymd(2026, 2, 1)),
                 ValidationError);
}

}  // namespace
