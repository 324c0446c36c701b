#pragma once

#include <QStyledItemDelegate>

namespace rapport::ui {

/// Draws a goal's progress as a slim rounded bar with the percentage beside it, coloured by
/// its pace (GoalTableModel's ProgressRole and PaceRole): green on track, amber behind, grey
/// when the period has not started or is over. A bar reads at a glance where a number must be
/// read.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ProgressDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace rapport::ui
