#include "ui/goaltablemodel.h"

#include <QColor>
#include <QThread>

#include <algorithm>

#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/plantext.h"

namespace rapport::ui {

namespace {

bool sameReport(const core::GoalReport& a, const core::GoalReport& b) {
    return a.current == b.current && a.progress == b.progress && a.elapsed == b.elapsed &&
           a.onTrack == b.onTrack && a.started == b.started && a.ended == b.ended &&
           a.forecast == b.forecast;
}

bool countsContacts(core::MetricKind m) {
    return m == core::MetricKind::Relationships || m == core::MetricKind::Conversions ||
           m == core::MetricKind::Conversations;  // a contact's niche decides where it counts
}

bool countsInteractions(core::MetricKind m) {
    return m == core::MetricKind::Conversations || m == core::MetricKind::Conversions;
}

}  // namespace

GoalTableModel::GoalTableModel(core::Store& store, const core::Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_store(store), m_clock(clock), m_progress(store, clock) {
    reload();
    m_subscription = m_store.subscribe([this](const core::Change& change) { onChange(change); });
}

int GoalTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GoalTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const core::Goal& GoalTableModel::goalAt(int row) const {
    return m_rows.at(static_cast<std::size_t>(row)).goal;
}

const core::GoalReport& GoalTableModel::reportAt(int row) const {
    return m_rows.at(static_cast<std::size_t>(row)).report;
}

int GoalTableModel::rowOf(core::Id id) const {
    const auto it =
        std::find_if(m_rows.begin(), m_rows.end(), [id](const Row& r) { return r.goal.id == id; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

core::Date GoalTableModel::today() const {
    return m_today;
}

void GoalTableModel::updateToday() {
    // Read with the reports it goes with, not at every paint: both say the same day.
    m_today = core::localDate(m_clock.now(), m_store.timeZone());
}

QVariant GoalTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return display(row, column);
        case Qt::ToolTipRole:
            return toolTip(row, column);
        case Qt::TextAlignmentRole:
            if (column == Current || column == Target) {
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            }
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            if (column == PaceColumn) {
                // Calm colours: a word in green or amber, never a red alarm.
                switch (paceOf(row.goal, row.report)) {
                    case Pace::OnTrack:
                    case Pace::Achieved:
                        return QColor(0x2e, 0x7d, 0x32);
                    case Pace::Behind:
                        return QColor(0xa1, 0x5c, 0x00);
                    default:
                        return {};
                }
            }
            return {};
        case RecordIdRole:
            return QVariant::fromValue<qlonglong>(row.goal.id);
        case ProgressRole:
            return row.report.progress;
        case PaceRole:
            return static_cast<int>(paceOf(row.goal, row.report));
        case VanityRole:
            return row.report.vanity;
        default:
            return {};
    }
}

QVariant GoalTableModel::display(const Row& row, int column) const {
    const core::Goal& g = row.goal;
    switch (column) {
        case Title:
            return qs(g.title);
        case Metric:
            return metricName(g.metric);
        case Current:
            return goalValue(g, row.report.current);
        case Target:
            return goalValue(g, g.target);
        case Progress:
            return QStringLiteral("%1%").arg(std::lround(row.report.progress * 100));
        case PaceColumn:
            return paceText(paceOf(g, row.report));
        case Forecast:
            return forecastText(g, row.report, today());
        default:
            return {};
    }
}

QString GoalTableModel::toolTip(const Row& row, int column) const {
    const core::Goal& g = row.goal;
    switch (column) {
        case Title: {
            QStringList lines{qs(g.title)};
            if (!g.why.empty()) {
                lines << qs(g.why);
            }
            if (g.nicheId) {
                const auto it = m_nicheNames.find(*g.nicheId);
                if (it != m_nicheNames.end()) {
                    lines << tr("Niche: %1").arg(it->second);
                }
            }
            return lines.join(QLatin1Char('\n'));
        }
        case Metric:
            return metricExplanation(g.metric);
        case Current:
            return row.report.manual ? tr("Entered by hand") : tr("Counted from the workspace");
        case Progress:
            return tr("%1% of the way from %2 to %3; %4% of the time has passed")
                .arg(std::lround(row.report.progress * 100))
                .arg(goalValue(g, g.baseline), goalValue(g, g.target))
                .arg(std::lround(row.report.elapsed * 100));
        case Forecast:
            return tr("The value expected at the deadline if the pace so far goes on");
        default:
            return display(row, column).toString();
    }
}

QVariant GoalTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        // Numbers line up on the right, and so do their headings.
        return QVariant::fromValue(
            (section == Current || section == Target ? Qt::AlignRight : Qt::AlignLeft) |
            Qt::AlignVCenter);
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
        case Title:
            return tr("Goal");
        case Metric:
            return tr("Counts");
        case Current:
            return tr("Now");
        case Target:
            return tr("Target");
        case Progress:
            return tr("Progress");
        case PaceColumn:
            return tr("Pace");
        case Forecast:
            return tr("At this pace");
        default:
            return {};
    }
}

void GoalTableModel::onChange(const core::Change& change) {
    // Views are not thread-safe: the store this model reads must be written on its thread.
    Q_ASSERT(QThread::currentThread() == thread());
    using core::Entity;
    switch (change.entity) {
        case Entity::Goal:
            onGoalChange(change);
            return;
        case Entity::Niche:
            if (change.kind == core::ChangeKind::Updated ||
                change.kind == core::ChangeKind::Added) {
                if (auto niche = m_store.find<core::Niche>(change.id)) {
                    m_nicheNames[niche->id] = qs(niche->name);
                }
                return;
            }
            // A niche that goes takes the goals' pointers at it with it, without a word about
            // the goals: read them again.
            reload();
            return;
        case Entity::Contact:
            recompute([](const core::Goal& g) { return countsContacts(g.metric); });
            return;
        case Entity::Interaction:
            recompute([](const core::Goal& g) { return countsInteractions(g.metric); });
            return;
        case Entity::Post:
            recompute([](const core::Goal& g) { return g.metric == core::MetricKind::Engagement; });
            return;
        case Entity::Workspace:
            // The time zone decides "today" and the periods' bounds.
            recompute([](const core::Goal&) { return true; });
            return;
        default:
            return;
    }
}

void GoalTableModel::onGoalChange(const core::Change& change) {
    switch (change.kind) {
        case core::ChangeKind::Reset:
            reload();
            return;
        case core::ChangeKind::Added: {
            auto goal = m_store.find<core::Goal>(change.id);
            if (!goal || rowOf(change.id) >= 0) {
                return;  // gone again already, or known: nothing to insert
            }
            const auto at =
                std::lower_bound(m_rows.begin(), m_rows.end(), change.id,
                                 [](const Row& r, core::Id id) { return r.goal.id < id; });
            const int row = static_cast<int>(at - m_rows.begin());
            Row made = makeRow(std::move(*goal));
            beginInsertRows({}, row, row);
            m_rows.insert(m_rows.begin() + row, std::move(made));
            endInsertRows();
            return;
        }
        case core::ChangeKind::Removed: {
            const int row = rowOf(change.id);
            if (row < 0) {
                return;
            }
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
            return;
        }
        case core::ChangeKind::Updated: {
            const int row = rowOf(change.id);
            auto goal = m_store.find<core::Goal>(change.id);
            if (row < 0 || !goal) {
                return;  // its Added or Removed is on the way and settles it
            }
            m_rows[static_cast<std::size_t>(row)] = makeRow(std::move(*goal));
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
}

void GoalTableModel::reload() {
    beginResetModel();
    updateToday();
    m_nicheNames.clear();
    for (const auto& niche : m_store.list<core::Niche>()) {
        m_nicheNames.emplace(niche.id, qs(niche.name));
    }
    m_rows.clear();
    for (auto& goal : m_store.list<core::Goal>()) {
        m_rows.push_back(makeRow(std::move(goal)));
    }
    endResetModel();
}

template <class Affected>
void GoalTableModel::recompute(Affected affected) {
    updateToday();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        if (!affected(row.goal)) {
            continue;
        }
        const core::GoalReport report = m_progress.report(row.goal);
        if (!sameReport(report, row.report)) {
            row.report = report;
            const int r = static_cast<int>(i);
            emit dataChanged(index(r, Current), index(r, ColumnCount - 1));
        }
    }
}

GoalTableModel::Row GoalTableModel::makeRow(core::Goal goal) {
    Row row{std::move(goal), {}};
    row.report = m_progress.report(row.goal);
    return row;
}

}  // namespace rapport::ui
