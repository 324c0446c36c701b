// The niche, channel and campaign lists follow the store row by row under
// QAbstractItemModelTester, and say what matters about each record on its second line.

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "core/store.h"
#include "core/timeutil.h"
#include "planningsupport.h"
#include "ui/campaignlistmodel.h"
#include "ui/channellistmodel.h"
#include "ui/nichelistmodel.h"
#include "ui/roles.h"

namespace rapport::ui {
namespace {

class RecordListModelsTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    test::ModelTesterWarnings m_warnings;

    void TearDown() override { EXPECT_EQ(m_warnings.messages(), QStringList{}); }

    static QString secondary(const RecordListModel& model, core::Id id) {
        return model.index(model.rowOf(id)).data(SecondaryTextRole).toString();
    }
};

TEST_F(RecordListModelsTest, NichesInsertChangeAndRemoveSingleRows) {
    NicheListModel model(*m_store);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0).data().toString(), QStringLiteral("SEO readers"));
    EXPECT_EQ(model.index(0).data(RecordIdRole).toLongLong(), m_ids.seo);
    // The second line says what the guided form still lacks.
    EXPECT_TRUE(secondary(model, m_ids.agencies)
                    .contains(QStringLiteral("Still empty: who they are, their questions")))
        << secondary(model, m_ids.agencies).toStdString();
    EXPECT_FALSE(secondary(model, m_ids.seo).contains(QStringLiteral("Still empty")));

    core::Niche n;
    n.name = "Podcasters";
    n.topic = "Shows about small business";
    const core::Id id = m_store->add(n);
    ASSERT_EQ(inserted.size(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 2);

    n = m_store->get<core::Niche>(id);
    n.draw = "A free show-notes template";
    m_store->update(n);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), 2);
    EXPECT_TRUE(secondary(model, id).contains(QStringLiteral("Still empty")));
    EXPECT_FALSE(secondary(model, id).contains(QStringLiteral("your draw")));

    m_store->remove<core::Niche>(m_ids.seo);
    ASSERT_EQ(removed.size(), 1);
    EXPECT_EQ(removed.at(0).at(1).toInt(), 0);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(reset.size(), 0);
}

TEST_F(RecordListModelsTest, ChannelsSayTheirLimitsTimesAndPosts) {
    ChannelListModel model(*m_store);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(secondary(model, m_ids.x),
              QStringLiteral("X \u00b7 280 characters \u00b7 up to 3 posts a day at 08:30, 12:15 "
                             "and 17:00"));

    core::Post post;
    post.title = "Keyword Monday";
    post.channelId = m_ids.x;
    m_store->add(post);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_TRUE(secondary(model, m_ids.x).endsWith(QStringLiteral("1 post")));
}

TEST_F(RecordListModelsTest, CampaignsFollowTheirNichesAndPosts) {
    core::Campaign c;
    c.name = "Book launch";
    c.nicheIds = {m_ids.seo};
    c.startDate = *core::parseDate("2026-11-30");
    c.endDate = *core::parseDate("2026-12-27");
    c.cadence = {{m_ids.x, 3}};
    const core::Id id = m_store->add(c);

    CampaignListModel model(*m_store);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(secondary(model, id),
              QStringLiteral("Planning \u00b7 Mon 30 Nov 2026 to Sun 27 Dec 2026 \u00b7 80/20 mix "
                             "\u00b7 for SEO readers \u00b7 0 posts"));

    core::Niche seo = m_store->get<core::Niche>(m_ids.seo);
    seo.name = "Search readers";
    m_store->update(seo);
    EXPECT_TRUE(secondary(model, id).contains(QStringLiteral("for Search readers")));

    core::Post post;
    post.title = "Idea";
    post.channelId = m_ids.x;
    post.campaignId = id;
    m_store->add(post);
    EXPECT_TRUE(secondary(model, id).endsWith(QStringLiteral("1 post")));
    EXPECT_EQ(changed.size(), 2);
}

}  // namespace
}  // namespace rapport::ui
