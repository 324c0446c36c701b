// The content-mix rules, each at, below and above its threshold.

#include "core/contentmix.h"

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

// Builds items from a pattern: 'v' value, 'r' resource, 'c' conversation, 'P' promotion,
// 'A' affiliate; all in one niche unless `niche` says otherwise.
std::vector<MixItem> items(const std::string& pattern, std::optional<Id> niche = 1) {
    std::vector<MixItem> out;
    int t = 0;
    for (char ch : pattern) {
        Purpose p = Purpose::Value;
        switch (ch) {
            case 'r':
                p = Purpose::Resource;
                break;
            case 'c':
                p = Purpose::Conversation;
                break;
            case 'P':
                p = Purpose::Promotion;
                break;
            case 'A':
                p = Purpose::Affiliate;
                break;
            default:
                break;
        }
        out.push_back({niche, p, Instant{std::chrono::seconds{++t * 3600}}});
    }
    return out;
}

std::string rulesBroken(const std::vector<MixItem>& it, const MixPolicy& policy) {
    std::string out;
    for (const auto& v : checkMix(it, policy)) {
        out += (v.rule == MixRule::EarnFirst ? "E" : "R") + std::to_string(v.index) + " ";
    }
    return out;
}

}  // namespace

TEST(ContentMix, EarnFirstAtBelowAndAboveThreshold) {
    const auto policy = MixPolicy::fromPreset(MixPreset::EightyTwenty);  // 5 first, 2 in 10
    EXPECT_EQ(rulesBroken(items("vvvvP"), policy), "E4 ");               // 4 value posts: one short
    EXPECT_EQ(rulesBroken(items("vrcvvP"), policy), "");                 // exactly 5
    EXPECT_EQ(rulesBroken(items("vvvvvvA"), policy), "");                // 6
    EXPECT_EQ(rulesBroken(items("P"), policy), "E0 ");
    const auto v = checkMix(items("vvP"), policy);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].have, 2);
    EXPECT_EQ(v[0].limit, 5);
}

TEST(ContentMix, RatioAtBelowAndAboveThreshold) {
    const auto policy = MixPolicy::fromPreset(MixPreset::EightyTwenty);
    EXPECT_EQ(rulesBroken(items("vvvvvPvvvvP"), policy), "");              // 2 in the last 10
    EXPECT_EQ(rulesBroken(items("vvvvvPvvvPP"), policy), "R10 ");          // 3 in the last 10
    EXPECT_EQ(rulesBroken(items("vvvvvPvvvvvvvvPP"), policy), "");         // the first fell out
    const auto fourOneOne = MixPolicy::fromPreset(MixPreset::FourOneOne);  // 1 in 6
    EXPECT_EQ(rulesBroken(items("vvvvvPvvvvvP"), fourOneOne), "");
    EXPECT_EQ(rulesBroken(items("vvvvvPvvvvP"), fourOneOne), "R10 ");
}

TEST(ContentMix, NichesAreCountedApartAndPostsWithoutANicheFormTheirOwn) {
    const auto policy = MixPolicy::fromPreset(MixPreset::EightyTwenty);
    auto mixed = items("vvvvv", 1);
    auto other = items("P", 2);
    mixed.insert(mixed.end(), other.begin(), other.end());
    auto none = items("vvvvvP", std::nullopt);
    mixed.insert(mixed.end(), none.begin(), none.end());
    EXPECT_EQ(rulesBroken(mixed, policy), "E5 ");  // niche 2 earned nothing
}

TEST(ContentMix, OnlyScheduledAndPublishedCount) {
    EXPECT_TRUE(countsTowardMix(PostStatus::Scheduled));
    EXPECT_TRUE(countsTowardMix(PostStatus::Published));
    EXPECT_FALSE(countsTowardMix(PostStatus::Idea));
    EXPECT_FALSE(countsTowardMix(PostStatus::Draft));
    EXPECT_FALSE(countsTowardMix(PostStatus::Skipped));
}
