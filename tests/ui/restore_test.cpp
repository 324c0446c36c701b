// Restoring a JSON backup through the main window's code path: into an empty workspace, over a
// full one after confirming (with the automatic backup first), cancelled (nothing changes), and
// refused (the sentence is shown, nothing changes). The worker itself is tested bare too.

#include <QDir>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "testsupport.h"
#include "ui/contacttablemodel.h"
#include "ui/dashboardpage.h"
#include "ui/demoworkspace.h"
#include "ui/mainwindow.h"
#include "ui/relationshipspage.h"

namespace rapport::ui {
namespace {

using Outcome = RestoreTask::Outcome;
using test::TempFolder;
using test::waitUntil;

class RestoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::clearSettings();
        m_backup = loadDemoWorkspace(kDemoAnchor);
        m_backupPath = m_folder.path("backup.json");
        core::workspacejson::writeFile(m_backupPath.toStdString(),
                                       core::workspacejson::toText(m_backup));
    }

    // A workspace file with one contact and one interaction, shown in a window on the
    // Relationships page.
    std::unique_ptr<MainWindow> windowOver(const QString& name, bool withRecords) {
        m_workspacePath = m_folder.path(name);
        auto store = core::Store::open(m_workspacePath.toStdString());
        if (withRecords) {
            const auto keep = test::addContact(*store, "Keep Me");
            test::addInteraction(*store, keep);
        }
        auto window = std::make_unique<MainWindow>(std::move(store), m_clock);
        window->setCurrentPage(MainWindow::Relationships);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        return window;
    }

    static ContactTableModel* contacts(const MainWindow& window) {
        return qobject_cast<RelationshipsPage*>(window.page(MainWindow::Relationships))->model();
    }

    static QPushButton* button(QMessageBox* box, const QString& text) {
        for (QAbstractButton* b : box->buttons()) {
            if (b->text() == text) {
                return qobject_cast<QPushButton*>(b);
            }
        }
        return nullptr;
    }

    QStringList automaticBackups() const {
        return QDir(m_folder.path({})).entryList({QStringLiteral("*.before-restore-*.json")});
    }

    // Waits for the window's restore to end and returns how it ended.
    static std::optional<Outcome> waitForRestore(QSignalSpy& finished) {
        if (!waitUntil([&] { return finished.size() > 0; })) {
            return std::nullopt;
        }
        return finished.at(0).at(0).value<Outcome>();
    }

    // 15:15 UTC on Monday 23 November 2026.
    const core::FixedClock m_clock{*core::parseInstant("2026-11-23T15:15:00Z")};
    TempFolder m_folder;
    core::WorkspaceData m_backup;
    QString m_backupPath;
    QString m_workspacePath;
};

TEST_F(RestoreTest, RestoresIntoAnEmptyWorkspaceOffTheGuiThread) {
    auto window = windowOver("empty.rapport", false);
    QSignalSpy finished(window.get(), &MainWindow::restoreFinished);
    window->restoreFrom(m_backupPath);

    // No question for an empty workspace: the restore is under way.
    EXPECT_EQ(test::findVisible<QMessageBox>(window.get(), QStringLiteral("confirmReplace")),
              nullptr);
    ASSERT_NE(window->restoreInProgress(), nullptr);
    EXPECT_EQ(window->restoreInProgress()->recordCount(), m_backup.recordCount());

    ASSERT_EQ(waitForRestore(finished), Outcome::Restored);
    EXPECT_EQ(window->restoreInProgress(), nullptr);
    core::Store& store = window->store();
    EXPECT_EQ(store.count<core::Contact>(), static_cast<std::int64_t>(m_backup.contacts.size()));
    EXPECT_EQ(store.count<core::Post>(), static_cast<std::int64_t>(m_backup.posts.size()));
    EXPECT_EQ(store.info().name, m_backup.info.name);
    // The GUI's own connection heard about the worker's writes, and so did the model.
    EXPECT_EQ(contacts(*window)->rowCount(), static_cast<int>(m_backup.contacts.size()));
    auto* page = window->page(MainWindow::Relationships);
    EXPECT_TRUE(waitUntil([&] {
        return page->headerText().startsWith(
            QStringLiteral("%1 contacts").arg(m_backup.contacts.size()));
    })) << page->headerText().toStdString();
    EXPECT_TRUE(automaticBackups().isEmpty());  // nothing to save first

    // A page that was hidden during the restore reads the new content when it is shown.
    window->setCurrentPage(MainWindow::Dashboard);
    auto* dashboard = qobject_cast<DashboardPage*>(window->page(MainWindow::Dashboard));
    EXPECT_TRUE(waitUntil([&] {
        return dashboard->hasAnswers() &&
               dashboard->goalCards().size() == static_cast<qsizetype>(m_backup.goals.size());
    }));
}

TEST_F(RestoreTest, ReplacesAFullWorkspaceOnlyAfterSavingIt) {
    const test::MachineZone zone("Europe/Berlin");
    auto window = windowOver("full.rapport", true);
    QSignalSpy finished(window.get(), &MainWindow::restoreFinished);
    window->restoreFrom(m_backupPath);

    auto* box = test::findVisible<QMessageBox>(window.get(), QStringLiteral("confirmReplace"));
    ASSERT_NE(box, nullptr);
    QPushButton* replace = button(box, QStringLiteral("Replace everything"));
    ASSERT_NE(replace, nullptr);
    replace->click();

    ASSERT_EQ(waitForRestore(finished), Outcome::Restored);
    core::Store& store = window->store();
    EXPECT_EQ(store.count<core::Contact>(), static_cast<std::int64_t>(m_backup.contacts.size()));
    for (const auto& c : store.list<core::Contact>()) {
        EXPECT_NE(c.displayName, "Keep Me");
    }
    EXPECT_EQ(contacts(*window)->rowCount(), static_cast<int>(m_backup.contacts.size()));

    // The workspace as it was is next to its file, and restorable.
    const QStringList saved = automaticBackups();
    ASSERT_EQ(saved.size(), 1);
    // Named by the window's clock, in the computer's local time (16:15 in Berlin).
    EXPECT_EQ(saved[0], QStringLiteral("full.rapport.before-restore-20261123-161500.json"));
    const auto before =
        core::workspacejson::parse(core::workspacejson::readFile(m_folder.file(saved[0])), "saved");
    ASSERT_EQ(before.contacts.size(), 1u);
    EXPECT_EQ(before.contacts[0].displayName, "Keep Me");
    EXPECT_EQ(before.interactions.size(), 1u);
}

TEST_F(RestoreTest, AnsweringCancelChangesNothing) {
    auto window = windowOver("full.rapport", true);
    QSignalSpy finished(window.get(), &MainWindow::restoreFinished);
    window->restoreFrom(m_backupPath);
    auto* box = test::findVisible<QMessageBox>(window.get(), QStringLiteral("confirmReplace"));
    ASSERT_NE(box, nullptr);
    button(box, QStringLiteral("Cancel"))->click();
    QTest::qWait(20);
    EXPECT_EQ(window->restoreInProgress(), nullptr);
    EXPECT_EQ(finished.size(), 0);
    EXPECT_EQ(window->store().count<core::Contact>(), 1);
    EXPECT_TRUE(automaticBackups().isEmpty());
}

TEST_F(RestoreTest, CancellingTheRestoreLeavesTheWorkspaceUnchanged) {
    auto window = windowOver("full.rapport", true);
    QSignalSpy finished(window.get(), &MainWindow::restoreFinished);
    QSignalSpy reset(contacts(*window), &QAbstractItemModel::modelReset);
    window->restoreFrom(m_backupPath);
    auto* box = test::findVisible<QMessageBox>(window.get(), QStringLiteral("confirmReplace"));
    ASSERT_NE(box, nullptr);
    button(box, QStringLiteral("Replace everything"))->click();

    // The user presses Cancel on the progress dialog. The worker starts from the event loop,
    // so it meets the cancel at its first progress report, having already deleted the old
    // records inside its transaction: the rollback is what keeps them.
    auto* progress = window->findChild<QProgressDialog*>(QStringLiteral("restoreProgress"));
    ASSERT_NE(progress, nullptr);
    auto* cancel = progress->findChild<QPushButton*>();
    ASSERT_NE(cancel, nullptr);
    EXPECT_EQ(cancel->text(), QStringLiteral("Cancel"));
    cancel->click();

    ASSERT_EQ(waitForRestore(finished), Outcome::Cancelled);
    EXPECT_EQ(window->restoreInProgress(), nullptr);
    core::Store& store = window->store();
    ASSERT_EQ(store.count<core::Contact>(), 1);
    EXPECT_EQ(store.list<core::Contact>()[0].displayName, "Keep Me");
    EXPECT_EQ(store.count<core::Interaction>(), 1);
    EXPECT_EQ(store.count<core::Post>(), 0);
    EXPECT_NE(store.info().name, m_backup.info.name);
    EXPECT_EQ(contacts(*window)->rowCount(), 1);
    EXPECT_EQ(reset.size(), 0);  // nothing changed, so nothing to read again

    // A fresh connection agrees: the file itself is as it was.
    auto again = core::Store::open(m_workspacePath.toStdString());
    EXPECT_EQ(again->count<core::Contact>(), 1);
    EXPECT_EQ(again->count<core::Post>(), 0);
}

TEST_F(RestoreTest, ABrokenBackupIsRefusedWithItsReason) {
    auto window = windowOver("full.rapport", true);
    std::string text = core::workspacejson::toText(m_backup);
    const auto at = text.find("\"stage\": \"");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 10, "best-");  // "best-follower" is no stage
    const QString broken = m_folder.path("broken.json");
    core::workspacejson::writeFile(broken.toStdString(), text);

    QSignalSpy finished(window.get(), &MainWindow::restoreFinished);
    window->restoreFrom(broken);
    auto* box = test::findVisible<QMessageBox>(window.get(), QStringLiteral("errorMessage"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral(".stage"))) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("Nothing was changed.")));
    EXPECT_EQ(test::findVisible<QMessageBox>(window.get(), QStringLiteral("confirmReplace")),
              nullptr);
    EXPECT_EQ(window->restoreInProgress(), nullptr);
    EXPECT_EQ(window->store().count<core::Contact>(), 1);
    EXPECT_TRUE(automaticBackups().isEmpty());
}

TEST_F(RestoreTest, RestoresAScratchWorkspaceInMemoryInPlace) {
    // No second connection can reach a private in-memory database, so this one is restored on
    // the GUI thread; it must still end the same way.
    MainWindow window(core::Store::openInMemory());
    QSignalSpy finished(&window, &MainWindow::restoreFinished);
    window.restoreFrom(m_backupPath);
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(finished.at(0).at(0).value<Outcome>(), Outcome::Restored);
    EXPECT_EQ(contacts(window)->rowCount(), static_cast<int>(m_backup.contacts.size()));
}

TEST_F(RestoreTest, WorkerReportsEveryEndingAsAValue) {
    const std::string path = m_folder.file("bare.rapport");
    core::Store::open(path);  // an empty workspace file

    const auto cancelled = RestoreTask::run(path, m_backup, core::workspacejson::Existing::Refuse,
                                            [](std::size_t, std::size_t) { return false; });
    EXPECT_EQ(cancelled.outcome, Outcome::Cancelled);
    EXPECT_EQ(cancelled.message, QStringLiteral("Cancelled; nothing was changed."));
    EXPECT_TRUE(core::Store::open(path)->isEmpty());

    std::size_t lastTotal = 0;
    const auto restored = RestoreTask::run(path, m_backup, core::workspacejson::Existing::Refuse,
                                           [&](std::size_t, std::size_t total) {
                                               lastTotal = total;
                                               return true;
                                           });
    EXPECT_EQ(restored.outcome, Outcome::Restored);
    EXPECT_EQ(lastTotal, m_backup.recordCount());

    // Again without Replace: refused, with core's sentence.
    const auto refused =
        RestoreTask::run(path, m_backup, core::workspacejson::Existing::Refuse, {});
    EXPECT_EQ(refused.outcome, Outcome::Failed);
    EXPECT_TRUE(refused.message.contains(QStringLiteral("already holds records")));

    const auto unopenable = RestoreTask::run(m_folder.file("no/such/folder/x.rapport"), m_backup,
                                             core::workspacejson::Existing::Refuse, {});
    EXPECT_EQ(unopenable.outcome, Outcome::Failed);
    EXPECT_TRUE(unopenable.message.contains(QStringLiteral("does not exist")));
}

// The stage history dates a change by the window's clock in the workspace's zone, in the store
// it was built with and in any store that replaces it (a restore, File > Open).
TEST_F(RestoreTest, TheWindowsClockDatesStageChangesInEveryStoreItShows) {
    // 04:30 UTC on Sunday 03-08 is still Saturday 03-07 in Los Angeles.
    const core::FixedClock clock{*core::parseInstant("2026-03-08T04:30:00Z")};
    const auto lastChange = [](core::Store& store, core::Id contact) {
        auto s = store.db().prepare(
            "SELECT changed_on FROM stage_changes WHERE contact_id = ?1 ORDER BY changed_on "
            "DESC LIMIT 1");
        s.bind(1, contact);
        return s.step() ? s.text(0) : std::string{};
    };
    const auto changeStage = [](core::Store& store) {
        store.setInfo({"LA", "America/Los_Angeles"});
        auto c = test::makeContact("Stage Mover");
        c.createdOn = *core::parseDate("2026-01-05");
        store.add(c);
        c.stage = core::Stage::Relationship;
        store.update(c);
        return c.id;
    };
    MainWindow window{core::Store::openInMemory(), clock};
    const auto first = changeStage(window.store());
    EXPECT_EQ(lastChange(window.store(), first), "2026-03-07");
    window.setStore(core::Store::openInMemory());
    const auto second = changeStage(window.store());
    EXPECT_EQ(lastChange(window.store(), second), "2026-03-07");
}

}  // namespace
}  // namespace rapport::ui
