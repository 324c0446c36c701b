// The tray's follow-up count: overdue plus today, updated (debounced) after the workspace
// changes and when the day changes, a notification once per day, and nothing to show where the
// system has no tray (offscreen), while the count and message can still be read.

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>

#include <gtest/gtest.h>

#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/followuptray.h"
#include "ui/mainwindow.h"

namespace rapport::ui {
namespace {

using test::waitUntil;

class FollowUpTrayTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::clearSettings();
        m_store = core::Store::openInMemory();  // UTC
    }

    // A contact with no cadence, who last wrote to us on 20 November: a reply is owed since.
    core::Id owedReply(const std::string& name) {
        auto c = test::makeContact(name);
        c.cadenceNever = true;
        const auto id = m_store->add(c);
        test::addInteraction(*m_store, id);
        return id;
    }

    void logReply(core::Id contact) {
        core::Interaction i;
        i.contactId = contact;
        i.at = *core::parseInstant("2026-11-25T10:00:00Z");
        i.kind = core::InteractionKind::Reply;
        i.direction = core::Direction::Outbound;
        m_store->add(i);
    }

    core::FixedClock m_clock{*core::parseInstant("2026-11-25T12:00:00Z")};
    std::unique_ptr<core::Store> m_store;
};

TEST_F(FollowUpTrayTest, CountFollowsLoggedInteractions) {
    const auto ana = owedReply("Ana");
    const auto ben = owedReply("Ben");
    FollowUpTray tray(*m_store, m_clock);
    EXPECT_EQ(tray.trayIcon() != nullptr, QSystemTrayIcon::isSystemTrayAvailable());
    EXPECT_EQ(tray.count(), 2);
    EXPECT_EQ(tray.toolTip(), QStringLiteral("Rapport: 2 follow-ups need you today (2 overdue)"));

    QSignalSpy changed(&tray, &FollowUpTray::countChanged);
    logReply(ana);
    // Debounced: not counted at once, counted soon after.
    EXPECT_EQ(tray.count(), 2);
    ASSERT_TRUE(waitUntil([&] { return tray.count() == 1; }, 3000));
    EXPECT_EQ(changed.size(), 1);
    logReply(ben);
    ASSERT_TRUE(waitUntil([&] { return tray.count() == 0; }, 3000));
    EXPECT_EQ(tray.toolTip(), QStringLiteral("Rapport: nobody needs a follow-up today"));
    EXPECT_TRUE(tray.message().isEmpty());
}

TEST_F(FollowUpTrayTest, NotifiesOncePerDayAndAgainAfterMidnight) {
    owedReply("Ana");
    // Made before the tray so it sees the first count and notifies.
    FollowUpTray tray(*m_store, m_clock);
    EXPECT_EQ(tray.lastNotifiedDay(), QStringLiteral("2026-11-25"));
    EXPECT_EQ(tray.message(),
              QStringLiteral("1 contact needs a follow-up today, 1 of them overdue. Click to open "
                             "Relationships."));
    QSignalSpy notified(&tray, &FollowUpTray::notified);
    owedReply("Ben");
    ASSERT_TRUE(waitUntil([&] { return tray.count() == 2; }, 3000));
    EXPECT_EQ(notified.size(), 0);  // the same day: once is enough

    EXPECT_EQ(tray.msUntilMidnight(), 12LL * 3600 * 1000);
    m_clock.set(*core::parseInstant("2026-11-26T00:00:01Z"));
    tray.refresh();
    EXPECT_EQ(notified.size(), 1);
    EXPECT_EQ(tray.lastNotifiedDay(), QStringLiteral("2026-11-26"));

    // A second tray on the same day (the application started again) stays quiet.
    FollowUpTray again(*m_store, m_clock);
    QSignalSpy quiet(&again, &FollowUpTray::notified);
    again.refresh();
    EXPECT_EQ(quiet.size(), 0);
    EXPECT_EQ(QSettings().value(QStringLiteral("tray/lastNotifiedDay")).toString(),
              QStringLiteral("2026-11-26"));
}

TEST_F(FollowUpTrayTest, BadgeIconShowsTheCount) {
    const QImage none = FollowUpTray::badgeIcon(0, 64).pixmap(64, 64).toImage();
    const QImage three = FollowUpTray::badgeIcon(3, 64).pixmap(64, 64).toImage();
    ASSERT_FALSE(none.isNull());
    // The badge sits in the top right corner, in red.
    const QColor corner = three.pixelColor(56, 8);
    EXPECT_GT(corner.red(), 150);
    EXPECT_LT(corner.green(), 120);
    EXPECT_NE(none.pixelColor(56, 8), corner);
}

TEST_F(FollowUpTrayTest, MainWindowOpensRelationshipsWhenAsked) {
    owedReply("Ana");
    MainWindow window(std::move(m_store), m_clock);
    window.setCurrentPage(MainWindow::Dashboard);
    ASSERT_NE(window.followUpTray(), nullptr);
    EXPECT_EQ(window.followUpTray()->count(), 1);
    ASSERT_NE(window.contactsMenu(), nullptr);
    EXPECT_TRUE(window.menuBar()->actions().contains(window.contactsMenu()->menuAction()));
    emit window.followUpTray()->openRequested();
    EXPECT_EQ(window.currentPage(), MainWindow::Relationships);

    // The menu's actions open their dialogs over the window.
    window.show();
    for (const auto& [action, dialog] : {std::pair{"importContacts", "contactImportDialog"},
                                         std::pair{"findDuplicates", "duplicatesDialog"}}) {
        auto* a = window.contactsMenu()->findChild<QAction*>(QString::fromLatin1(action));
        ASSERT_NE(a, nullptr) << action;
        a->trigger();
        QWidget* shown = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w->objectName() == QLatin1String(dialog) && w->isVisible()) {
                shown = w;
            }
        }
        ASSERT_NE(shown, nullptr) << dialog;
        shown->close();
    }
}

}  // namespace
}  // namespace rapport::ui
