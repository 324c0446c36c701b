#pragma once

#include <QWidget>

#include <string>
#include <vector>

#include "core/csvimport.h"

class QTableWidget;

namespace rapport::ui {

/// Where each column of a CSV file goes: one line per column with its header, an example value
/// from the file and the contact field it feeds (or "Ignore"). Changing a field emits
/// mappingChanged() so the import preview can follow live.
class ColumnMappingWidget : public QWidget {
    Q_OBJECT
public:
    explicit ColumnMappingWidget(QWidget* parent = nullptr);

    /// Shows a file's columns; `samples` are its first records.
    void setColumns(const std::vector<std::string>& header,
                    const std::vector<std::vector<std::string>>& samples,
                    const core::ColumnMapping& mapping);
    core::ColumnMapping mapping() const;
    int columnCount() const;
    /// Sets one column's field, as choosing it in its list does (emits mappingChanged()).
    void setTarget(int column, core::ColumnTarget target);

    /// Every field a column can feed, each handle network its own choice, with its label.
    static const std::vector<std::pair<core::ColumnTarget, QString>>& choices();

signals:
    void mappingChanged();

private:
    QTableWidget* m_table;
    core::ColumnMapping m_mapping;
};

}  // namespace rapport::ui
