// Stage suggestions (DOMAIN.md, Stages): never a silent change, a move forward with its reason.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/stagesuggester.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::HasSubstr;

namespace {

struct SuggestionCase {
    const char* name;
    Stage stage;
    StageEvidence evidence;
    std::optional<Stage> to;
    std::optional<StageRule> rule;
};

class StageRules : public testing::TestWithParam<SuggestionCase> {};

TEST_P(StageRules, Suggest) {
    const auto& c = GetParam();
    const auto s = StageSuggester::suggest(c.stage, c.evidence);
    ASSERT_EQ(s.has_value(), c.to.has_value());
    if (s) {
        EXPECT_EQ(s->from, c.stage);
        EXPECT_EQ(s->to, *c.to);
        EXPECT_EQ(s->rule, *c.rule);
        EXPECT_FALSE(s->reason.empty());
    }
}

const Date kD = ymd(2026, 11, 20);

INSTANTIATE_TEST_SUITE_P(
    Domain, StageRules,
    testing::Values(
        SuggestionCase{"LookerWithNothing", Stage::Looker, {}, std::nullopt, std::nullopt},
        SuggestionCase{"LookerWithOneInbound",
                       Stage::Looker,
                       {1, 1, kD},
                       Stage::Engaged,
                       StageRule::FirstInbound},
        SuggestionCase{"FollowerWithAnOldInbound",
                       Stage::Follower,
                       {1, 0, kD},
                       Stage::Engaged,
                       StageRule::FirstInbound},
        SuggestionCase{
            "EngagedWithTwoRecent", Stage::Engaged, {5, 2, kD}, std::nullopt, std::nullopt},
        SuggestionCase{"EngagedWithThreeRecent",
                       Stage::Engaged,
                       {3, 3, kD},
                       Stage::Relationship,
                       StageRule::RecentInbound},
        SuggestionCase{"LookerWithThreeRecentIsFirstEngaged",
                       Stage::Looker,
                       {3, 3, kD},
                       Stage::Engaged,
                       StageRule::FirstInbound},
        SuggestionCase{"RelationshipWithManyInboundStays",
                       Stage::Relationship,
                       {9, 9, kD},
                       std::nullopt,
                       std::nullopt},
        SuggestionCase{"AnyPurchaseSuggestsCustomer",
                       Stage::Looker,
                       {0, 0, {}, kD},
                       Stage::Customer,
                       StageRule::Purchase},
        SuggestionCase{
            "ACustomerIsNotToldAgain", Stage::Customer, {0, 0, {}, kD}, std::nullopt, std::nullopt},
        SuggestionCase{"AnyReferralSuggestsAdvocate",
                       Stage::Engaged,
                       {1, 1, kD, kD, kD},
                       Stage::Advocate,
                       StageRule::Referral},
        SuggestionCase{
            "NeverBackwards", Stage::Advocate, {1, 1, kD, kD, kD}, std::nullopt, std::nullopt}),
    [](const auto& p) { return std::string{p.param.name}; });

TEST(StageSuggester, CountsTheLast90DaysInTheWorkspaceZone) {
    auto store = Store::openInMemory();
    store->setInfo({"T", "Asia/Tokyo"});
    Contact c;
    c.displayName = "Kenji";
    c.stage = Stage::Engaged;
    c.createdOn = ymd(2026, 1, 1);
    store->add(c);
    const Date today = ymd(2026, 11, 23);
    const auto inbound = [&](Date on, int hour, InteractionKind kind = InteractionKind::Reply) {
        Interaction x;
        x.contactId = c.id;
        x.at = toInstant(on, TimeOfDay{hour * 60}, "Asia/Tokyo");
        x.direction = Direction::Inbound;
        x.kind = kind;
        store->add(x);
    };
    inbound(addDays(today, -90), 23);  // the 91st day back: outside
    inbound(addDays(today, -89), 0);   // the 90th day back, at its first hour: inside
    inbound(addDays(today, -10), 12);
    FixedClock clock{toInstant(today, TimeOfDay{8 * 60}, "Asia/Tokyo")};
    StageSuggester suggester{*store, clock};
    auto e = suggester.evidenceOf(c.id, today);
    EXPECT_EQ(e.inbound, 3);
    EXPECT_EQ(e.inboundRecent, 2);
    EXPECT_EQ(e.lastInbound, addDays(today, -10));
    EXPECT_FALSE(suggester.suggest(c.id));
    inbound(today, 7);
    const auto s = suggester.suggest(c.id);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->to, Stage::Relationship);
    EXPECT_EQ(s->reason, "3 inbound interactions in the last 90 days");
    inbound(addDays(today, -200), 9, InteractionKind::Purchase);
    const auto bought = suggester.suggest(c.id);
    ASSERT_TRUE(bought);
    EXPECT_EQ(bought->to, Stage::Customer);
    EXPECT_THAT(bought->reason, HasSubstr("bought from you (2026-05-07)"));
    // Suggesting never writes.
    EXPECT_EQ(store->get<Contact>(c.id).stage, Stage::Engaged);
}

}  // namespace
