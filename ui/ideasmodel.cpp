#include "ui/ideasmodel.h"

#include "core/timeutil.h"
#include "ui/displaytext.h"

namespace rapport::ui {

IdeasModel::IdeasModel(core::Store& store, QObject* parent)
    : QAbstractTableModel(parent), m_store(store) {
    reload();
}

void IdeasModel::reload() {
    beginResetModel();
    m_zone = m_store.timeZone();
    m_rows = core::rankedIdeas(m_store);
    endResetModel();
}

int IdeasModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IdeasModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int IdeasModel::rowOf(core::Id id) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString IdeasModel::postText(const core::RankedIdea& row) const {
    if (!row.postId) {
        return {};
    }
    QString text = qs(row.postTitle);
    if (row.postStatus) {
        QString when;
        if (row.postAt) {
            when = QStringLiteral(" ") + formatDate(core::localDate(*row.postAt, m_zone));
        }
        text += dot() + words(*row.postStatus) + when;
    }
    if (row.postCount > 1) {
        text += dot() + tr("%1 posts").arg(row.postCount);
    }
    return text;
}

QVariant IdeasModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const core::RankedIdea& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case Title:
                    return qs(row.title);
                case Niche:
                    return qs(row.nicheName);
                case Asked:
                    return QVariant::fromValue<qlonglong>(row.askedCount);
                case Status:
                    return capitalized(words(row.status));
                case Post:
                    return postText(row);
                default:
                    return {};
            }
        case Qt::ToolTipRole:
            if (index.column() == Status && row.status == core::IdeaStatus::Covered &&
                row.postStatus == core::PostStatus::Published) {
                return tr("Covered: “%1” is published.").arg(qs(row.postTitle));
            }
            if (index.column() == Title && !row.notes.empty()) {
                return qs(row.notes);
            }
            if (index.column() == Asked) {
                return tr("Interactions that asked for it");
            }
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == Asked) {
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            }
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        case RecordIdRole:
            return QVariant::fromValue<qlonglong>(row.id);
        case AskedCountRole:
            return QVariant::fromValue<qlonglong>(row.askedCount);
        case StatusRole:
            return static_cast<int>(row.status);
        case PostIdRole:
            return QVariant::fromValue<qlonglong>(row.postId.value_or(0));
        default:
            return {};
    }
}

QVariant IdeasModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
        case Title:
            return tr("Idea");
        case Niche:
            return tr("Niche");
        case Asked:
            return tr("Asked by");
        case Status:
            return tr("Status");
        case Post:
            return tr("Post");
        default:
            return {};
    }
}

}  // namespace rapport::ui
