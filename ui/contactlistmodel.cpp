#include "ui/contactlistmodel.h"

#include <QThread>

#include <algorithm>

#include "ui/displaytext.h"

namespace rapport::ui {

namespace {

// Display order: by name as people read it (case folded), then by id so equal names keep a
// stable order and every contact has exactly one right row.
bool before(const core::Contact& a, const core::Contact& b) {
    const int byName = QString::compare(qs(a.displayName), qs(b.displayName), Qt::CaseInsensitive);
    return byName != 0 ? byName < 0 : a.id < b.id;
}

}  // namespace

ContactListModel::ContactListModel(core::Store& store, QObject* parent)
    : QAbstractListModel(parent), m_store(store) {
    reload();
    m_subscription = m_store.subscribe([this](const core::Change& change) { onChange(change); });
}

int ContactListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_contacts.size());
}

QVariant ContactListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::Contact& c = m_contacts[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return qs(c.displayName);
        case Qt::ToolTipRole:
            return qs(c.displayName) + QLatin1Char('\n') + secondaryText(c);
        case SecondaryTextRole:
            return secondaryText(c);
        case RecordIdRole:
            return QVariant::fromValue<qlonglong>(c.id);
        case StageRole:
            return qs(core::toString(c.stage));
        case TagsRole: {
            QStringList tags;
            for (const auto& tag : c.tags) {
                tags << qs(tag);
            }
            return tags;
        }
        case InteractionCountRole: {
            const auto it = m_interactions.find(c.id);
            return it == m_interactions.end() ? 0 : it->second;
        }
        default:
            return {};
    }
}

QHash<int, QByteArray> ContactListModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(SecondaryTextRole, "secondaryText");
    names.insert(RecordIdRole, "recordId");
    names.insert(StageRole, "stage");
    names.insert(TagsRole, "tags");
    names.insert(InteractionCountRole, "interactionCount");
    return names;
}

const core::Contact& ContactListModel::contactAt(int row) const {
    return m_contacts.at(static_cast<std::size_t>(row));
}

int ContactListModel::rowOf(core::Id id) const {
    const auto it = std::find_if(m_contacts.begin(), m_contacts.end(),
                                 [id](const core::Contact& c) { return c.id == id; });
    return it == m_contacts.end() ? -1 : static_cast<int>(it - m_contacts.begin());
}

void ContactListModel::onChange(const core::Change& change) {
    // Views are not thread-safe: the store this model reads must be written on its thread.
    Q_ASSERT(QThread::currentThread() == thread());
    if (change.entity == core::Entity::Contact) {
        onContactChange(change);
    } else if (change.entity == core::Entity::Interaction) {
        onInteractionChange(change);
    }
}

void ContactListModel::onContactChange(const core::Change& change) {
    switch (change.kind) {
        case core::ChangeKind::Reset:
            reload();
            return;
        case core::ChangeKind::Added: {
            auto contact = m_store.find<core::Contact>(change.id);
            if (!contact || rowOf(change.id) >= 0) {
                return;  // gone again already, or known: nothing to insert
            }
            const int row = sortedRow(*contact);
            beginInsertRows({}, row, row);
            m_contacts.insert(m_contacts.begin() + row, std::move(*contact));
            endInsertRows();
            return;
        }
        case core::ChangeKind::Removed: {
            const int row = rowOf(change.id);
            if (row < 0) {
                return;
            }
            beginRemoveRows({}, row, row);
            m_contacts.erase(m_contacts.begin() + row);
            endRemoveRows();
            // Its interactions went with it.
            if (const auto it = m_interactions.find(change.id); it != m_interactions.end()) {
                m_interactionTotal -= it->second;
                m_interactions.erase(it);
            }
            return;
        }
        case core::ChangeKind::Updated: {
            const int from = rowOf(change.id);
            auto contact = m_store.find<core::Contact>(change.id);
            if (from < 0 || !contact) {
                reload();  // out of step with the store: start again rather than guess
                return;
            }
            const int to = sortedRow(*contact, from);
            if (to != from) {
                // beginMoveRows counts the destination in the rows before the move.
                beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
                auto moving = std::move(m_contacts[static_cast<std::size_t>(from)]);
                m_contacts.erase(m_contacts.begin() + from);
                m_contacts.insert(m_contacts.begin() + to, std::move(moving));
                endMoveRows();
            }
            m_contacts[static_cast<std::size_t>(to)] = std::move(*contact);
            const QModelIndex changed = index(to);
            emit dataChanged(changed, changed);
            return;
        }
    }
}

void ContactListModel::onInteractionChange(const core::Change& change) {
    if (change.kind == core::ChangeKind::Added) {
        // The common case, logging one interaction, needs only that record.
        if (const auto interaction = m_store.find<core::Interaction>(change.id)) {
            ++m_interactions[interaction->contactId];
            ++m_interactionTotal;
            const int row = rowOf(interaction->contactId);
            if (row >= 0) {
                const QModelIndex changed = index(row);
                emit dataChanged(changed, changed,
                                 {InteractionCountRole, SecondaryTextRole, Qt::ToolTipRole});
            }
        }
        return;
    }
    // A removed interaction no longer says whose it was: count again.
    recount();
}

void ContactListModel::reload() {
    beginResetModel();
    m_contacts = m_store.list<core::Contact>();
    std::sort(m_contacts.begin(), m_contacts.end(), before);
    m_interactions = countInteractions();
    endResetModel();
}

void ContactListModel::recount() {
    auto counts = countInteractions();
    for (int row = 0; row < rowCount(); ++row) {
        const core::Id id = m_contacts[static_cast<std::size_t>(row)].id;
        const auto oldIt = m_interactions.find(id);
        const auto newIt = counts.find(id);
        const int oldCount = oldIt == m_interactions.end() ? 0 : oldIt->second;
        const int newCount = newIt == counts.end() ? 0 : newIt->second;
        if (oldCount != newCount) {
            m_interactions[id] = newCount;
            const QModelIndex changed = index(row);
            emit dataChanged(changed, changed,
                             {InteractionCountRole, SecondaryTextRole, Qt::ToolTipRole});
        }
    }
    m_interactions = std::move(counts);
}

std::unordered_map<core::Id, int> ContactListModel::countInteractions() {
    // core has no per-contact count query yet, so this reads every interaction once.
    std::unordered_map<core::Id, int> counts;
    m_interactionTotal = 0;
    for (const auto& interaction : m_store.list<core::Interaction>()) {
        ++counts[interaction.contactId];
        ++m_interactionTotal;
    }
    return counts;
}

int ContactListModel::sortedRow(const core::Contact& contact, int ignoreRow) const {
    const auto at = std::lower_bound(m_contacts.begin(), m_contacts.end(), contact, before);
    int row = static_cast<int>(at - m_contacts.begin());
    if (ignoreRow >= 0 && ignoreRow < row) {
        --row;
    }
    return row;
}

QString ContactListModel::secondaryText(const core::Contact& c) const {
    QStringList facts{capitalized(words(c.stage))};
    if (!c.role.empty() && !c.company.empty()) {
        facts << tr("%1 at %2").arg(qs(c.role), qs(c.company));
    } else if (!c.role.empty() || !c.company.empty()) {
        facts << qs(c.role.empty() ? c.company : c.role);
    }
    if (!c.tags.empty()) {
        QStringList tags;
        for (const auto& tag : c.tags) {
            tags << QLatin1Char('#') + qs(tag);
        }
        facts << tags.join(QLatin1Char(' '));
    }
    const auto it = m_interactions.find(c.id);
    facts << countOf(it == m_interactions.end() ? 0 : it->second, tr("interaction"),
                     tr("interactions"));
    return facts.join(dot());
}

}  // namespace rapport::ui
