#pragma once

#include <QAbstractListModel>

#include <unordered_map>
#include <vector>

#include "core/entities.h"
#include "core/store.h"
#include "ui/roles.h"

namespace rapport::ui {

/// The workspace's contacts, sorted by name, as a list model that follows the store: an added
/// contact is inserted at its row, a renamed one moves, a removed one is removed, so views keep
/// their selection and scroll position. Each row also knows its contact's interaction count.
class ContactListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum ContactRole : int {
        StageRole = FirstModelRole,  ///< QString: the stage's stored name
        TagsRole,                    ///< QStringList
        InteractionCountRole,        ///< int
    };

    explicit ContactListModel(core::Store& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const core::Contact& contactAt(int row) const;
    /// The row showing the contact, or -1.
    int rowOf(core::Id id) const;
    /// Interactions logged with every contact together.
    std::int64_t interactionTotal() const { return m_interactionTotal; }

private:
    void onChange(const core::Change& change);
    void onContactChange(const core::Change& change);
    void onInteractionChange(const core::Change& change);
    void reload();
    /// Counts interactions again and announces the rows whose count moved.
    void recount();
    std::unordered_map<core::Id, int> countInteractions();
    /// The row a contact belongs at, among m_contacts without `ignoreRow`.
    int sortedRow(const core::Contact& contact, int ignoreRow = -1) const;
    QString secondaryText(const core::Contact& contact) const;

    core::Store& m_store;
    std::vector<core::Contact> m_contacts;             // in display order
    std::unordered_map<core::Id, int> m_interactions;  // contact id -> interactions
    std::int64_t m_interactionTotal = 0;
    core::Subscription m_subscription;  // last, so it is released before the rest
};

}  // namespace rapport::ui
