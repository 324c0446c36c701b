// The undo commands of the planning page: a create undone deletes what it made, a delete undone
// brings the record back under its id with everything that pointed at it, an edit undone
// restores the old values, and commands keep finding their records when a redo has to give
// one a new id.

#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "planningsupport.h"
#include "testsupport.h"
#include "ui/addrecord.h"
#include "ui/commandid.h"
#include "ui/removerecord.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"

namespace rapport::ui {
namespace {

class UndoCommandsTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};

    core::Goal goal(const std::string& title) {
        core::Goal g;
        g.title = title;
        g.baseline = 0;
        g.target = 10;
        g.startDate = *core::parseDate("2026-11-02");
        g.deadline = *core::parseDate("2027-01-31");
        return g;
    }
};

TEST_F(UndoCommandsTest, UndoOfACreateDeletesItAndRedoBringsItBackUnderItsId) {
    auto add = std::make_unique<AddRecord<core::Goal>>(m_undo, goal("Sixty conversations"),
                                                       QStringLiteral("Add goal"));
    auto* command = add.get();
    m_undo.perform(std::move(add));
    const core::Id id = command->recordId();
    ASSERT_TRUE(m_store->find<core::Goal>(id));
    EXPECT_EQ(m_stack.count(), 1);
    EXPECT_EQ(m_stack.command(0)->id(), AddRecordCommand);

    m_stack.undo();
    EXPECT_FALSE(m_store->find<core::Goal>(id));
    m_stack.redo();
    ASSERT_TRUE(m_store->find<core::Goal>(id));
    EXPECT_EQ(m_store->get<core::Goal>(id).title, "Sixty conversations");
}

TEST_F(UndoCommandsTest, ARefusedEditThrowsAndLeavesNoStep) {
    core::Goal bad = goal("Same");
    bad.target = bad.baseline;
    EXPECT_THROW(
        m_undo.perform(std::make_unique<AddRecord<core::Goal>>(m_undo, bad, QStringLiteral("Add"))),
        core::ValidationError);
    EXPECT_EQ(m_stack.count(), 0);
    EXPECT_EQ(m_store->count<core::Goal>(), 2);
}

TEST_F(UndoCommandsTest, CommandsFollowARecordThatARedoGaveANewId) {
    auto add = std::make_unique<AddRecord<core::Goal>>(m_undo, goal("Mine"), QStringLiteral("Add"));
    auto* added = add.get();
    m_undo.perform(std::move(add));
    const core::Id first = added->recordId();
    core::Goal renamed = m_store->get<core::Goal>(first);
    renamed.title = "Mine, renamed";
    m_undo.perform(std::make_unique<UpdateRecord<core::Goal>>(
        m_undo, m_store->get<core::Goal>(first), renamed, QStringLiteral("Rename")));

    m_stack.undo();
    m_stack.undo();
    ASSERT_FALSE(m_store->find<core::Goal>(first));
    // Meanwhile something outside the undo stack takes the free id.
    core::Goal outsider = goal("Someone else's");
    outsider.id = first;
    m_store->add(outsider);

    m_stack.redo();
    m_stack.redo();
    const core::Id moved = added->recordId();
    EXPECT_NE(moved, first);
    EXPECT_EQ(m_store->get<core::Goal>(moved).title, "Mine, renamed");
    EXPECT_EQ(m_store->get<core::Goal>(first).title, "Someone else's");

    m_stack.undo();
    m_stack.undo();
    EXPECT_FALSE(m_store->find<core::Goal>(moved));
    EXPECT_EQ(m_store->get<core::Goal>(first).title, "Someone else's");
}

TEST_F(UndoCommandsTest, UndoOfAnEditRestoresTheOldRecord) {
    const core::Goal before = m_store->get<core::Goal>(m_ids.relationshipsGoal);
    core::Goal after = before;
    after.title = "30 relationships";
    after.target = 30;
    after.nicheId.reset();
    m_undo.perform(
        std::make_unique<UpdateRecord<core::Goal>>(m_undo, before, after, QStringLiteral("Edit")));
    EXPECT_EQ(m_store->get<core::Goal>(before.id).target, 30);
    m_stack.undo();
    const core::Goal back = m_store->get<core::Goal>(before.id);
    EXPECT_EQ(back.title, before.title);
    EXPECT_EQ(back.target, 25);
    EXPECT_EQ(back.nicheId, m_ids.seo);
    m_stack.redo();
    EXPECT_FALSE(m_store->get<core::Goal>(before.id).nicheId.has_value());
}

TEST_F(UndoCommandsTest, UndoOfANicheDeleteBringsBackEverythingThatPointedAtIt) {
    core::Campaign campaign;
    campaign.name = "Launch";
    campaign.nicheIds = {m_ids.seo, m_ids.agencies};
    campaign.goalIds = {m_ids.relationshipsGoal};
    const core::Id campaignId = m_store->add(campaign);
    std::vector<core::Id> readers;
    for (const auto& c : m_store->list<core::Contact>()) {
        if (c.nicheId == m_ids.seo) {
            readers.push_back(c.id);
        }
    }
    ASSERT_FALSE(readers.empty());

    m_undo.perform(std::make_unique<RemoveRecord<core::Niche>>(m_undo, m_ids.seo,
                                                               QStringLiteral("Delete niche")));
    EXPECT_FALSE(m_store->find<core::Niche>(m_ids.seo));
    EXPECT_FALSE(m_store->get<core::Goal>(m_ids.relationshipsGoal).nicheId.has_value());
    EXPECT_EQ(m_store->get<core::Campaign>(campaignId).nicheIds,
              std::vector<core::Id>{m_ids.agencies});

    m_stack.undo();
    const core::Niche back = m_store->get<core::Niche>(m_ids.seo);
    EXPECT_EQ(back.name, "SEO readers");
    EXPECT_EQ(back.gatherChannelIds, (std::vector<core::Id>{m_ids.x, m_ids.linkedIn}));
    EXPECT_EQ(m_store->get<core::Goal>(m_ids.relationshipsGoal).nicheId, m_ids.seo);
    EXPECT_EQ(m_store->get<core::Campaign>(campaignId).nicheIds,
              (std::vector<core::Id>{m_ids.seo, m_ids.agencies}));
    for (const core::Id reader : readers) {
        EXPECT_EQ(m_store->get<core::Contact>(reader).nicheId, m_ids.seo);
    }

    m_stack.redo();
    EXPECT_FALSE(m_store->find<core::Niche>(m_ids.seo));
}

TEST_F(UndoCommandsTest, UndoOfAChannelDeleteRestoresNichesAndCadence) {
    core::Campaign campaign;
    campaign.name = "Launch";
    campaign.cadence = {{m_ids.x, 5}, {m_ids.linkedIn, 2}};
    const core::Id campaignId = m_store->add(campaign);

    m_undo.perform(std::make_unique<RemoveRecord<core::Channel>>(m_undo, m_ids.linkedIn,
                                                                 QStringLiteral("Delete")));
    EXPECT_EQ(m_store->get<core::Campaign>(campaignId).cadence.size(), 1u);
    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Campaign>(campaignId).cadence,
              (std::vector<core::ChannelCadence>{{m_ids.x, 5}, {m_ids.linkedIn, 2}}));
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.seo).gatherChannelIds,
              (std::vector<core::Id>{m_ids.x, m_ids.linkedIn}));
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.agencies).gatherChannelIds,
              std::vector<core::Id>{m_ids.linkedIn});
}

TEST_F(UndoCommandsTest, AChannelWithPostsIsRefusedWithCoresSentence) {
    core::Post post;
    post.title = "Idea";
    post.channelId = m_ids.x;
    m_store->add(post);
    try {
        m_undo.perform(std::make_unique<RemoveRecord<core::Channel>>(m_undo, m_ids.x,
                                                                     QStringLiteral("Delete")));
        FAIL() << "a channel with posts was deleted";
    } catch (const core::ValidationError& e) {
        EXPECT_EQ(e.problem(), "still has 1 posts; move or delete them first");
    }
    EXPECT_EQ(m_stack.count(), 0);
    EXPECT_TRUE(m_store->find<core::Channel>(m_ids.x));
}

TEST_F(UndoCommandsTest, AnUndoTheStoreRefusesIsReportedAndLeavesTheStack) {
    core::Channel c = core::Channel::withDefaults(core::ChannelKind::Podcast);
    c.name = "Podcast";
    auto add = std::make_unique<AddRecord<core::Channel>>(m_undo, c, QStringLiteral("Add podcast"));
    auto* command = add.get();
    m_undo.perform(std::move(add));
    // A post lands on the new channel from elsewhere: removing it again would orphan the post.
    core::Post post;
    post.title = "Episode 1";
    post.channelId = command->recordId();
    m_store->add(post);

    QSignalSpy failed(&m_undo, &UndoContext::failed);
    m_stack.undo();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(
        failed.at(0).at(0).toString().startsWith(QStringLiteral("Could not undo “Add podcast”")))
        << failed.at(0).at(0).toString().toStdString();
    EXPECT_EQ(m_stack.count(), 0);
    EXPECT_EQ(m_store->count<core::Channel>(), 4);
}

}  // namespace
}  // namespace rapport::ui
