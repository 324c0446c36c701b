#include "ui/followuptray.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

#include <algorithm>
#include <exception>

#include "core/followupqueue.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/navicons.h"

namespace rapport::ui {

namespace {

const QString kNotifiedKey = QStringLiteral("tray/lastNotifiedDay");

QString dayKey(core::Date d) {
    return toQDate(d).toString(Qt::ISODate);
}

}  // namespace

FollowUpTray::FollowUpTray(core::Store& store, const core::Clock& clock, QObject* parent)
    : QObject(parent),
      m_store(nullptr),
      m_clock(clock),
      m_debounce(new QTimer(this)),
      m_midnight(new QTimer(this)) {
    m_lastNotified = QSettings().value(kNotifiedKey).toString();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &FollowUpTray::refresh);
    m_midnight->setSingleShot(true);
    connect(m_midnight, &QTimer::timeout, this, &FollowUpTray::refresh);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setObjectName(QStringLiteral("followUpTray"));
        connect(
            m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                    emit openRequested();
                }
            });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &FollowUpTray::openRequested);
        auto* menu = new QMenu;
        menu->addAction(tr("Show follow-ups"), this, &FollowUpTray::openRequested);
        connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
        m_tray->setContextMenu(menu);
    }
    setStore(&store);
}

FollowUpTray::~FollowUpTray() = default;

void FollowUpTray::setStore(core::Store* store) {
    m_subscription.reset();
    m_store = store;
    if (m_store) {
        m_subscription = m_store->subscribe([this](const core::Change& change) {
            if (change.entity == core::Entity::Contact ||
                change.entity == core::Entity::Interaction ||
                change.entity == core::Entity::Enrollment ||
                change.entity == core::Entity::Sequence ||
                change.entity == core::Entity::Workspace) {
                scheduleRefresh();
            }
        });
    }
    refresh();
}

void FollowUpTray::scheduleRefresh() {
    // Changes arrive in bursts (an import, a merge); count once they have settled.
    m_debounce->start();
}

void FollowUpTray::refresh() {
    m_debounce->stop();
    int count = 0;
    int overdue = 0;
    QString day;
    if (m_store) {
        try {
            core::FollowUpQueue queue{*m_store, m_clock};
            const core::Date today = queue.today();
            const auto q = queue.forDay(today);
            overdue = static_cast<int>(q.overdue.size());
            count = overdue + static_cast<int>(q.today.size());
            day = dayKey(today);
        } catch (const std::exception&) {
            // A workspace being replaced or restored: keep what was shown until it settles.
            return;
        }
    }
    const bool changed = count != m_count || m_icon.isNull();
    m_count = count;
    m_overdue = overdue;
    m_day = day;
    if (changed) {
        m_icon = badgeIcon(m_count);
        if (m_tray) {
            m_tray->setIcon(m_icon);
        }
        emit countChanged(m_count);
    }
    if (m_tray) {
        m_tray->setToolTip(toolTip());
        m_tray->setVisible(m_store != nullptr);
    }
    if (m_count > 0 && !m_day.isEmpty() && m_lastNotified != m_day) {
        m_lastNotified = m_day;
        QSettings().setValue(kNotifiedKey, m_lastNotified);
        if (m_tray) {
            m_tray->showMessage(tr("Rapport follow-ups"), message(), m_icon);
        }
        emit notified(message());
    }
    armMidnight();
}

qint64 FollowUpTray::msUntilMidnight() const {
    if (!m_store) {
        return 24LL * 3600 * 1000;
    }
    const std::string zone = m_store->timeZone();
    const core::Instant now = m_clock.now();
    const core::Date today = core::localDate(now, zone);
    const core::Instant next = core::toInstant(core::addDays(today, 1), core::TimeOfDay{0}, zone);
    return std::max<qint64>(0, (next - now).count()) * 1000;
}

void FollowUpTray::armMidnight() {
    // A second past midnight, so the new day has surely begun; at most a day ahead.
    m_midnight->start(
        static_cast<int>(std::min<qint64>(msUntilMidnight() + 1000, 24LL * 3600 * 1000 + 1000)));
}

QString FollowUpTray::toolTip() const {
    if (m_count == 0) {
        return tr("Rapport: nobody needs a follow-up today");
    }
    QString text = tr("Rapport: %1 today")
                       .arg(countOf(m_count, tr("follow-up needs you"), tr("follow-ups need you")));
    if (m_overdue > 0) {
        text += tr(" (%1 overdue)").arg(m_overdue);
    }
    return text;
}

QString FollowUpTray::message() const {
    if (m_count == 0) {
        return {};
    }
    QString text =
        countOf(m_count, tr("contact needs"), tr("contacts need")) + tr(" a follow-up today");
    if (m_overdue > 0) {
        text += tr(", %1 of them overdue").arg(m_overdue);
    }
    return text + tr(". Click to open Relationships.");
}

QIcon FollowUpTray::badgeIcon(int count, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    // A rounded tile in the highlight colour with the Relationships glyph on it.
    const QColor tile = QApplication::palette().color(QPalette::Highlight);
    const qreal inset = size * 0.04;
    const QRectF tileRect(inset, inset, size - 2 * inset, size - 2 * inset);
    p.setPen(Qt::NoPen);
    p.setBrush(tile);
    p.drawRoundedRect(tileRect, size * 0.22, size * 0.22);
    const QIcon glyph = navIcon(NavIcon::Relationships, Qt::white, Qt::white);
    const int g = static_cast<int>(size * 0.62);
    p.drawPixmap(QRect((size - g) / 2, (size - g) / 2, g, g), glyph.pixmap(g, g));
    if (count > 0) {
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        const qreal d = size * (text.size() > 2 ? 0.62 : 0.52);
        const QRectF badge(size - d, 0, d, d * (text.size() > 2 ? 0.84 : 1.0));
        p.setBrush(QColor(0xd3, 0x2f, 0x2f));
        p.setPen(QPen(Qt::white, std::max(1.0, size * 0.04)));
        p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(static_cast<int>(badge.height() * (text.size() > 2 ? 0.5 : 0.62)));
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
    }
    p.end();
    return QIcon(pixmap);
}

}  // namespace rapport::ui
