#pragma once

#include <QAbstractItemModel>

#include <array>
#include <memory>
#include <vector>

#include "core/clock.h"
#include "core/followupqueue.h"
#include "core/nurtureengine.h"
#include "core/store.h"
#include "ui/roles.h"
#include "ui/turnrefresh.h"

namespace rapport::ui {

/// The follow-up queue of one day as a two-level model: the sections Overdue, Today and This
/// week, each with its contacts as children. Columns: contact, why (every reason in words),
/// last touch, due. It reads the queue again after every change to contacts, interactions or
/// enrollments, and when the day changes.
class FollowUpQueueModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column : int { ContactColumn, ReasonsColumn, LastTouchColumn, DueColumn, ColumnCount };
    enum QueueRole : int {
        LosingTouchRole = FirstModelRole,  ///< bool
        BucketRole,                        ///< int: the core::QueueBucket of a contact's row
    };

    FollowUpQueueModel(core::Store& store, const core::Clock& clock, QObject* parent = nullptr);
    ~FollowUpQueueModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// The day whose queue is shown; today (in the workspace's zone) until set.
    core::Date day() const { return m_day.day; }
    void setDay(core::Date day);
    /// Shows today's queue again, following the clock.
    void followToday();
    core::Date today();

    const core::FollowUpDay& queue() const { return m_day; }
    /// The item a contact's row shows; null for a section row.
    const core::FollowUpItem* itemAt(const QModelIndex& index) const;
    /// The row of a contact in the queue, or an invalid index.
    QModelIndex indexOf(core::Id contactId) const;
    /// Reads the queue again.
    void refresh();
    /// The engine the queue reads its steps from (and marking a step done goes through).
    core::NurtureEngine& engine() { return *m_engine; }

signals:
    void refreshed();

private:
    const std::vector<core::FollowUpItem>& section(int s) const;
    static QString sectionTitle(int s);
    void onChange(const core::Change& change);

    core::Store& m_store;
    std::unique_ptr<core::NurtureEngine> m_engine;
    std::unique_ptr<core::FollowUpQueue> m_queue;
    core::FollowUpDay m_day;
    bool m_followToday = true;
    TurnRefresh m_turnRefresh{this, [this] { refresh(); }};
    core::Subscription m_subscription;  // last, so it is released before the rest
};

}  // namespace rapport::ui
