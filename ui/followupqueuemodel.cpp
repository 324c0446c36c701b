#include "ui/followupqueuemodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QThread>
#include <QTimer>

#include "core/timeutil.h"
#include "ui/displaytext.h"

namespace rapport::ui {

namespace {
constexpr int kSections = 3;
// A child's internal id is its section + 1; a section row's is 0.
constexpr quintptr kSectionRow = 0;
}  // namespace

FollowUpQueueModel::FollowUpQueueModel(core::Store& store, const core::Clock& clock,
                                       QObject* parent)
    : QAbstractItemModel(parent),
      m_store(store),
      m_engine(std::make_unique<core::NurtureEngine>(store, clock)),
      m_queue(std::make_unique<core::FollowUpQueue>(store, clock, *m_engine)) {
    m_day.day = m_queue->today();
    refresh();
    m_subscription = m_store.subscribe([this](const core::Change& change) { onChange(change); });
}

FollowUpQueueModel::~FollowUpQueueModel() = default;

const std::vector<core::FollowUpItem>& FollowUpQueueModel::section(int s) const {
    switch (s) {
        case 0:
            return m_day.overdue;
        case 1:
            return m_day.today;
        default:
            return m_day.thisWeek;
    }
}

QString FollowUpQueueModel::sectionTitle(int s) {
    switch (s) {
        case 0:
            return tr("Overdue");
        case 1:
            return tr("Today");
        default:
            return tr("This week");
    }
}

QModelIndex FollowUpQueueModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, kSectionRow);
    }
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex FollowUpQueueModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kSectionRow) {
        return {};
    }
    return createIndex(static_cast<int>(child.internalId()) - 1, 0, kSectionRow);
}

int FollowUpQueueModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) {
        return kSections;
    }
    if (parent.internalId() != kSectionRow || parent.column() != 0) {
        return 0;
    }
    return static_cast<int>(section(parent.row()).size());
}

int FollowUpQueueModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

Qt::ItemFlags FollowUpQueueModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (index.internalId() == kSectionRow) {
        return Qt::ItemIsEnabled;  // a heading, not something to select
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

const core::FollowUpItem* FollowUpQueueModel::itemAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == kSectionRow) {
        return nullptr;
    }
    const auto& items = section(static_cast<int>(index.internalId()) - 1);
    return index.row() < static_cast<int>(items.size())
               ? &items[static_cast<std::size_t>(index.row())]
               : nullptr;
}

QModelIndex FollowUpQueueModel::indexOf(core::Id contactId) const {
    for (int s = 0; s < kSections; ++s) {
        const auto& items = section(s);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].contactId == contactId) {
                return index(static_cast<int>(i), 0, index(s, 0));
            }
        }
    }
    return {};
}

QVariant FollowUpQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == kSectionRow) {
        if (index.column() != 0) {
            return {};
        }
        const auto n = static_cast<std::int64_t>(section(index.row()).size());
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            return QStringLiteral("%1  (%2)").arg(sectionTitle(index.row())).arg(n);
        }
        if (role == SectionLevelRole) {
            return 1;
        }
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    const core::FollowUpItem* item = itemAt(index);
    if (!item) {
        return {};
    }
    const core::FollowUpStatus& st = item->status;
    switch (role) {
        case RecordIdRole:
            return QVariant::fromValue<qlonglong>(item->contactId);
        case LosingTouchRole:
            return st.losingTouch;
        case BucketRole:
            return static_cast<int>(item->bucket);
        case SectionLevelRole:
            return 0;
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            switch (index.column()) {
                case ContactColumn:
                    return qs(item->displayName);
                case ReasonsColumn: {
                    QStringList reasons;
                    for (const auto& reason : st.reasons) {
                        reasons << qs(core::FollowUpQueue::describe(reason));
                    }
                    if (st.snoozed) {
                        reasons << tr("snoozed until %1").arg(formatDate(*st.due));
                    }
                    return reasons.join(QStringLiteral("; "));
                }
                case LastTouchColumn: {
                    const QString days =
                        !st.touched ? tr("never touched")
                        : st.daysSinceLastTouch == 0
                            ? tr("today")
                            : countOf(st.daysSinceLastTouch, tr("day"), tr("days")) + tr(" ago");
                    return st.losingTouch ? tr("%1 · losing touch").arg(days) : days;
                }
                case DueColumn:
                    return st.due ? formatDate(*st.due) : QString();
                default:
                    return {};
            }
        case Qt::ToolTipRole: {
            QStringList lines{qs(item->displayName) + dot() + capitalized(words(item->stage))};
            for (const auto& reason : st.reasons) {
                lines << QStringLiteral("• ") + qs(core::FollowUpQueue::describe(reason));
            }
            if (st.losingTouch) {
                lines << tr("Losing touch: the last touch is older than twice the cadence.");
            }
            return lines.join(QLatin1Char('\n'));
        }
        case Qt::ForegroundRole:
            if (index.column() == LastTouchColumn && st.losingTouch) {
                return QColor(0xb3, 0x5c, 0x1e);
            }
            if (index.column() != ContactColumn) {
                return QGuiApplication::palette().color(QPalette::PlaceholderText);
            }
            return {};
        default:
            return {};
    }
}

QVariant FollowUpQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractItemModel::headerData(section, orientation, role);
    }
    switch (section) {
        case ContactColumn:
            return tr("Contact");
        case ReasonsColumn:
            return tr("Why");
        case LastTouchColumn:
            return tr("Last touch");
        case DueColumn:
            return tr("Due");
        default:
            return {};
    }
}

core::Date FollowUpQueueModel::today() {
    return m_queue->today();
}

void FollowUpQueueModel::setDay(core::Date day) {
    m_followToday = false;
    m_day.day = day;
    refresh();
}

void FollowUpQueueModel::followToday() {
    m_followToday = true;
    refresh();
}

void FollowUpQueueModel::refresh() {
    const core::Date day = m_followToday ? m_queue->today() : m_day.day;
    auto next = m_queue->forDay(day);
    beginResetModel();
    m_day = std::move(next);
    endResetModel();
    emit refreshed();
}

void FollowUpQueueModel::onChange(const core::Change& change) {
    Q_ASSERT(QThread::currentThread() == thread());
    using core::Entity;
    if (change.entity != Entity::Contact && change.entity != Entity::Interaction &&
        change.entity != Entity::Enrollment && change.entity != Entity::Sequence &&
        change.entity != Entity::Workspace) {
        return;
    }
    m_turnRefresh.request();
}

}  // namespace rapport::ui
