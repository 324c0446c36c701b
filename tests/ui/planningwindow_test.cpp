// The planning page inside the main window: its four tabs over the demo workspace, the Edit
// menu's undo and redo (with their keys) for the page's edits, and an undo history that is
// forgotten when another workspace is opened or a backup restored.

#include <QAction>
#include <QFrame>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "planningsupport.h"
#include "testsupport.h"
#include "ui/addrecord.h"
#include "ui/campaignlistmodel.h"
#include "ui/campaignstab.h"
#include "ui/channellistmodel.h"
#include "ui/channelstab.h"
#include "ui/demoworkspace.h"
#include "ui/goalspage.h"
#include "ui/goalstab.h"
#include "ui/goaltablemodel.h"
#include "ui/mainwindow.h"
#include "ui/nichelistmodel.h"
#include "ui/nichestab.h"
#include "ui/removerecord.h"
#include "ui/undocontext.h"

namespace rapport::ui {
namespace {

using test::TempFolder;

class PlanningWindowTest : public ::testing::Test {
protected:
    void SetUp() override { test::clearSettings(); }
    void TearDown() override { test::clearSettings(); }

    std::unique_ptr<MainWindow> demoWindow() {
        auto store = core::Store::open(m_folder.file("demo.rapport"));
        seedDemoWorkspace(*store, kDemoAnchor);
        auto window = std::make_unique<MainWindow>(std::move(store), m_clock);
        window->setCurrentPage(MainWindow::GoalsAndNiches);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        return window;
    }

    static GoalsPage* planning(const MainWindow& window) {
        return qobject_cast<GoalsPage*>(window.page(MainWindow::GoalsAndNiches));
    }

    TempFolder m_folder;
    // The Wednesday of the demo's week.
    core::FixedClock m_clock{*core::parseInstant("2026-11-25T15:00:00Z")};
};

TEST_F(PlanningWindowTest, ShowsTheDemoInFourTabs) {
    auto window = demoWindow();
    GoalsPage* page = planning(*window);
    ASSERT_NE(page, nullptr);
    core::Store& store = window->store();
    QTabWidget* tabs = page->tabs();
    ASSERT_EQ(tabs->count(), 4);
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("Goals"));
    EXPECT_EQ(tabs->tabText(3), QStringLiteral("Campaigns"));
    EXPECT_EQ(page->goals()->model()->rowCount(), store.count<core::Goal>());
    EXPECT_EQ(page->niches()->model()->rowCount(), store.count<core::Niche>());
    EXPECT_EQ(page->channels()->model()->rowCount(), store.count<core::Channel>());
    EXPECT_EQ(page->campaigns()->model()->rowCount(), store.count<core::Campaign>());
    EXPECT_TRUE(page->headerText().startsWith(QStringLiteral("4 goals \u00b7 2 niches")));

    // The demo's audience goal is the vanity one, with its card.
    GoalsTab* goals = page->goals();
    for (const auto& goal : store.list<core::Goal>()) {
        goals->select(goal.id);
        EXPECT_EQ(goals->vanityCard()->isVisible(), goal.metric == core::MetricKind::AudienceSize)
            << goal.title;
    }
}

TEST_F(PlanningWindowTest, TheEditMenuUndoesAndRedoesWithTheUsualKeys) {
    auto window = demoWindow();
    QAction* undo = window->undoAction();
    QAction* redo = window->redoAction();
    EXPECT_TRUE(undo->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Z"))));
    EXPECT_TRUE(redo->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Shift+Z"))));
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        EXPECT_TRUE(redo->shortcuts().contains(key)) << key.toString().toStdString();
    }
    EXPECT_FALSE(undo->isEnabled());

    GoalsTab* goals = planning(*window)->goals();
    const core::Id goal = window->store().list<core::Goal>().front().id;
    const auto count = window->store().count<core::Goal>();
    goals->deleteGoal(goal);
    EXPECT_EQ(window->store().count<core::Goal>(), count - 1);
    ASSERT_TRUE(undo->isEnabled());
    EXPECT_TRUE(undo->text().startsWith(QStringLiteral("&Undo Delete goal")))
        << undo->text().toStdString();

    // The keys, as the user presses them, with the table focused.
    goals->view()->setFocus();
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+Z")));
    EXPECT_EQ(window->store().count<core::Goal>(), count);
    EXPECT_TRUE(redo->isEnabled());
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+Shift+Z")));
    EXPECT_EQ(window->store().count<core::Goal>(), count - 1);
    undo->trigger();
    EXPECT_EQ(window->store().count<core::Goal>(), count);
    EXPECT_TRUE(window->store().find<core::Goal>(goal));
}

TEST_F(PlanningWindowTest, OpeningAnotherWorkspaceForgetsTheUndoHistory) {
    auto window = demoWindow();
    core::Channel c = core::Channel::withDefaults(core::ChannelKind::Podcast);
    c.name = "The Small Shop Show";
    window->undoContext().perform(std::make_unique<AddRecord<core::Channel>>(
        window->undoContext(), c, QStringLiteral("Add channel")));
    ASSERT_GE(window->undoStack()->count(), 1);

    const QString other = m_folder.path("other.rapport");
    { core::Store::open(other.toStdString()); }
    ASSERT_TRUE(window->openWorkspace(other));
    EXPECT_EQ(window->undoStack()->count(), 0);
    EXPECT_FALSE(window->undoAction()->isEnabled());
    // The new workspace's pages send their edits to the same stack.
    c.name = "Fresh";
    window->undoContext().perform(std::make_unique<AddRecord<core::Channel>>(
        window->undoContext(), c, QStringLiteral("Add channel")));
    EXPECT_EQ(window->undoStack()->count(), 1);
    EXPECT_EQ(planning(*window)->channels()->model()->rowCount(), 1);
}

TEST_F(PlanningWindowTest, ARestoreForgetsTheUndoHistory) {
    auto window =
        std::make_unique<MainWindow>(core::Store::open(m_folder.file("blank.rapport")), m_clock);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    core::Channel c = core::Channel::withDefaults(core::ChannelKind::Blog);
    c.name = "Blog";
    window->undoContext().perform(std::make_unique<AddRecord<core::Channel>>(
        window->undoContext(), c, QStringLiteral("Add channel")));
    window->undoStack()->undo();  // empty again, with a redo waiting
    ASSERT_EQ(window->undoStack()->count(), 1);
    ASSERT_TRUE(window->redoAction()->isEnabled());

    const QString backup = m_folder.path("backup.json");
    core::workspacejson::writeFile(backup.toStdString(),
                                   core::workspacejson::toText(loadDemoWorkspace(kDemoAnchor)));
    QSignalSpy finished(window.get(), &MainWindow::restoreFinished);
    window->restoreFrom(backup);
    ASSERT_TRUE(test::waitUntil([&] { return finished.size() > 0; }));
    ASSERT_EQ(finished.at(0).at(0).value<RestoreTask::Outcome>(), RestoreTask::Outcome::Restored);
    EXPECT_EQ(window->undoStack()->count(), 0);
    EXPECT_FALSE(window->redoAction()->isEnabled());
    EXPECT_GT(window->store().count<core::Channel>(), 0);
}

}  // namespace
}  // namespace rapport::ui
