// The content-mix advisor: each rule at, below and above its threshold, with history before the
// range (posts and series occurrences), statuses that do not count, posts without a niche,
// campaign policies, daily caps on local days, character limits in code points; and a
// cross-check of its history shortcut against checkMix over every post from the beginning.

#include "core/mixadvisor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "calendarfixture.h"
#include "core/errors.h"
#include "core/recurrence.h"

using namespace rapport::core;
using rapport::test::CalendarWorkspace;
using rapport::test::kMon;
using rapport::test::ymd;

namespace {

// Adds one post a day from `first`, at 10:00 local, titled p0, p1, ...:
// v r c: value, resource, conversation; P A: promotion, affiliate (all scheduled);
// d i s: a value post that is a draft, an idea, skipped; D S: a promotion, draft or skipped.
void addPattern(CalendarWorkspace& w, Date first, const std::string& pattern,
                std::optional<Id> niche, std::optional<Id> campaign = {},
                const std::string& prefix = "p") {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        Purpose purpose = Purpose::Value;
        PostStatus status = PostStatus::Scheduled;
        switch (pattern[i]) {
            case 'r':
                purpose = Purpose::Resource;
                break;
            case 'c':
                purpose = Purpose::Conversation;
                break;
            case 'P':
                purpose = Purpose::Promotion;
                break;
            case 'A':
                purpose = Purpose::Affiliate;
                break;
            case 'd':
                status = PostStatus::Draft;
                break;
            case 'i':
                status = PostStatus::Idea;
                break;
            case 's':
                status = PostStatus::Skipped;
                break;
            case 'D':
                purpose = Purpose::Promotion;
                status = PostStatus::Draft;
                break;
            case 'S':
                purpose = Purpose::Promotion;
                status = PostStatus::Skipped;
                break;
            default:
                break;
        }
        auto p = w.post(prefix + std::to_string(i),
                        w.at(addDays(first, static_cast<int>(i)), "10:00"), purpose, status);
        p.nicheId = niche;
        p.campaignId = campaign;
        w.addPost(p);
    }
}

char code(FlagKind k) {
    switch (k) {
        case FlagKind::EarnFirst:
            return 'E';
        case FlagKind::Ratio:
            return 'R';
        case FlagKind::DailyCap:
            return 'C';
        case FlagKind::CharLimit:
            return 'L';
    }
    return '?';
}

// "p4:E4 p9:R3": each flagged post's title with its flags (kind and `have`).
std::string flagsOf(const MixReport& r) {
    std::string out;
    for (std::size_t i = 0; i < r.posts.size(); ++i) {
        if (r.flags[i].empty()) {
            continue;
        }
        out += (out.empty() ? "" : " ") + r.posts[i].title + ":";
        for (const auto& f : r.flags[i]) {
            out += code(f.kind) + std::to_string(f.have);
        }
    }
    return out;
}

const Date kMarch1 = ymd(2026, 3, 1);
const Date kMarch31 = ymd(2026, 3, 31);

}  // namespace

TEST(MixAdvisor, RulesAtBelowAndAboveTheirThresholdsWithinTheRange) {
    struct Case {
        const char* pattern;
        const char* expected;
    };
    const Case cases[] = {
        {"vvvvP", "p4:E4"},  // one value post short
        {"vrcvvP", ""},      // exactly five, of any value purpose
        {"vvvvvvA", ""},     // six
        {"P", "p0:E0"},
        {"vvvvvPvvvvP", ""},        // two promotions in the last ten
        {"vvvvvPvvvPP", "p10:R3"},  // three
        {"vvvvvPvvvvvvvvPP", ""},   // the first fell out of the window
        {"vvvvvPvvvvvvvvvP", ""},   // one in the window
    };
    for (const auto& c : cases) {
        CalendarWorkspace w;
        addPattern(w, kMarch1, c.pattern, w.seoId);
        MixAdvisor advisor{*w.store};
        EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31)), c.expected) << c.pattern;
    }
}

TEST(MixAdvisor, HistoryBeforeTheRangeCounts) {
    struct Case {
        const char* history;  // February, ending on Feb 28
        const char* range;    // March
        const char* expected;
    };
    const Case cases[] = {
        {"vvvvv", "P", ""},
        {"vvvv", "P", "m0:E4"},
        {"vvvv", "vP", ""},
        {"vvvvvvvvvvvvvvvvvvvv", "P", ""},  // long ago is still before
        {"vvvvvvvPvP", "P", "m0:R3"},       // the window reaches back into February
        {"vvvvvvPvvvvvvvvvP", "P", ""},     // only one of them is in it
        {"PPvvvvv", "P", "m0:R3"},          // promotions first, then five value posts:
                                            // earned, but three in the last ten
        {"vvvdisv", "P", "m0:E4"},          // drafts, ideas and skipped do not count
    };
    for (const auto& c : cases) {
        CalendarWorkspace w;
        const int n = static_cast<int>(std::string{c.history}.size());
        addPattern(w, addDays(kMarch1, -n), c.history, w.seoId, {}, "h");
        addPattern(w, kMarch1, c.range, w.seoId, {}, "m");
        MixAdvisor advisor{*w.store};
        EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31)), c.expected)
            << c.history << " | " << c.range;
    }
}

TEST(MixAdvisor, SeriesOccurrencesBeforeTheRangeCount) {
    // A weekly value series on Mondays in the niche: 5 occurrences in February (2, 9, 16, 23)
    // and January 26 make five value posts before the promotion on March 3.
    for (const bool skipOne : {false, true}) {
        CalendarWorkspace w;
        auto s = CalendarWorkspace::weekly(ymd(2026, 1, 26), kMon, "09:00");
        s.endDate = ymd(2026, 2, 28);
        auto templ = w.post("Keyword Monday", w.at(ymd(2026, 1, 26), "09:00"));
        s.id = w.addSeries(s, templ);
        if (skipOne) {
            skipOccurrence(*w.store, s.id, ymd(2026, 2, 9));
        }
        addPattern(w, ymd(2026, 3, 3), "P", w.seoId);
        MixAdvisor advisor{*w.store};
        EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31)), skipOne ? "p0:E4" : "") << skipOne;
    }
    // A promotional series before the range fills the ratio window.
    CalendarWorkspace w;
    addPattern(w, ymd(2026, 1, 1), "vvvvvvvvvv", w.seoId, {}, "h");
    auto s = CalendarWorkspace::weekly(ymd(2026, 2, 16), kMon, "09:00");
    s.count = 2;  // Feb 16 and 23
    auto templ = w.post("Offer Monday", w.at(ymd(2026, 2, 16), "09:00"), Purpose::Promotion);
    s.id = w.addSeries(s, templ);
    addPattern(w, ymd(2026, 3, 3), "P", w.seoId);
    MixAdvisor advisor{*w.store};
    EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31)), "p0:R3");
}

TEST(MixAdvisor, NichesAreApartAndPostsWithoutANicheAreTheirOwnBucket) {
    CalendarWorkspace w;
    addPattern(w, kMarch1, "vvvvv", w.seoId, {}, "seo");
    addPattern(w, ymd(2026, 3, 10), "P", w.agenciesId, {}, "agency");
    addPattern(w, ymd(2026, 3, 12), "vA", std::nullopt, {}, "none");
    addPattern(w, ymd(2026, 3, 20), "P", w.seoId, {}, "seoPromo");
    MixAdvisor advisor{*w.store};
    const auto r = advisor.advise(kMarch1, kMarch31);
    EXPECT_EQ(flagsOf(r), "agency0:E0 none1:E1");
    for (std::size_t i = 0; i < r.posts.size(); ++i) {
        if (r.posts[i].title == "none1") {
            EXPECT_EQ(r.flags[i][0].message,
                      "1 value post before this affiliate post in posts without a niche; "
                      "5 needed");
        }
        if (r.posts[i].title == "agency0") {
            EXPECT_EQ(r.flags[i][0].message,
                      "0 value posts before this promotion in niche Agencies; 5 needed");
        }
    }
}

TEST(MixAdvisor, RatioSentencesNameTheNicheOrItsAbsence) {
    CalendarWorkspace w;
    addPattern(w, kMarch1, "vvvvvPvPP", std::nullopt);
    MixAdvisor advisor{*w.store};
    const auto r = advisor.advise(kMarch1, kMarch31);
    EXPECT_EQ(flagsOf(r), "p8:R3");
    EXPECT_EQ(r.flags.back().at(0).message,
              "3 of the last 10 posts without a niche are promotional; at most 2 allowed");
}

TEST(MixAdvisor, PromotionsThatDoNotCountAreNotFlagged) {
    CalendarWorkspace w;
    addPattern(w, kMarch1, "DSP", w.seoId);
    MixAdvisor advisor{*w.store};
    EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31)), "p2:E0");
}

TEST(MixAdvisor, ACampaignsPolicyAppliesToItsPostsAndTheDefaultToOthers) {
    CalendarWorkspace w;
    Campaign c;
    c.name = "Launch";
    c.mix = MixPolicy::fromPreset(MixPreset::FourOneOne);  // 5 first, 1 in any 6
    const Id cid = w.store->add(c);
    // Promotions 5 apart: fine at 80/20, too close for 4-1-1.
    addPattern(w, kMarch1, "vvvvvPvvvv", w.seoId, {}, "a");
    addPattern(w, ymd(2026, 3, 11), "P", w.seoId, cid, "campaign");
    addPattern(w, ymd(2026, 3, 12), "vvvvP", w.seoId, {}, "b");
    MixAdvisor advisor{*w.store};
    const auto r = advisor.advise(kMarch1, kMarch31);
    EXPECT_EQ(flagsOf(r), "campaign0:R2");
    for (std::size_t i = 0; i < r.posts.size(); ++i) {
        if (!r.flags[i].empty()) {
            EXPECT_EQ(r.flags[i][0].message,
                      "2 of the last 6 posts in niche SEO readers are promotional; at most 1 "
                      "allowed");
            EXPECT_EQ(r.flags[i][0].limit, 1);
            EXPECT_EQ(r.flags[i][0].window, 6);
        }
    }
    EXPECT_EQ(advisor.policyFor(r.posts.back()), MixPolicy{});
}

TEST(MixAdvisor, DailyCapCountsLocalDaysAndOnlyPostsThatGoOut) {
    struct Case {
        std::vector<std::pair<const char*, PostStatus>> posts;  // local times on March 10
        const char* expected;
    };
    const auto S = PostStatus::Scheduled;
    const auto P = PostStatus::Published;
    const auto D = PostStatus::Draft;
    const Case cases[] = {
        {{{"09:00", S}, {"12:00", S}}, ""},
        {{{"09:00", S}, {"12:00", P}, {"17:00", S}}, ""},  // at the cap of 3
        {{{"09:00", S}, {"12:00", S}, {"17:00", S}, {"18:00", S}}, "p3:C4"},
        {{{"09:00", S}, {"12:00", S}, {"17:00", S}, {"18:00", S}, {"19:00", S}}, "p3:C5 p4:C5"},
        {{{"09:00", S}, {"12:00", S}, {"17:00", S}, {"18:00", D}}, ""},
        // 23:30 on the 10th and 00:30 on the 11th share a UTC day in Berlin, not a local one.
        {{{"10:00", S}, {"12:00", S}, {"23:30", S}, {"+00:30", S}}, ""},
    };
    for (const auto& c : cases) {
        CalendarWorkspace w;
        int i = 0;
        for (const auto& [time, status] : c.posts) {
            std::string t = time;
            Date day = ymd(2026, 3, 10);
            if (t[0] == '+') {
                t = t.substr(1);
                day = addDays(day, 1);
            }
            auto p = w.post("p" + std::to_string(i++), w.at(day, t), Purpose::Value, status);
            w.addPost(p);
        }
        MixAdvisor advisor{*w.store};
        EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31)), c.expected) << c.expected;
    }
    CalendarWorkspace w;
    for (int i = 0; i < 4; ++i) {
        w.addPost(w.post("p" + std::to_string(i),
                         w.at(ymd(2026, 3, 10), "1" + std::to_string(i) + ":00")));
    }
    MixAdvisor advisor{*w.store};
    const auto r = advisor.advise(kMarch1, kMarch31);
    EXPECT_EQ(r.flags.back().at(0).message, "4 posts on X on 2026-03-10; its daily cap is 3");
}

TEST(MixAdvisor, CharacterLimitsCountCodePointsNotBytes) {
    auto repeat = [](const std::string& unit, int n) {
        std::string s;
        for (int i = 0; i < n; ++i) {
            s += unit;
        }
        return s;
    };
    struct Case {
        std::string body;
        PostStatus status;
        bool onBlog;
        const char* expected;
    };
    const Case cases[] = {
        {repeat("a", 279), PostStatus::Scheduled, false, ""},
        {repeat("a", 280), PostStatus::Scheduled, false, ""},
        {repeat("a", 281), PostStatus::Scheduled, false, "p:L281"},
        {repeat("\xC3\xA9", 280), PostStatus::Scheduled, false, ""},  // é: 560 bytes
        {repeat("\xC3\xA9", 281), PostStatus::Scheduled, false, "p:L281"},
        {repeat("\xF0\x9F\x98\x80", 280), PostStatus::Scheduled, false, ""},  // 😀: 1120 bytes
        {repeat("a", 281), PostStatus::Draft, false, "p:L281"},  // being written: say so
        {repeat("a", 281), PostStatus::Skipped, false, ""},
        {repeat("a", 5000), PostStatus::Scheduled, true, ""},  // the blog has no limit
    };
    for (const auto& c : cases) {
        CalendarWorkspace w;
        auto p = w.post("p", w.at(ymd(2026, 3, 10), "10:00"), Purpose::Value, c.status);
        p.body = c.body;
        if (c.onBlog) {
            p.channelId = w.blogId;
        }
        w.addPost(p);
        MixAdvisor advisor{*w.store};
        const auto r = advisor.advise(kMarch1, kMarch31);
        EXPECT_EQ(flagsOf(r), c.expected) << c.body.size() << " bytes";
        if (std::string{c.expected} == "p:L281") {
            EXPECT_EQ(r.flags[0][0].message, "281 characters; X allows 280");
        }
    }
    EXPECT_EQ(characterCount(""), 0);
    EXPECT_EQ(characterCount("Gr\xC3\xBC\xC3\x9F"
                             "e \xF0\x9F\x91\x8B"),
              7);  // Grüße 👋
}

TEST(MixAdvisor, TheMixPerNicheCountsWhatGoesOut) {
    CalendarWorkspace w;
    addPattern(w, kMarch1,
               "vvrcPA"
               "dS",
               w.seoId, {}, "seo");
    addPattern(w, ymd(2026, 3, 10), "vc", w.agenciesId, {}, "ag");
    addPattern(w, ymd(2026, 3, 15), "vP", std::nullopt, {}, "none");
    addPattern(w, ymd(2026, 4, 2), "PPPP", w.seoId, {}, "april");  // outside the range
    MixAdvisor advisor{*w.store};
    const auto r = advisor.advise(kMarch1, kMarch31);
    ASSERT_EQ(r.niches.size(), 3u);
    EXPECT_EQ(r.niches[0].name, "Agencies");
    EXPECT_EQ(r.niches[1].name, "SEO readers");
    EXPECT_EQ(r.niches[2].name, "No niche");
    EXPECT_FALSE(r.niches[2].nicheId);
    const auto& seo = r.niches[1];
    EXPECT_EQ(seo.byPurpose[static_cast<int>(Purpose::Value)], 2);
    EXPECT_EQ(seo.byPurpose[static_cast<int>(Purpose::Resource)], 1);
    EXPECT_EQ(seo.byPurpose[static_cast<int>(Purpose::Conversation)], 1);
    EXPECT_EQ(seo.byPurpose[static_cast<int>(Purpose::Promotion)], 1);
    EXPECT_EQ(seo.byPurpose[static_cast<int>(Purpose::Affiliate)], 1);
    EXPECT_EQ(seo.value, 4);
    EXPECT_EQ(seo.promotional, 2);
    EXPECT_DOUBLE_EQ(seo.valueShare(), 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(seo.promotionalShare(), 2.0 / 6.0);
    EXPECT_EQ(r.niches[0].promotional, 0);
    EXPECT_DOUBLE_EQ(r.niches[2].promotionalShare(), 0.5);
    EXPECT_EQ(r.posts.size(), 12u);  // drafts and skipped posts are in the view
}

TEST(MixAdvisor, AdvisesOnTheCallersListWithAnUnsavedEdit) {
    CalendarWorkspace w;
    addPattern(w, kMarch1, "vvvvv", w.seoId);
    MixAdvisor advisor{*w.store};
    auto posts = effectivePosts(*w.store, kMarch1, kMarch31);
    EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31, posts)), "");
    posts[2].purpose = Purpose::Promotion;  // the editor is turning p2 into a promotion
    std::reverse(posts.begin(), posts.end());
    EXPECT_EQ(flagsOf(advisor.advise(kMarch1, kMarch31, posts)), "p2:E2");
    EXPECT_THROW(advisor.advise(kMarch31, kMarch1), ValidationError);
}

// The advisor reads only a little history per niche; checkMix over every post from the start
// must agree with it on every post of the range.
TEST(MixAdvisor, AgreesWithCheckMixOverTheWholeHistory) {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        CalendarWorkspace w{seed % 2 ? "Europe/Berlin" : "America/New_York"};
        std::mt19937 rng{seed};
        const auto pick = [&](int n) { return std::uniform_int_distribution<int>{0, n - 1}(rng); };
        const std::optional<Id> niches[] = {w.seoId, w.agenciesId, std::nullopt};
        const Purpose purposes[] = {Purpose::Value,        Purpose::Value,     Purpose::Resource,
                                    Purpose::Conversation, Purpose::Promotion, Purpose::Affiliate};
        const PostStatus statuses[] = {PostStatus::Scheduled, PostStatus::Scheduled,
                                       PostStatus::Published, PostStatus::Draft,
                                       PostStatus::Idea,      PostStatus::Skipped};
        for (int i = 0; i < 150 + pick(150); ++i) {
            auto p = w.post("p" + std::to_string(i),
                            w.at(addDays(ymd(2026, 1, 1), pick(120)),
                                 formatTimeOfDay(TimeOfDay{pick(24 * 60)})),
                            purposes[pick(6)], statuses[pick(6)]);
            p.nicheId = niches[pick(3)];
            w.addPost(p);
        }
        // A value series in one niche, a promotional one in another, with exceptions.
        auto value = CalendarWorkspace::weekly(ymd(2026, 1, 5), kMon | (1u << 3), "09:00");
        auto promo = value;
        promo.frequency = Frequency::EveryNDays;
        promo.intervalDays = 9;
        promo.startDate = ymd(2026, 1, 20);
        Post vt = w.post("value series", w.at(ymd(2026, 1, 5), "09:00"));
        vt.nicheId = niches[pick(3)];
        Post pt = w.post("promo series", w.at(ymd(2026, 1, 20), "09:00"), Purpose::Promotion);
        pt.nicheId = niches[pick(3)];
        value.id = w.addSeries(value, vt);
        promo.id = w.addSeries(promo, pt);
        for (const auto& d : occurrenceDates(value, ymd(2026, 1, 1), ymd(2026, 4, 30))) {
            if (pick(5) == 0) {
                skipOccurrence(*w.store, value.id, d);
            } else if (pick(6) == 0) {
                auto p = occurrencePost(vt, value, d, w.zone());
                p.purpose = Purpose::Affiliate;
                p.scheduledAt = *p.scheduledAt + std::chrono::hours{pick(30) - 10};
                saveOccurrence(*w.store, p);
            }
        }

        const Date from = ymd(2026, 3, 16);
        const Date to = ymd(2026, 4, 12);
        // Brute force: every effective post from the beginning, in time order.
        const auto all = effectivePosts(*w.store, ymd(2025, 12, 1), to);
        std::vector<MixItem> items;
        std::vector<const Post*> counted;
        for (const auto& p : all) {
            if (countsTowardMix(p.status)) {
                items.push_back({p.nicheId, p.purpose, *p.scheduledAt});
                counted.push_back(&p);
            }
        }
        const Instant start = toInstant(from, TimeOfDay{0}, w.zone());
        using Key = std::tuple<Id, std::optional<Id>, std::optional<Date>, int, int>;
        std::set<Key> expected;
        for (const auto& v : checkMix(items, MixPolicy{})) {
            const Post& p = *counted[v.index];
            if (!(*p.scheduledAt < start)) {
                expected.insert({p.id, p.seriesId, p.occurrenceDate,
                                 v.rule == MixRule::EarnFirst ? 0 : 1, v.have});
            }
        }
        MixAdvisor advisor{*w.store};
        const auto r = advisor.advise(from, to);
        std::set<Key> got;
        for (std::size_t i = 0; i < r.posts.size(); ++i) {
            for (const auto& f : r.flags[i]) {
                if (f.kind == FlagKind::EarnFirst || f.kind == FlagKind::Ratio) {
                    got.insert({r.posts[i].id, r.posts[i].seriesId, r.posts[i].occurrenceDate,
                                f.kind == FlagKind::EarnFirst ? 0 : 1, f.have});
                }
            }
        }
        EXPECT_EQ(got, expected) << "seed " << seed;
        EXPECT_FALSE(expected.empty()) << "seed " << seed << " tests nothing";
    }
}
