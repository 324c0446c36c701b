#include "ui/formgrid.h"

#include <QHBoxLayout>
#include <QLabel>

namespace rapport::ui {

FormGrid::FormGrid() {
    setHorizontalSpacing(16);
    setVerticalSpacing(10);
    setColumnStretch(1, 1);
}

void FormGrid::addRow(const QString& label, QWidget* field) {
    const int row = rowCount();
    auto* caption = new QLabel(label);
    // Level with the text inside the field next to it, which sits a few pixels lower.
    caption->setContentsMargins(0, 4, 0, 0);
    caption->setBuddy(field);
    addWidget(caption, row, 0, Qt::AlignLeft | Qt::AlignTop);
    addWidget(field, row, 1);
}

void FormGrid::addRow(QWidget* field) {
    addWidget(field, rowCount(), 1);
}

QWidget* FormGrid::leftAligned(QWidget* field) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    layout->addStretch(1);
    row->setFocusProxy(field);
    return row;
}

}  // namespace rapport::ui
