#pragma once

#include <QAbstractTableModel>

#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/entities.h"
#include "core/goalprogress.h"
#include "core/store.h"
#include "ui/roles.h"

namespace rapport::ui {

/// The workspace's goals with where each stands today: the current value (computed from the
/// workspace, or typed in for hand-entered metrics), progress, pace and forecast. It follows
/// the store: goal edits move single rows, and changes to contacts, interactions and posts
/// recompute the goals whose metric counts them.
class GoalTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column : int {
        Title,
        Metric,
        Current,
        Target,
        Progress,
        PaceColumn,
        Forecast,
        ColumnCount
    };
    enum GoalRole : int {
        ProgressRole = FirstModelRole,  ///< double 0..1
        PaceRole,                       ///< int: a ui::Pace
        VanityRole,                     ///< bool: counts an audience, not relationships
    };

    GoalTableModel(core::Store& store, const core::Clock& clock, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const core::Goal& goalAt(int row) const;
    const core::GoalReport& reportAt(int row) const;
    /// The row showing the goal, or -1.
    int rowOf(core::Id id) const;
    /// Today in the workspace's time zone, by the model's clock, as of the last computation.
    core::Date today() const;

private:
    struct Row {
        core::Goal goal;
        core::GoalReport report;
    };

    void onChange(const core::Change& change);
    void onGoalChange(const core::Change& change);
    void reload();
    /// Computes the reports again for the goals `affected` says yes to, announcing the rows
    /// whose numbers moved.
    template <class Affected>
    void recompute(Affected affected);
    Row makeRow(core::Goal goal);
    void updateToday();
    QVariant display(const Row& row, int column) const;
    QString toolTip(const Row& row, int column) const;

    core::Store& m_store;
    const core::Clock& m_clock;
    core::GoalProgress m_progress;
    std::vector<Row> m_rows;  // by id, as the store lists them
    std::unordered_map<core::Id, QString> m_nicheNames;
    core::Date m_today{};
    core::Subscription m_subscription;  // last, so it is released before the rest
};

}  // namespace rapport::ui
