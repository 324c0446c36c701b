#pragma once

#include <QListWidget>

#include <vector>

#include "core/types.h"

namespace rapport::ui {

/// A short list of records to tick (a campaign's goals, the channels a niche gathers on),
/// sized to its rows so a form shows every choice without an inner scroll bar for the usual
/// handful.
class CheckList : public QListWidget {
    Q_OBJECT
public:
    explicit CheckList(QWidget* parent = nullptr);

    QListWidgetItem* addChoice(const QString& text, core::Id id, bool checked = false);
    std::vector<core::Id> checkedIds() const;
    void setCheckedIds(const std::vector<core::Id>& ids);
    void setChecked(core::Id id, bool checked);
    bool isChecked(core::Id id) const;
    /// The ids of every choice, in order.
    std::vector<core::Id> ids() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void checkedChanged();

private:
    int rowsHeight(int rows) const;
};

}  // namespace rapport::ui
