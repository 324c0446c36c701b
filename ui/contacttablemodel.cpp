#include "ui/contacttablemodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QScopedValueRollback>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <unordered_map>

#include "core/timeutil.h"
#include "ui/displaytext.h"

namespace rapport::ui {

namespace {

QString tagsText(const std::vector<std::string>& tags) {
    QStringList out;
    for (const auto& tag : tags) {
        out << QLatin1Char('#') + qs(tag);
    }
    return out.join(QLatin1Char(' '));
}

}  // namespace

ContactTableModel::ContactTableModel(core::Store& store, const core::Clock& clock, QObject* parent)
    : QAbstractTableModel(parent),
      m_store(store),
      m_clock(clock),
      m_query(std::make_unique<core::ContactQuery>(store, clock)) {
    reload(0);
    m_subscription = m_store.subscribe([this](const core::Change& change) { onChange(change); });
}

ContactTableModel::~ContactTableModel() = default;

int ContactTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ContactTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::ContactRow& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case RecordIdRole:
            return QVariant::fromValue<qlonglong>(r.id);
        case LosingTouchRole:
            return r.losingTouch;
        case StageRole:
            return qs(core::toString(r.stage));
        case TagsRole: {
            QStringList tags;
            for (const auto& tag : r.tags) {
                tags << qs(tag);
            }
            return tags;
        }
        default:
            break;
    }
    const int days = core::daysBetween(r.lastTouch, m_today);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
            case NameColumn:
                return qs(r.displayName);
            case StageColumn:
                return capitalized(words(r.stage));
            case NicheColumn:
                return qs(r.niche);
            case LastTouchColumn: {
                if (!r.touched) {
                    return tr("never");
                }
                const QString ago = days <= 0   ? tr("today")
                                    : days == 1 ? tr("yesterday")
                                                : tr("%1 days ago").arg(days);
                return r.losingTouch ? tr("%1 · losing touch").arg(ago) : ago;
            }
            case NextDueColumn:
                return r.nextDue ? formatDate(*r.nextDue) : tr("—");
            case TagsColumn:
                return tagsText(r.tags);
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{qs(r.displayName)};
        if (!r.email.empty()) {
            lines << qs(r.email);
        }
        if (!r.company.empty()) {
            lines << qs(r.company);
        }
        lines << (r.touched ? tr("Last touch %1").arg(formatDate(r.lastTouch))
                            : tr("Never touched; added %1").arg(formatDate(r.lastTouch)));
        if (r.losingTouch) {
            lines << tr("Losing touch: the last touch is older than twice the cadence.");
        }
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::FontRole && index.column() == NextDueColumn && r.nextDue &&
        *r.nextDue <= m_today) {
        QFont bold;
        bold.setBold(true);
        return bold;  // due today or overdue: the eye finds it
    }
    if (role == Qt::ForegroundRole && index.column() == LastTouchColumn && r.losingTouch) {
        return QColor(0xb3, 0x5c, 0x1e);  // a warm amber, readable on light and dark
    }
    if (role == Qt::ForegroundRole && index.column() != NameColumn &&
        index.column() != LastTouchColumn) {
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    }
    return {};
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
        case NameColumn:
            return tr("Name");
        case StageColumn:
            return tr("Stage");
        case NicheColumn:
            return tr("Niche");
        case LastTouchColumn:
            return tr("Last touch");
        case NextDueColumn:
            return tr("Next due");
        case TagsColumn:
            return tr("Tags");
        default:
            return {};
    }
}

bool ContactTableModel::canFetchMore(const QModelIndex& parent) const {
    // Not while the rows change: a view (or a model tester) that fetches in a slot of the
    // change's signals would insert rows in the middle of it.
    return !parent.isValid() && !m_applying && static_cast<std::int64_t>(m_rows.size()) < m_total;
}

void ContactTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) {
        return;
    }
    auto more = m_query->page(m_filter, m_order, m_rows.size(), kPageSize);
    if (more.empty()) {
        // The list got shorter behind our back: what we hold is all there is.
        m_total = static_cast<std::int64_t>(m_rows.size());
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(more.size()) - 1);
    std::move(more.begin(), more.end(), std::back_inserter(m_rows));
    endInsertRows();
}

void ContactTableModel::sort(int column, Qt::SortOrder order) {
    core::ContactOrder next{m_order.by, order == Qt::DescendingOrder};
    switch (column) {
        case NameColumn:
            next.by = core::ContactSort::Name;
            break;
        case StageColumn:
            next.by = core::ContactSort::Stage;
            break;
        case NicheColumn:
            next.by = core::ContactSort::Niche;
            break;
        case LastTouchColumn:
            next.by = core::ContactSort::LastTouch;
            break;
        case NextDueColumn:
            next.by = core::ContactSort::NextDue;
            break;
        default:
            return;  // tags have no order of their own
    }
    if (next.by == m_order.by && next.descending == m_order.descending) {
        return;
    }
    m_order = next;
    reload(0);  // a new order starts from the top
}

void ContactTableModel::setFilter(const core::ContactFilter& filter) {
    m_filter = filter;
    reload(0);  // a new list starts from the top
}

const core::ContactRow& ContactTableModel::rowAt(int row) const {
    return m_rows.at(static_cast<std::size_t>(row));
}

core::Id ContactTableModel::idAt(int row) const {
    return rowAt(row).id;
}

int ContactTableModel::rowOf(core::Id id) const {
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [id](const core::ContactRow& r) { return r.id == id; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

std::vector<std::string> ContactTableModel::tags() {
    return m_query->tags();
}

void ContactTableModel::countIfStale() {
    if (m_countStale) {
        // Counting 100,000 rows costs a few milliseconds: only when the contacts changed.
        m_workspaceTotal = m_store.count<core::Contact>();
        m_countStale = false;
    }
}

void ContactTableModel::reload(std::size_t keep) {
    auto page = m_query->search(m_filter, m_order, std::max<std::size_t>(kPageSize, keep));
    m_today = m_query->today();
    countIfStale();
    beginResetModel();
    m_rows = std::move(page.rows);
    m_total = page.total;
    m_dirty.clear();
    m_allDirty = false;
    endResetModel();
    emit refreshed();
}

void ContactTableModel::refresh() {
    m_allDirty = true;
    update();
}

void ContactTableModel::update() {
    const std::size_t loaded = m_rows.size();
    const core::Date today = m_query->today();
    if (today != m_today) {
        m_allDirty = true;  // losing touch and the next due date depend on the day
    }
    m_today = today;
    countIfStale();
    std::vector<core::ContactRow> fresh;
    if (loaded <= static_cast<std::size_t>(kRereadLimit) || m_allDirty) {
        auto page = m_query->search(
            m_filter, m_order,
            std::clamp<std::size_t>(loaded, kPageSize, static_cast<std::size_t>(kRereadLimit)));
        fresh = std::move(page.rows);
        m_total = page.total;
    } else {
        // Many rows fetched: read the order (ids only) and the rows of new or changed contacts;
        // the others keep the row they had.
        std::vector<core::Id> ids = m_query->ids(m_filter, m_order);
        m_total = static_cast<std::int64_t>(ids.size());
        ids.resize(std::min(ids.size(), loaded));
        std::unordered_map<core::Id, std::size_t> oldAt;
        oldAt.reserve(loaded);
        for (std::size_t i = 0; i < loaded; ++i) {
            oldAt.emplace(m_rows[i].id, i);
        }
        std::vector<core::Id> toRead;
        for (const core::Id id : ids) {
            if (!oldAt.contains(id) || m_dirty.contains(id)) {
                toRead.push_back(id);
            }
        }
        std::unordered_map<core::Id, core::ContactRow> read;
        for (auto& row : m_query->rows(toRead)) {
            const core::Id id = row.id;
            read.emplace(id, std::move(row));
        }
        fresh.reserve(ids.size());
        for (const core::Id id : ids) {
            if (const auto r = read.find(id); r != read.end()) {
                fresh.push_back(std::move(r->second));
            } else if (const auto o = oldAt.find(id); o != oldAt.end() && !m_dirty.contains(id)) {
                fresh.push_back(m_rows[o->second]);
            }
            // else: removed between the two reads; the next change reads it again
        }
    }
    m_dirty.clear();
    m_allDirty = false;
    apply(std::move(fresh));
    emit refreshed();
}

void ContactTableModel::apply(std::vector<core::ContactRow> fresh) {
    const QScopedValueRollback applying(m_applying, true);
    const int before = static_cast<int>(m_rows.size());
    const int after = static_cast<int>(fresh.size());
    const bool sameOrder =
        before == after && std::equal(m_rows.begin(), m_rows.end(), fresh.begin(),
                                      [](const core::ContactRow& a, const core::ContactRow& b) {
                                          return a.id == b.id;
                                      });
    if (sameOrder) {
        m_rows = std::move(fresh);
        if (after > 0) {
            emit dataChanged(index(0, 0), index(after - 1, ColumnCount - 1));
        }
        return;
    }
    if (after > before) {
        // Rows to hold the longer list first; the layout change below fills them.
        beginInsertRows({}, before, after - 1);
        m_rows.insert(m_rows.end(), fresh.begin() + before, fresh.end());
        endInsertRows();
    }
    std::unordered_map<core::Id, int> newAt;
    newAt.reserve(fresh.size());
    for (int i = 0; i < after; ++i) {
        newAt.emplace(fresh[static_cast<std::size_t>(i)].id, i);
    }
    if (after < before) {
        // The shorter list keeps, at its end, rows that are gone, so the count holds through the
        // layout change; they are removed after it.
        for (const auto& row : m_rows) {
            if (static_cast<int>(fresh.size()) == before) {
                break;
            }
            if (!newAt.contains(row.id)) {
                fresh.push_back(row);
            }
        }
        while (static_cast<int>(fresh.size()) < before) {
            fresh.push_back(m_rows[fresh.size()]);  // only with duplicate ids; never in practice
        }
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex& p : from) {
        const auto it = newAt.find(m_rows[static_cast<std::size_t>(p.row())].id);
        to << (it == newAt.end() ? QModelIndex() : createIndex(it->second, p.column()));
    }
    m_rows = std::move(fresh);
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_rows.resize(static_cast<std::size_t>(after));
        endRemoveRows();
    }
}

void ContactTableModel::onChange(const core::Change& change) {
    // Views are not thread-safe: the store this model reads must be written on its thread.
    Q_ASSERT(QThread::currentThread() == thread());
    using core::Entity;
    if (change.entity != Entity::Contact && change.entity != Entity::Interaction &&
        change.entity != Entity::Enrollment && change.entity != Entity::Niche &&
        change.entity != Entity::Sequence) {
        return;
    }
    if (change.entity == Entity::Contact) {
        m_countStale = true;
    }
    if (change.kind == core::ChangeKind::Reset) {
        m_allDirty = true;
    } else if (change.entity == Entity::Contact) {
        m_dirty.insert(change.id);
    } else if (change.entity == Entity::Interaction && change.kind == core::ChangeKind::Added) {
        if (const auto i = m_store.find<core::Interaction>(change.id)) {
            m_dirty.insert(i->contactId);
        } else {
            m_allDirty = true;
        }
    } else if (change.entity == Entity::Enrollment && change.kind != core::ChangeKind::Removed) {
        if (const auto e = m_store.find<core::Enrollment>(change.id)) {
            m_dirty.insert(e->contactId);
        } else {
            m_allDirty = true;
        }
    } else {
        // A removed interaction or enrollment names no contact any more, an edited interaction
        // may have moved to another; a niche or a sequence may show on any row.
        m_allDirty = true;
    }
    // The first change of a turn of the event loop is read at once, so a view shows an edit
    // the moment it is made; the rest of a burst (a transaction of many records) is read once
    // more when the burst is over.
    m_turnRefresh.request();
}

}  // namespace rapport::ui
