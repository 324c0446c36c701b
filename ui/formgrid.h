#pragma once

#include <QGridLayout>

namespace rapport::ui {

/// A two-column form of labels and fields. QFormLayout under-measures fields whose wrapped
/// lines (a hint, an error message) grow them, and clips those lines; a grid gives them the
/// height they need.
class FormGrid : public QGridLayout {
    Q_OBJECT
public:
    FormGrid();

    /// A row: the label at the top left, the field taking the rest of the width.
    void addRow(const QString& label, QWidget* field);
    /// A row with nothing in the label column.
    void addRow(QWidget* field);

    /// The field at its own width at the left of the column, in a row that takes the whole
    /// width (so an error line under it can too); focus given to the row goes to the field.
    static QWidget* leftAligned(QWidget* field);
};

}  // namespace rapport::ui
