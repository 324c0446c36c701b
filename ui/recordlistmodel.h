#pragma once

#include <QAbstractListModel>

#include <optional>
#include <vector>

#include "core/store.h"
#include "ui/roles.h"

namespace rapport::ui {

/// A list of one kind of record, in the store's order (by id), two lines a row for
/// TwoLineDelegate, following the store's change notifications row by row: an added record
/// is inserted, an edited one changes in place, a removed one goes, so views keep their
/// selection. Subclasses say how a record reads and which other changes alter its rows.
class RecordListModel : public QAbstractListModel {
    Q_OBJECT
public:
    struct Row {
        core::Id id = 0;
        QString text;
        QString secondary;
        QString toolTip;
        bool operator==(const Row&) const = default;
    };

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    core::Id idAt(int row) const;
    /// The row showing the record, or -1.
    int rowOf(core::Id id) const;

protected:
    RecordListModel(core::Store& store, core::Entity entity, QObject* parent);

    /// Reads every row; subclasses call it once from their constructor.
    void reload();
    /// Reads the rows again and announces those whose text changed (names of other records
    /// they show, counts).
    void refreshRows();

    /// Every record's row, in id order.
    virtual std::vector<Row> readAll() = 0;
    /// One record's row; nullopt when it is gone.
    virtual std::optional<Row> readRow(core::Id id) = 0;
    /// True when a change to another kind of record alters what the rows say.
    virtual bool dependsOn(const core::Change& change) const;

    core::Store& store() const { return m_store; }

private:
    void onChange(const core::Change& change);

    core::Store& m_store;
    core::Entity m_entity;
    std::vector<Row> m_rows;
    core::Subscription m_subscription;  // last, so it is released before the rest
};

}  // namespace rapport::ui
