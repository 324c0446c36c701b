#pragma once

#include <QIcon>
#include <QObject>
#include <QString>

#include <optional>

#include "core/clock.h"
#include "core/store.h"

class QSystemTrayIcon;
class QTimer;

namespace rapport::ui {

/// The tray icon: how many contacts need you today (overdue plus due today) in its tooltip and
/// as a badge on the icon, a desktop notification once a day when that queue is not empty, and
/// a click that asks for the Relationships page. The count follows the workspace (debounced)
/// and the date (a timer at the workspace's midnight). Without a system tray (offscreen, some
/// desktops) there is no icon, and the count and message are still there to read.
class FollowUpTray : public QObject {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 400;

    FollowUpTray(core::Store& store, const core::Clock& clock, QObject* parent = nullptr);
    ~FollowUpTray() override;

    /// Follows another workspace (the main window opened one); null follows none.
    void setStore(core::Store* store);

    /// Contacts that need you today: overdue plus due today.
    int count() const { return m_count; }
    /// "3 follow-ups need you today (1 overdue)".
    QString toolTip() const;
    /// The day's notification text; empty when nobody needs you.
    QString message() const;
    /// The notification shown last, and for which workspace day ("yyyy-MM-dd").
    QString lastNotifiedDay() const { return m_lastNotified; }
    /// The icon as shown, its badge drawn with QPainter.
    QIcon icon() const { return m_icon; }
    /// Null when the system has no tray.
    QSystemTrayIcon* trayIcon() const { return m_tray; }

    /// Counts again now (the debounce and the midnight timer end here), and notifies when the
    /// day's notification is still due.
    void refresh();
    /// Milliseconds from the clock's now to the workspace's next midnight.
    qint64 msUntilMidnight() const;

    /// The tray icon with a badge saying `count` (none for 0), `size` pixels square.
    static QIcon badgeIcon(int count, int size = 64);

signals:
    void countChanged(int count);
    /// The day's notification went out (to the tray, when there is one).
    void notified(const QString& message);
    /// The icon or its notification was clicked: show the Relationships page.
    void openRequested();

private:
    void scheduleRefresh();
    void armMidnight();

    core::Store* m_store;
    const core::Clock& m_clock;
    core::Subscription m_subscription;
    QSystemTrayIcon* m_tray = nullptr;
    QTimer* m_debounce;
    QTimer* m_midnight;
    int m_count = 0;
    int m_overdue = 0;
    QString m_day;
    QString m_lastNotified;
    QIcon m_icon;
};

}  // namespace rapport::ui
