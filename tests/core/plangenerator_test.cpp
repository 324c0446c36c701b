// The campaign plan generator: for several presets and cadences, every plan obeys the mix
// rules and the daily caps, and lands on preferred local times across daylight saving.

#include "core/plangenerator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "core/contentmix.h"
#include "core/errors.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;

namespace {

Channel channel(Id id, const char* name, std::optional<int> cap, std::vector<int> minutes) {
    Channel c;
    c.id = id;
    c.name = name;
    c.kind = ChannelKind::LinkedIn;
    c.dailyCap = cap;
    for (int m : minutes) {
        c.preferredTimes.push_back(TimeOfDay{m});
    }
    return c;
}

PlanRequest request(MixPreset preset, std::vector<ChannelCadence> cadence, const char* zone) {
    PlanRequest r;
    r.from = ymd(2026, 3, 1);  // spans the spring change in Berlin (03-29) and New York (03-08)
    r.to = ymd(2026, 4, 30);
    r.timeZone = zone;
    r.channels = {channel(1, "X", 3, {8 * 60 + 30, 12 * 60 + 15, 17 * 60}),
                  channel(2, "LinkedIn", 1, {9 * 60}), channel(3, "Blog", std::nullopt, {})};
    r.cadence = std::move(cadence);
    r.nicheIds = {10, 11};
    r.nicheNames = {"SEO readers", "Agencies"};
    r.mix = MixPolicy::fromPreset(preset);
    r.campaignName = "Book launch";
    return r;
}

// Every rule the plan must keep, checked independently of how the generator works.
void expectPlanKeepsTheRules(const PlanRequest& req, const std::vector<Post>& plan) {
    std::vector<MixItem> items;
    for (const auto& p : plan) {
        ASSERT_TRUE(p.scheduledAt);
        items.push_back({p.nicheId, p.purpose, *p.scheduledAt});
        EXPECT_EQ(p.status, PostStatus::Idea);
    }
    EXPECT_THAT(checkMix(items, req.mix), testing::IsEmpty());

    std::map<std::pair<Id, Date>, int> perDay;
    for (const auto& p : plan) {
        const auto day = localDate(*p.scheduledAt, req.timeZone);
        EXPECT_GE(daysBetween(req.from, day), 0);
        EXPECT_GE(daysBetween(day, req.to), 0);
        ++perDay[{p.channelId, day}];
        const auto& ch = *std::find_if(req.channels.begin(), req.channels.end(),
                                       [&](const Channel& c) { return c.id == p.channelId; });
        const auto time = localTimeOfDay(*p.scheduledAt, req.timeZone);
        if (ch.preferredTimes.empty()) {
            EXPECT_EQ(time, TimeOfDay{9 * 60});
        } else {
            EXPECT_THAT(ch.preferredTimes, testing::Contains(time))
                << formatInstant(*p.scheduledAt);
        }
    }
    for (const auto& [key, n] : perDay) {
        const auto& ch = *std::find_if(req.channels.begin(), req.channels.end(),
                                       [&](const Channel& c) { return c.id == key.first; });
        EXPECT_LE(n, dailyCapacity(ch)) << ch.name << " on " << formatDate(key.second);
    }
}

}  // namespace

TEST(PlanGenerator, EveryPresetAndCadenceKeepsMixAndCaps) {
    const MixPreset presets[] = {MixPreset::EightyTwenty, MixPreset::FourOneOne,
                                 MixPreset::FiveThreeTwo};
    const std::vector<std::vector<ChannelCadence>> cadences = {
        {{1, 5}},
        {{1, 21}, {2, 7}},  // both at their caps every day
        {{1, 10}, {2, 3}, {3, 1}},
    };
    for (const char* zone : {"Europe/Berlin", "America/New_York"}) {
        for (const auto preset : presets) {
            for (const auto& cadence : cadences) {
                const auto req = request(preset, cadence, zone);
                const auto plan = generatePlan(req);
                SCOPED_TRACE(std::string{zone} + " " + std::string{toString(preset)});
                int wanted = 0;
                for (const auto& c : cadence) {
                    wanted += std::max(1, (c.postsPerWeek * 61 + 3) / 7);
                }
                EXPECT_EQ(static_cast<int>(plan.size()), wanted);
                expectPlanKeepsTheRules(req, plan);
                const auto promos = std::count_if(plan.begin(), plan.end(), [](const Post& p) {
                    return isPromotional(p.purpose);
                });
                EXPECT_GT(promos, 0) << "a launch plan should get to sell";
            }
        }
    }
}

TEST(PlanGenerator, EarnsFirstThenSellsAtTheRatio) {
    auto req = request(MixPreset::EightyTwenty, {{2, 7}}, "Europe/Berlin");
    req.nicheIds = {10};
    const auto plan = generatePlan(req);
    ASSERT_GE(plan.size(), 12u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_FALSE(isPromotional(plan[i].purpose)) << i;
    }
    EXPECT_TRUE(isPromotional(plan[5].purpose));
    EXPECT_FALSE(isPromotional(plan[6].purpose));
    EXPECT_THAT(plan[5].title, testing::HasSubstr("Book launch"));
}

TEST(PlanGenerator, ExistingPostsFillCapsAndCountTowardTheMix) {
    auto req = request(MixPreset::EightyTwenty, {{2, 7}}, "Europe/Berlin");
    req.nicheIds = {10};
    req.from = ymd(2026, 3, 2);
    req.to = ymd(2026, 3, 15);
    // LinkedIn (cap 1) is already used on the first three days, by value posts in the niche.
    for (int d = 0; d < 3; ++d) {
        Post p;
        p.channelId = 2;
        p.status = PostStatus::Scheduled;
        p.purpose = Purpose::Value;
        p.nicheId = 10;
        p.scheduledAt = toInstant(addDays(req.from, d), TimeOfDay{9 * 60}, req.timeZone);
        req.existing.push_back(p);
    }
    EXPECT_THROW(generatePlan(req), ValidationError);  // 14 wanted, 11 days free
    req.cadence = {{2, 5}};
    const auto plan = generatePlan(req);
    ASSERT_EQ(plan.size(), 10u);
    for (const auto& p : plan) {
        EXPECT_GE(daysBetween(addDays(req.from, 3), localDate(*p.scheduledAt, req.timeZone)), 0);
    }
    // Three value posts were already earned: the third planned post may already sell.
    EXPECT_TRUE(isPromotional(plan[2].purpose));
}

TEST(PlanGenerator, BadRequestsNameTheField) {
    const auto field = [](PlanRequest req) -> std::string {
        try {
            generatePlan(req);
        } catch (const ValidationError& e) {
            return e.field();
        }
        return "";
    };
    auto zero = request(MixPreset::EightyTwenty, {{1, 0}}, "UTC");
    EXPECT_EQ(field(zero), "cadence[0].postsPerWeek");
    auto tooMany = request(MixPreset::EightyTwenty, {{1, 5}, {2, 8}}, "UTC");  // cap 1 a day
    EXPECT_EQ(field(tooMany), "cadence[1].postsPerWeek");
    auto reversed = request(MixPreset::EightyTwenty, {{1, 5}}, "UTC");
    std::swap(reversed.from, reversed.to);
    EXPECT_EQ(field(reversed), "endDate");
    auto unknown = request(MixPreset::EightyTwenty, {{9, 5}}, "UTC");
    EXPECT_EQ(field(unknown), "cadence[0].channel");
    auto none = request(MixPreset::EightyTwenty, {}, "UTC");
    EXPECT_EQ(field(none), "cadence");
}

TEST(PlanGenerator, NoPromotionWhenThePolicyAllowsNone) {
    auto req = request(MixPreset::Custom, {{1, 14}}, "UTC");
    req.mix = {MixPreset::Custom, 5, 10, 0};
    for (const auto& p : generatePlan(req)) {
        EXPECT_FALSE(isPromotional(p.purpose));
    }
}

TEST(PlanGenerator, OffersAreSpreadOverTheChannels) {
    auto req = request(MixPreset::EightyTwenty, {{1, 7}, {2, 7}, {3, 7}}, "America/New_York");
    req.nicheIds = {10};
    std::map<Id, int> promos;
    for (const auto& p : generatePlan(req)) {
        promos[p.channelId] += isPromotional(p.purpose) ? 1 : 0;
    }
    ASSERT_EQ(promos.size(), 3u);
    const auto [low, high] = std::minmax({promos[1], promos[2], promos[3]});
    EXPECT_GT(low, 0);
    EXPECT_LE(high - low, 1);
}
