#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <unordered_set>
#include <vector>

#include "core/clock.h"
#include "core/contactquery.h"
#include "core/store.h"
#include "ui/roles.h"
#include "ui/turnrefresh.h"

namespace rapport::ui {

/// The contact table of the Relationships page, fetched lazily: it holds the first page of the
/// filtered, sorted list and the total, and fetches further pages as the view scrolls
/// (canFetchMore/fetchMore), so a keystroke in the search box reads one page, not 100,000
/// contacts. Filtering, sorting and the follow-up dates are core's (ContactQuery). A new filter
/// or order resets the model to its first page. A change to the contacts, their interactions or
/// their enrollments keeps the rows fetched so far: up to kRereadLimit rows are read again;
/// beyond that only the ids in order are read, and only the rows of new and changed contacts,
/// the rest kept as they were. Rows move through a layout change that carries persistent
/// indexes (a view's current row and selection) along with their contacts.
class ContactTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column : int {
        NameColumn,
        StageColumn,
        NicheColumn,
        LastTouchColumn,
        NextDueColumn,
        TagsColumn,
        ColumnCount
    };
    enum ContactRole : int {
        LosingTouchRole = FirstModelRole,  ///< bool
        StageRole,                         ///< QString: the stage's stored name
        TagsRole,                          ///< QStringList
    };
    /// Rows read at once, at the start and on each fetchMore().
    static constexpr int kPageSize = 100;
    /// Up to this many fetched rows, a change reads them all again.
    static constexpr int kRereadLimit = 1000;

    ContactTableModel(core::Store& store, const core::Clock& clock, QObject* parent = nullptr);
    ~ContactTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const core::ContactFilter& filter);
    const core::ContactFilter& filter() const { return m_filter; }
    core::ContactOrder order() const { return m_order; }
    /// How many contacts pass the filter (rowCount() is how many are fetched so far).
    std::int64_t total() const { return m_total; }
    /// Every contact in the workspace, whatever the filter.
    std::int64_t workspaceTotal() const { return m_workspaceTotal; }

    const core::ContactRow& rowAt(int row) const;
    core::Id idAt(int row) const;
    /// The fetched row showing the contact, or -1.
    int rowOf(core::Id id) const;
    /// Every tag in use, for the filter's choices.
    std::vector<std::string> tags();
    /// Reads the list again, keeping as many rows as were fetched (at most kRereadLimit when
    /// more were: nothing tells which of them changed).
    void refresh();

signals:
    /// After each read: the filter, the order or the store changed.
    void refreshed();

private:
    void onChange(const core::Change& change);
    // Reads the first `keep` rows (at least a page) and resets the model: a new filter or order.
    void reload(std::size_t keep);
    // Reads the list again after changes, keeping the rows fetched so far (see the class).
    void update();
    // Puts `fresh` in place of the rows through inserts, a layout change and removes, so the
    // persistent indexes follow their contacts.
    void apply(std::vector<core::ContactRow> fresh);
    void countIfStale();

    core::Store& m_store;
    const core::Clock& m_clock;
    std::unique_ptr<core::ContactQuery> m_query;
    core::ContactFilter m_filter;
    core::ContactOrder m_order;
    std::vector<core::ContactRow> m_rows;
    std::int64_t m_total = 0;
    std::int64_t m_workspaceTotal = 0;
    core::Date m_today{};
    bool m_countStale = true;
    std::unordered_set<core::Id> m_dirty;  // contacts changed since the last read
    bool m_allDirty = false;               // a change that may touch any contact
    bool m_applying = false;               // apply() is moving rows
    TurnRefresh m_turnRefresh{this, [this] { update(); }};
    core::Subscription m_subscription;  // last, so it is released before the rest
};

}  // namespace rapport::ui
