#include "ui/checklist.h"

#include <algorithm>

#include "ui/roles.h"

namespace rapport::ui {

namespace {
constexpr int kMaxVisibleRows = 7;
constexpr int kMinVisibleRows = 2;
}  // namespace

CheckList::CheckList(QWidget* parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::NoSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    // A little air between the choices, so each box reads as its own line.
    setSpacing(2);
    connect(this, &QListWidget::itemChanged, this, &CheckList::checkedChanged);
}

QListWidgetItem* CheckList::addChoice(const QString& text, core::Id id, bool checked) {
    auto* item = new QListWidgetItem(text, this);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    item->setData(RecordIdRole, QVariant::fromValue<qlonglong>(id));
    updateGeometry();
    return item;
}

std::vector<core::Id> CheckList::checkedIds() const {
    std::vector<core::Id> out;
    for (int row = 0; row < count(); ++row) {
        if (item(row)->checkState() == Qt::Checked) {
            out.push_back(item(row)->data(RecordIdRole).toLongLong());
        }
    }
    return out;
}

std::vector<core::Id> CheckList::ids() const {
    std::vector<core::Id> out;
    for (int row = 0; row < count(); ++row) {
        out.push_back(item(row)->data(RecordIdRole).toLongLong());
    }
    return out;
}

void CheckList::setCheckedIds(const std::vector<core::Id>& ids) {
    const QSignalBlocker quiet(this);
    for (int row = 0; row < count(); ++row) {
        const core::Id id = item(row)->data(RecordIdRole).toLongLong();
        const bool on = std::find(ids.begin(), ids.end(), id) != ids.end();
        item(row)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    emit checkedChanged();
}

void CheckList::setChecked(core::Id id, bool checked) {
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(RecordIdRole).toLongLong() == id) {
            item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        }
    }
}

bool CheckList::isChecked(core::Id id) const {
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(RecordIdRole).toLongLong() == id) {
            return item(row)->checkState() == Qt::Checked;
        }
    }
    return false;
}

int CheckList::rowsHeight(int rows) const {
    // The pitch the view lays rows out at: a row with its spacing above and below.
    const int row = count() > 0 ? sizeHintForRow(0) : fontMetrics().height() + 4;
    return rows * (row + 2 * spacing()) + 2 * frameWidth() + 4;
}

QSize CheckList::sizeHint() const {
    const int rows = std::clamp(static_cast<int>(count()), kMinVisibleRows, kMaxVisibleRows);
    return {QListWidget::sizeHint().width(), rowsHeight(rows)};
}

QSize CheckList::minimumSizeHint() const {
    return {QListWidget::minimumSizeHint().width(),
            rowsHeight(std::min(static_cast<int>(std::max(count(), 1)), kMinVisibleRows + 1))};
}

}  // namespace rapport::ui
