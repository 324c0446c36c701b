#include "ui/recordlistmodel.h"

#include <QThread>

#include <algorithm>

namespace rapport::ui {

RecordListModel::RecordListModel(core::Store& store, core::Entity entity, QObject* parent)
    : QAbstractListModel(parent), m_store(store), m_entity(entity) {
    m_subscription = m_store.subscribe([this](const core::Change& change) { onChange(change); });
}

int RecordListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return row.text;
        case Qt::ToolTipRole:
            return row.toolTip.isEmpty() ? row.text + QLatin1Char('\n') + row.secondary
                                         : row.toolTip;
        case SecondaryTextRole:
            return row.secondary;
        case RecordIdRole:
            return QVariant::fromValue<qlonglong>(row.id);
        default:
            return {};
    }
}

QHash<int, QByteArray> RecordListModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(SecondaryTextRole, "secondaryText");
    names.insert(RecordIdRole, "recordId");
    return names;
}

core::Id RecordListModel::idAt(int row) const {
    return m_rows.at(static_cast<std::size_t>(row)).id;
}

int RecordListModel::rowOf(core::Id id) const {
    const auto it =
        std::find_if(m_rows.begin(), m_rows.end(), [id](const Row& r) { return r.id == id; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

bool RecordListModel::dependsOn(const core::Change&) const {
    return false;
}

void RecordListModel::reload() {
    beginResetModel();
    m_rows = readAll();
    endResetModel();
}

void RecordListModel::refreshRows() {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        // A row whose record is gone keeps its text until its own Removed arrives.
        auto fresh = readRow(m_rows[i].id);
        if (fresh && !(*fresh == m_rows[i])) {
            m_rows[i] = std::move(*fresh);
            const QModelIndex changed = index(static_cast<int>(i));
            emit dataChanged(changed, changed);
        }
    }
}

void RecordListModel::onChange(const core::Change& change) {
    Q_ASSERT(QThread::currentThread() == thread());
    if (change.entity != m_entity) {
        if (dependsOn(change)) {
            refreshRows();
        }
        return;
    }
    switch (change.kind) {
        case core::ChangeKind::Reset:
            reload();
            return;
        case core::ChangeKind::Added: {
            auto row = readRow(change.id);
            if (!row || rowOf(change.id) >= 0) {
                return;  // gone again already, or known: nothing to insert
            }
            const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), change.id,
                                             [](const Row& r, core::Id id) { return r.id < id; });
            const int position = static_cast<int>(at - m_rows.begin());
            beginInsertRows({}, position, position);
            m_rows.insert(at, std::move(*row));
            endInsertRows();
            return;
        }
        case core::ChangeKind::Removed: {
            const int position = rowOf(change.id);
            if (position < 0) {
                return;
            }
            beginRemoveRows({}, position, position);
            m_rows.erase(m_rows.begin() + position);
            endRemoveRows();
            return;
        }
        case core::ChangeKind::Updated: {
            const int position = rowOf(change.id);
            auto row = readRow(change.id);
            if (position < 0 || !row) {
                return;  // its Added or Removed is on the way and settles it
            }
            m_rows[static_cast<std::size_t>(position)] = std::move(*row);
            const QModelIndex changed = index(position);
            emit dataChanged(changed, changed);
            return;
        }
    }
}

}  // namespace rapport::ui
