#include "ui/calendarpage.h"

#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/clock.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/recordlist.h"
#include "ui/roles.h"

namespace rapport::ui {

CalendarPage::CalendarPage(core::Store& store, QWidget* parent)
    : Page(store, tr("Calendar"), parent), m_list(new RecordList(this)) {
    contentLayout()->addWidget(m_list);
}

void CalendarPage::rebuild() {
    core::Store& s = store();
    const std::string zone = s.timeZone();
    std::unordered_map<core::Id, QString> channelNames;
    for (const auto& c : s.list<core::Channel>()) {
        channelNames.emplace(c.id, qs(c.name));
    }

    auto posts = s.list<core::Post>();
    // Scheduled posts by time, then the ones without a time (ideas and drafts) by id, which is
    // the order they were written down in.
    std::stable_sort(posts.begin(), posts.end(), [](const core::Post& a, const core::Post& b) {
        if (a.scheduledAt.has_value() != b.scheduledAt.has_value()) {
            return a.scheduledAt.has_value();
        }
        if (a.scheduledAt && *a.scheduledAt != *b.scheduledAt) {
            return *a.scheduledAt < *b.scheduledAt;
        }
        return a.id < b.id;
    });

    std::int64_t scheduled = 0;
    std::int64_t published = 0;
    std::int64_t unscheduled = 0;
    for (const auto& p : posts) {
        scheduled += p.status == core::PostStatus::Scheduled ? 1 : 0;
        published += p.status == core::PostStatus::Published ? 1 : 0;
        unscheduled += p.scheduledAt ? 0 : 1;
    }
    setHeaderText(
        QStringList{countOf(static_cast<std::int64_t>(posts.size()), tr("post"), tr("posts")),
                    tr("%1 scheduled").arg(scheduled), tr("%1 published").arg(published),
                    tr("%1 without a time").arg(unscheduled), tr("times in %1").arg(qs(zone))}
            .join(dot()));

    const core::Date today = core::localDate(core::SystemClock{}.now(), zone);
    QListWidgetItem* todayOrLater = nullptr;
    std::optional<core::Date> day;
    bool unscheduledHeading = false;

    m_list->beginRebuild();
    if (posts.empty()) {
        m_list->addNote(tr("No posts yet. Plan value first: give, then ask."));
    }
    for (const auto& p : posts) {
        QStringList facts{channelNames[p.channelId], words(p.purpose), words(p.status)};
        if (p.scheduledAt) {
            const core::Date local = core::localDate(*p.scheduledAt, zone);
            if (!day || *day != local) {
                day = local;
                m_list->addSection(local == today ? tr("Today, %1").arg(formatLongDate(local))
                                                  : formatLongDate(local));
                if (!todayOrLater && local >= today) {
                    todayOrLater = m_list->item(m_list->count() - 1);
                }
            }
            const QString time = formatTime(core::localTimeOfDay(*p.scheduledAt, zone));
            m_list->addRecord(time + QStringLiteral("   ") + qs(p.title), facts.join(dot()), p.id);
        } else {
            if (!unscheduledHeading) {
                unscheduledHeading = true;
                m_list->addSection(tr("Ideas and drafts without a time"));
            }
            m_list->addRecord(qs(p.title), facts.join(dot()), p.id);
        }
    }
    m_list->endRebuild();

    // On first sight the calendar opens at today, not at the oldest published post; after that
    // the reader's own scrolling is kept.
    if (!m_scrolledToToday && todayOrLater) {
        m_scrolledToToday = true;
        m_list->scrollToItem(todayOrLater, QAbstractItemView::PositionAtTop);
    }
}

}  // namespace rapport::ui
