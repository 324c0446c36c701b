// GoalTableModel: every metric kind's current value as GoalProgress computes it, progress,
// pace and forecast on a fixed day, and rows that follow the store, under
// QAbstractItemModelTester.

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/goalprogress.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "planningsupport.h"
#include "testsupport.h"
#include "ui/displaytext.h"
#include "ui/goaltablemodel.h"
#include "ui/plantext.h"

namespace rapport::ui {
namespace {

using Col = GoalTableModel::Column;

class GoalTableModelTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    core::FixedClock m_clock{test::planningNow()};
    test::ModelTesterWarnings m_warnings;
    GoalTableModel m_model{*m_store, m_clock};
    QAbstractItemModelTester m_tester{&m_model,
                                      QAbstractItemModelTester::FailureReportingMode::Warning};
    QSignalSpy m_inserted{&m_model, &QAbstractItemModel::rowsInserted};
    QSignalSpy m_removed{&m_model, &QAbstractItemModel::rowsRemoved};
    QSignalSpy m_changed{&m_model, &QAbstractItemModel::dataChanged};
    QSignalSpy m_reset{&m_model, &QAbstractItemModel::modelReset};

    void TearDown() override { EXPECT_EQ(m_warnings.messages(), QStringList{}); }

    QString cell(core::Id goal, int column) const {
        return m_model.index(m_model.rowOf(goal), column).data().toString();
    }

    core::Id addGoal(core::MetricKind metric, const char* start, const char* deadline,
                     std::optional<core::Id> niche = std::nullopt) {
        core::Goal g;
        g.title = "Goal on " + std::string{core::toString(metric)};
        g.metric = metric;
        g.baseline = 0;
        g.target = 10;
        g.startDate = *core::parseDate(start);
        g.deadline = *core::parseDate(deadline);
        g.nicheId = niche;
        return m_store->add(g);
    }
};

TEST_F(GoalTableModelTest, ShowsEachGoalWithItsNumbersAndPace) {
    ASSERT_EQ(m_model.rowCount(), 2);
    ASSERT_EQ(m_model.columnCount(), GoalTableModel::ColumnCount);
    // 3 at relationship, 2 customers and an advocate among the SEO readers.
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::Title),
              QStringLiteral("25 real relationships with SEO readers"));
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::Metric), QStringLiteral("Relationships"));
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::Current), QStringLiteral("6"));
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::Target), QStringLiteral("25"));
    // (6 - 4) / 21 of the way with 21 of 119 days gone: behind, heading for 4 + 2 / (21/119).
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::Progress), QStringLiteral("10%"));
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::PaceColumn), QStringLiteral("Behind"));
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::Forecast), QStringLiteral("15 by 1 Mar 2027"));
    const QModelIndex progress =
        m_model.index(m_model.rowOf(m_ids.relationshipsGoal), Col::Progress);
    EXPECT_NEAR(progress.data(GoalTableModel::ProgressRole).toDouble(), 2.0 / 21.0, 1e-9);
    EXPECT_EQ(progress.data(GoalTableModel::PaceRole).toInt(), static_cast<int>(Pace::Behind));

    // The hand-entered audience goal shows what was typed in, and says it is a vanity metric.
    EXPECT_EQ(cell(m_ids.audienceGoal, Col::Current), QStringLiteral("3,410"));
    EXPECT_EQ(cell(m_ids.audienceGoal, Col::Metric), QStringLiteral("Audience size"));
    EXPECT_TRUE(m_model.index(m_model.rowOf(m_ids.audienceGoal), 0)
                    .data(GoalTableModel::VanityRole)
                    .toBool());
    EXPECT_FALSE(m_model.index(m_model.rowOf(m_ids.relationshipsGoal), 0)
                     .data(GoalTableModel::VanityRole)
                     .toBool());
}

// Every metric kind of DOMAIN.md, through the model, agrees with GoalProgress itself.
TEST_F(GoalTableModelTest, ComputesEveryMetricKindAsGoalProgressDoes) {
    const core::Id reader = test::addContact(*m_store, "Asker", core::Stage::Engaged);
    core::Contact c = m_store->get<core::Contact>(reader);
    c.nicheId = m_ids.seo;
    m_store->update(c);
    for (const char* at : {"2026-11-10T10:00:00Z", "2026-11-12T10:00:00Z"}) {
        core::Interaction i;
        i.contactId = reader;
        i.at = *core::parseInstant(at);
        i.kind = core::InteractionKind::Comment;
        i.direction = core::Direction::Inbound;
        m_store->add(i);
    }
    core::Interaction purchase;
    purchase.contactId = reader;
    purchase.at = *core::parseInstant("2026-11-15T10:00:00Z");
    purchase.kind = core::InteractionKind::Purchase;
    purchase.direction = core::Direction::Inbound;
    m_store->add(purchase);
    core::Post published;
    published.title = "Keyword Monday";
    published.channelId = m_ids.x;
    published.status = core::PostStatus::Published;
    published.scheduledAt = *core::parseInstant("2026-11-09T08:30:00Z");
    published.nicheId = m_ids.seo;
    published.results = {4, 2, 1, 0, 0};
    m_store->add(published);

    struct Case {
        core::MetricKind metric;
        double expected;
    };
    const Case cases[] = {
        {core::MetricKind::Relationships, 6},
        {core::MetricKind::Conversations, 3},  // two comments and the purchase, all inbound
        {core::MetricKind::Conversions, 1},
        {core::MetricKind::Engagement, 7},
        {core::MetricKind::Custom, 0},  // nothing entered: the baseline
    };
    core::GoalProgress progress(*m_store, m_clock);
    for (const Case& k : cases) {
        const core::Id id = addGoal(k.metric, "2026-11-01", "2027-01-31", m_ids.seo);
        const int row = m_model.rowOf(id);
        ASSERT_GE(row, 0);
        EXPECT_DOUBLE_EQ(m_model.reportAt(row).current, k.expected) << core::toString(k.metric);
        EXPECT_DOUBLE_EQ(m_model.reportAt(row).current,
                         progress.currentValue(m_store->get<core::Goal>(id)));
        EXPECT_EQ(cell(id, Col::Current), formatNumber(k.expected));
    }
}

TEST_F(GoalTableModelTest, SaysNotStartedEndedAndClosedGoals) {
    const core::Id future = addGoal(core::MetricKind::Relationships, "2027-01-04", "2027-03-01");
    const core::Id past = addGoal(core::MetricKind::Relationships, "2026-01-05", "2026-06-30");
    EXPECT_EQ(cell(future, Col::PaceColumn), QStringLiteral("Not started"));
    EXPECT_EQ(cell(future, Col::Forecast), QString{});
    EXPECT_EQ(cell(past, Col::PaceColumn), QStringLiteral("Ended"));
    EXPECT_EQ(cell(past, Col::Forecast), QString{});

    core::Goal achieved = m_store->get<core::Goal>(m_ids.relationshipsGoal);
    achieved.status = core::GoalStatus::Achieved;
    m_store->update(achieved);
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::PaceColumn), QStringLiteral("Achieved"));
}

TEST_F(GoalTableModelTest, FollowsGoalsAddedEditedAndRemoved) {
    const core::Id added = addGoal(core::MetricKind::Conversations, "2026-11-01", "2027-01-31");
    ASSERT_EQ(m_inserted.size(), 1);
    EXPECT_EQ(m_inserted.at(0).at(1).toInt(), 2);
    EXPECT_EQ(m_model.rowOf(added), 2);

    core::Goal g = m_store->get<core::Goal>(added);
    g.title = "Sixty conversations";
    m_store->update(g);
    EXPECT_EQ(cell(added, Col::Title), QStringLiteral("Sixty conversations"));
    EXPECT_GE(m_changed.size(), 1);

    m_store->remove<core::Goal>(m_ids.relationshipsGoal);
    ASSERT_EQ(m_removed.size(), 1);
    EXPECT_EQ(m_removed.at(0).at(1).toInt(), 0);
    EXPECT_EQ(m_model.rowCount(), 2);
    EXPECT_EQ(m_reset.size(), 0);
}

TEST_F(GoalTableModelTest, RecomputesWhenTheWorkspaceMoves) {
    m_changed.clear();
    const core::Id friendId = test::addContact(*m_store, "New friend", core::Stage::Relationship);
    core::Contact c = m_store->get<core::Contact>(friendId);
    c.nicheId = m_ids.seo;
    m_store->update(c);
    EXPECT_EQ(cell(m_ids.relationshipsGoal, Col::Current), QStringLiteral("7"));
    ASSERT_GE(m_changed.size(), 1);
    // Only the goal that counts contacts moved; the hand-entered one was left alone.
    for (const auto& signal : m_changed) {
        EXPECT_EQ(signal.at(0).value<QModelIndex>().row(), m_model.rowOf(m_ids.relationshipsGoal));
    }
}

TEST_F(GoalTableModelTest, ReadsGoalsAgainWhenTheirNicheGoes) {
    // The database forgets the goal's niche without a word about the goal: the model notices.
    m_store->remove<core::Niche>(m_ids.agencies);
    m_store->remove<core::Niche>(m_ids.seo);
    const int row = m_model.rowOf(m_ids.relationshipsGoal);
    EXPECT_FALSE(m_model.goalAt(row).nicheId.has_value());
    EXPECT_GE(m_reset.size(), 1);
}

}  // namespace
}  // namespace rapport::ui
