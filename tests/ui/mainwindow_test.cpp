// The main window over the demo workspace: its navigation, its pages and their counts, the
// File menu's open and new, and the geometry and page it remembers.

#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <fstream>

#include "core/recurrence.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/calendarpage.h"
#include "ui/contacttablemodel.h"
#include "ui/dashboardpage.h"
#include "ui/demoworkspace.h"
#include "ui/displaytext.h"
#include "ui/goalspage.h"
#include "ui/goalstab.h"
#include "ui/goaltablemodel.h"
#include "ui/mainwindow.h"
#include "ui/recordlist.h"
#include "ui/relationshipspage.h"
#include "ui/roles.h"

namespace rapport::ui {
namespace {

using test::TempFolder;
using test::waitUntil;

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override { test::clearSettings(); }
    void TearDown() override { test::clearSettings(); }

    std::unique_ptr<MainWindow> demoWindow() {
        auto store = core::Store::open(m_folder.file("demo.rapport"));
        seedDemoWorkspace(*store, kDemoAnchor);
        auto window = std::make_unique<MainWindow>(std::move(store));
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        return window;
    }

    TempFolder m_folder;
};

TEST_F(MainWindowTest, ShowsSixPagesInTheNavigation) {
    auto window = demoWindow();
    QListWidget* nav = window->navigation();
    ASSERT_EQ(nav->count(), 6);
    const QStringList expected{"Dashboard",     "Goals & Niches", "Calendar",
                               "Relationships", "Sequences",      "Ideas"};
    for (int i = 0; i < nav->count(); ++i) {
        EXPECT_EQ(nav->item(i)->text(), expected[i]);
        EXPECT_FALSE(nav->item(i)->icon().isNull());
        EXPECT_EQ(window->page(i)->title(), expected[i]);
    }
    EXPECT_EQ(window->currentPage(), MainWindow::Dashboard);
}

TEST_F(MainWindowTest, FileAndHelpMenusOfferTheWorkspaceActions) {
    auto window = demoWindow();
    QStringList texts;
    QAction* quit = nullptr;
    for (QAction* menu : window->menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            if (!action->isSeparator()) {
                texts << action->text().remove(QLatin1Char('&'));
            }
            if (action->text() == QStringLiteral("&Quit")) {
                quit = action;
            }
        }
    }
    EXPECT_EQ(texts,
              (QStringList{"New workspace…", "Open…", "Back up to JSON…", "Restore from JSON…",
                           "Weekly review…", "Quit", "Undo", "Redo", "Import contacts…",
                           "Find duplicates…", "Export contacts (CSV)…", "Export contacts (vCard)…",
                           "Export follow-ups (iCalendar)…", "About Rapport"}));
    ASSERT_NE(quit, nullptr);
    EXPECT_EQ(quit->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
    quit->trigger();
    EXPECT_FALSE(window->isVisible());
}

TEST_F(MainWindowTest, SwitchesPagesFromTheNavigation) {
    auto window = demoWindow();
    auto* stack = window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    ASSERT_NE(stack, nullptr);
    for (int i = MainWindow::PageCount - 1; i >= 0; --i) {
        window->navigation()->setCurrentRow(i);
        EXPECT_EQ(stack->currentIndex(), i);
        EXPECT_EQ(window->currentPage(), i);
        Page* page = window->page(i);
        EXPECT_TRUE(page->isVisible());
        EXPECT_FALSE(page->isStale()) << page->title().toStdString();
        EXPECT_FALSE(page->headerText().isEmpty()) << page->title().toStdString();
    }
}

TEST_F(MainWindowTest, PageHeadersCountWhatTheStoreHolds) {
    auto window = demoWindow();
    core::Store& store = window->store();

    auto* dashboard = qobject_cast<DashboardPage*>(window->page(MainWindow::Dashboard));
    ASSERT_NE(dashboard, nullptr);
    // The dashboard's figures come from a worker; a card per goal once they are in.
    ASSERT_TRUE(waitUntil([&] { return dashboard->hasAnswers(); }));
    EXPECT_EQ(dashboard->goalCards().size(), store.count<core::Goal>());

    window->setCurrentPage(MainWindow::Relationships);
    auto* people = qobject_cast<RelationshipsPage*>(window->page(MainWindow::Relationships));
    ASSERT_NE(people, nullptr);
    const QString header = people->headerText();
    EXPECT_TRUE(header.startsWith(QStringLiteral("%1 contacts \u00b7 %2 interactions")
                                      .arg(store.count<core::Contact>())
                                      .arg(store.count<core::Interaction>())))
        << header.toStdString();
    EXPECT_EQ(people->view()->model()->rowCount(), store.count<core::Contact>());

    window->setCurrentPage(MainWindow::GoalsAndNiches);
    auto* goals = qobject_cast<GoalsPage*>(window->page(MainWindow::GoalsAndNiches));
    ASSERT_NE(goals, nullptr);
    EXPECT_TRUE(
        goals->headerText().startsWith(QStringLiteral("%1 goals").arg(store.count<core::Goal>())));
    GoalTableModel* model = goals->goals()->model();
    EXPECT_EQ(model->rowCount(), store.count<core::Goal>());
    for (const auto& goal : store.list<core::Goal>()) {
        const int row = model->rowOf(goal.id);
        ASSERT_GE(row, 0) << goal.title;
        EXPECT_EQ(model->index(row, GoalTableModel::Title).data().toString(), qs(goal.title));
    }
}

TEST_F(MainWindowTest, CalendarShowsTheMonthsPostsInTimeOrder) {
    auto window = demoWindow();
    window->setCurrentPage(MainWindow::Calendar);
    auto* calendar = qobject_cast<CalendarPage*>(window->page(MainWindow::Calendar));
    ASSERT_NE(calendar, nullptr);
    core::Store& store = window->store();
    EXPECT_TRUE(calendar->headerText().contains(qs(store.timeZone())));
    const auto expected = core::effectivePosts(store, fromQDate(calendar->rangeFrom()),
                                               fromQDate(calendar->rangeTo()));
    ASSERT_EQ(calendar->visibleItems().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(calendar->visibleItems()[i]->post.id, expected[i].id);
        EXPECT_EQ(calendar->visibleItems()[i]->post.scheduledAt, expected[i].scheduledAt);
    }
}

TEST_F(MainWindowTest, AVisiblePageFollowsChangesInTheStore) {
    auto window = demoWindow();
    window->setCurrentPage(MainWindow::Relationships);
    auto* people = qobject_cast<RelationshipsPage*>(window->page(MainWindow::Relationships));
    const auto before = window->store().count<core::Contact>();

    test::addContact(window->store(), "Newly Met");
    EXPECT_EQ(people->model()->rowCount(), before + 1);  // the model at once
    EXPECT_TRUE(waitUntil([&] {
        return people->headerText().startsWith(QStringLiteral("%1 contacts").arg(before + 1));
    })) << people->headerText().toStdString();
}

TEST_F(MainWindowTest, StatusBarShowsTheWorkspace) {
    auto window = demoWindow();
    auto* path = window->findChild<QLabel*>(QStringLiteral("workspacePath"));
    auto* info = window->findChild<QLabel*>(QStringLiteral("workspaceInfo"));
    ASSERT_NE(path, nullptr);
    ASSERT_NE(info, nullptr);
    EXPECT_TRUE(path->text().endsWith(QStringLiteral("demo.rapport")));
    EXPECT_TRUE(info->text().contains(qs(window->store().timeZone())));
    EXPECT_TRUE(info->text().contains(qs(window->store().info().name)));
}

TEST_F(MainWindowTest, OpenKeepsTheCurrentWorkspaceWhenTheFileIsNotOne) {
    auto window = demoWindow();
    const QString bad = m_folder.path("notes.rapport");
    std::ofstream(bad.toStdString()) << "these are my notes, not a database\n";
    QSignalSpy replaced(window.get(), &MainWindow::storeReplaced);

    EXPECT_FALSE(window->openWorkspace(bad));
    EXPECT_EQ(replaced.size(), 0);
    EXPECT_TRUE(window->store().path().ends_with("demo.rapport"));
    auto* box = test::findVisible<QMessageBox>(window.get(), QStringLiteral("errorMessage"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("not a Rapport workspace")))
        << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("current workspace stays open")));
}

TEST_F(MainWindowTest, OpenShowsAnotherWorkspace) {
    auto window = demoWindow();
    const QString other = m_folder.path("other.rapport");
    {
        auto store = core::Store::open(other.toStdString());
        test::addContact(*store, "Only One");
    }
    window->setCurrentPage(MainWindow::Relationships);
    ASSERT_TRUE(window->openWorkspace(other));
    EXPECT_EQ(window->store().count<core::Contact>(), 1);
    EXPECT_EQ(window->currentPage(), MainWindow::Relationships);  // the reader stays put
    auto* people = qobject_cast<RelationshipsPage*>(window->page(MainWindow::Relationships));
    EXPECT_EQ(people->model()->rowCount(), 1);
    EXPECT_TRUE(people->headerText().startsWith(QStringLiteral("1 contact \u00b7")));
}

TEST_F(MainWindowTest, AnEmptyWorkspaceSaysSoInsteadOfShowingNothing) {
    MainWindow window(core::Store::open(m_folder.file("blank.rapport")));
    window.setCurrentPage(MainWindow::Relationships);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* note =
        window.page(MainWindow::Relationships)->findChild<QLabel*>(QStringLiteral("emptyNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->isVisible());
    EXPECT_TRUE(window.page(MainWindow::Relationships)
                    ->headerText()
                    .startsWith(QStringLiteral("0 contacts \u00b7 0 interactions")));

    test::addContact(window.store(), "First Friend");
    EXPECT_TRUE(waitUntil([&] { return !note->isVisible(); }));
}

TEST_F(MainWindowTest, NewWorkspaceStartsEmptyOrWithTheDemo) {
    auto window = demoWindow();
    ASSERT_TRUE(window->createWorkspace(m_folder.path("empty.rapport"),
                                        NewWorkspaceDialog::Content::Empty));
    EXPECT_TRUE(window->store().isEmpty());
    EXPECT_TRUE(window->store().path().ends_with("empty.rapport"));

    ASSERT_TRUE(
        window->createWorkspace(m_folder.path("learn.rapport"), NewWorkspaceDialog::Content::Demo));
    EXPECT_GT(window->store().count<core::Contact>(), 0);
    EXPECT_GT(window->store().count<core::Post>(), 0);

    // An existing file is never overwritten by "New".
    EXPECT_FALSE(window->createWorkspace(m_folder.path("learn.rapport"),
                                         NewWorkspaceDialog::Content::Empty));
    EXPECT_GT(window->store().count<core::Contact>(), 0);
}

TEST_F(MainWindowTest, ANewDemoWorkspaceLandsInTheWeekOfTheWindowsClock) {
    // Thursday 10 December 2026 by the window's clock: the demo's week is that of Monday 7th.
    const core::FixedClock clock{*core::parseInstant("2026-12-10T15:00:00Z")};
    MainWindow window(core::Store::openInMemory(), clock);
    ASSERT_TRUE(
        window.createWorkspace(m_folder.path("learn.rapport"), NewWorkspaceDialog::Content::Demo));
    const auto expected = loadDemoWorkspace(*core::parseDate("2026-12-07"));
    ASSERT_EQ(window.store().count<core::Goal>(), static_cast<std::int64_t>(expected.goals.size()));
    for (const auto& goal : expected.goals) {
        EXPECT_EQ(window.store().get<core::Goal>(goal.id).deadline, goal.deadline) << goal.title;
    }
}

TEST_F(MainWindowTest, BacksUpTheWholeWorkspace) {
    auto window = demoWindow();
    const QString backup = m_folder.path("backup.json");
    ASSERT_TRUE(window->backUpTo(backup));
    const auto data =
        core::workspacejson::parse(core::workspacejson::readFile(backup.toStdString()), "backup");
    EXPECT_EQ(data.contacts.size(),
              static_cast<std::size_t>(window->store().count<core::Contact>()));
    EXPECT_EQ(data.info.name, window->store().info().name);
}

TEST_F(MainWindowTest, RemembersGeometryAndPageAcrossWindows) {
    QSize size;
    {
        auto window = demoWindow();
        window->resize(980, 610);
        window->setCurrentPage(MainWindow::Sequences);
        QTest::qWait(10);
        size = window->size();
        EXPECT_EQ(size.height(), 610);
        window->close();
    }
    auto store = core::Store::open(m_folder.file("demo.rapport"));
    MainWindow second(std::move(store));
    EXPECT_EQ(second.size(), size);
    EXPECT_EQ(second.currentPage(), MainWindow::Sequences);

    // And without settings, a sensible default instead of a tiny window.
    test::clearSettings();
    MainWindow fresh(core::Store::openInMemory());
    EXPECT_GE(fresh.width(), 900);
    EXPECT_EQ(fresh.currentPage(), MainWindow::Dashboard);
}

}  // namespace
}  // namespace rapport::ui
