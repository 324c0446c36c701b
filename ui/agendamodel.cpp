#include "ui/agendamodel.h"

#include <QBrush>

#include "ui/calendaritem.h"
#include "ui/displaytext.h"
#include "ui/postchip.h"

namespace rapport::ui {

AgendaModel::AgendaModel(QObject* parent) : QAbstractListModel(parent) {}

void AgendaModel::setItems(std::vector<const CalendarItem*> items) {
    beginResetModel();
    m_items = std::move(items);
    m_fetched = std::min(kChunk, static_cast<int>(m_items.size()));
    endResetModel();
}

const CalendarItem* AgendaModel::itemAt(int row) const {
    return row >= 0 && row < m_fetched ? m_items[static_cast<std::size_t>(row)] : nullptr;
}

int AgendaModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_fetched;
}

QVariant AgendaModel::data(const QModelIndex& index, int role) const {
    const CalendarItem* item = itemAt(index.row());
    if (!item) {
        return {};
    }
    switch (role) {
        case Qt::DisplayRole: {
            QString text =
                QStringLiteral("%1   %2   %3")
                    .arg(formatDate(fromQDate(item->day)),
                         formatTime(core::TimeOfDay{item->minutes}), qs(item->post.title));
            text += QStringLiteral("   —   ") + item->channel + dot() + words(item->post.purpose) +
                    dot() + words(item->post.status);
            if (!item->flags.isEmpty()) {
                text += QStringLiteral("   ⚠ ") + item->flags.first();
            }
            return text;
        }
        case Qt::DecorationRole:
            return item->colour;
        case Qt::ToolTipRole:
            return chipToolTip(*item);
        default:
            return {};
    }
}

bool AgendaModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_fetched < static_cast<int>(m_items.size());
}

void AgendaModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid()) {
        return;
    }
    const int more = std::min(kChunk, static_cast<int>(m_items.size()) - m_fetched);
    if (more <= 0) {
        return;
    }
    beginInsertRows({}, m_fetched, m_fetched + more - 1);
    m_fetched += more;
    endInsertRows();
}

}  // namespace rapport::ui
