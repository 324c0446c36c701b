// The demo campaign ships in the resources, parses, lands in the week of "today", and seeds an
// empty workspace only.

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/demoworkspace.h"

namespace rapport::ui {
namespace {

TEST(DemoWorkspace, AnchorIsAMonday) {
    EXPECT_EQ(date::weekday{date::sys_days{kDemoAnchor}}, date::Monday);
}

TEST(DemoWorkspace, HoldsSomethingOfEveryKind) {
    const auto data = loadDemoWorkspace(kDemoAnchor);
    EXPECT_FALSE(data.info.timeZone.empty());
    EXPECT_FALSE(data.channels.empty());
    EXPECT_FALSE(data.niches.empty());
    EXPECT_FALSE(data.goals.empty());
    EXPECT_FALSE(data.campaigns.empty());
    EXPECT_FALSE(data.posts.empty());
    EXPECT_FALSE(data.contacts.empty());
    EXPECT_FALSE(data.interactions.empty());
    EXPECT_FALSE(data.sequences.empty());
    EXPECT_FALSE(data.enrollments.empty());
    EXPECT_FALSE(data.topicIdeas.empty());
}

TEST(DemoWorkspace, MovesToTheWeekOfToday) {
    const auto atAnchor = loadDemoWorkspace(kDemoAnchor);
    // A Wednesday two weeks and two days later: the demo moves by whole weeks, so two.
    const auto later = loadDemoWorkspace(core::addDays(kDemoAnchor, 16));
    ASSERT_EQ(atAnchor.goals.size(), later.goals.size());
    for (std::size_t i = 0; i < atAnchor.goals.size(); ++i) {
        EXPECT_EQ(core::daysBetween(atAnchor.goals[i].startDate, later.goals[i].startDate), 14);
        EXPECT_EQ(core::daysBetween(atAnchor.goals[i].deadline, later.goals[i].deadline), 14);
    }
    ASSERT_EQ(atAnchor.contacts.size(), later.contacts.size());
    EXPECT_EQ(core::daysBetween(atAnchor.contacts[0].createdOn, later.contacts[0].createdOn), 14);
}

TEST(DemoWorkspace, SeedsTheWeekOfTheClocksDayInTheDemosZone) {
    // 03:00 UTC on Monday 7 December is still Sunday 6 December in New York, the demo's zone:
    // the demo lands in the week of Monday 30 November, whatever the computer's zone.
    const test::MachineZone zone("Asia/Tokyo");
    const core::FixedClock clock{*core::parseInstant("2026-12-07T03:00:00Z")};
    auto store = core::Store::openInMemory();
    seedDemoWorkspace(*store, clock);
    const auto expected = loadDemoWorkspace(*core::parseDate("2026-11-30"));
    ASSERT_EQ(expected.info.timeZone, "America/New_York");
    ASSERT_EQ(store->count<core::Goal>(), static_cast<std::int64_t>(expected.goals.size()));
    for (const auto& goal : expected.goals) {
        const auto seeded = store->get<core::Goal>(goal.id);
        EXPECT_EQ(seeded.startDate, goal.startDate) << goal.title;
        EXPECT_EQ(seeded.deadline, goal.deadline) << goal.title;
    }
    for (const auto& post : expected.posts) {
        EXPECT_EQ(store->get<core::Post>(post.id).scheduledAt, post.scheduledAt) << post.title;
    }
    // One week after the week the document is written around.
    const auto atAnchor = loadDemoWorkspace(kDemoAnchor);
    EXPECT_EQ(core::daysBetween(atAnchor.goals[0].deadline,
                                store->get<core::Goal>(atAnchor.goals[0].id).deadline),
              7);
}

TEST(DemoWorkspace, SeedsAnEmptyWorkspaceFile) {
    test::TempFolder folder;
    auto store = core::Store::open(folder.file("demo.rapport"));
    seedDemoWorkspace(*store, kDemoAnchor);
    const auto data = loadDemoWorkspace(kDemoAnchor);
    EXPECT_EQ(store->count<core::Contact>(), static_cast<std::int64_t>(data.contacts.size()));
    EXPECT_EQ(store->count<core::Post>(), static_cast<std::int64_t>(data.posts.size()));
    EXPECT_EQ(store->count<core::Interaction>(),
              static_cast<std::int64_t>(data.interactions.size()));
    EXPECT_GT(store->count<core::Goal>(), 0);
    EXPECT_GT(store->count<core::Enrollment>(), 0);
    EXPECT_EQ(store->info().name, data.info.name);
}

TEST(DemoWorkspace, NeverSeedsOverRecords) {
    auto store = core::Store::openInMemory();
    test::addContact(*store, "Already here");
    EXPECT_THROW(seedDemoWorkspace(*store, kDemoAnchor), core::RefusedError);
    EXPECT_EQ(store->count<core::Contact>(), 1);
}

}  // namespace
}  // namespace rapport::ui
