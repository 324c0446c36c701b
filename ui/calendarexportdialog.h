#pragma once

#include <QDate>
#include <QDialog>

#include <optional>
#include <vector>

#include "core/store.h"
#include "ui/calendarexporttask.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QRadioButton;

namespace rapport::ui {

/// Asks what to export before the file dialog: the visible range, a chosen range or (for
/// iCalendar) everything; for the scheduler CSV, one channel or every channel (a file each).
class CalendarExportDialog : public QDialog {
    Q_OBJECT
public:
    CalendarExportDialog(core::Store& store, CalendarExport::Format format,
                         const QDate& visibleFrom, const QDate& visibleTo,
                         QWidget* parent = nullptr);

    /// The range chosen; none for "everything".
    std::optional<std::pair<QDate, QDate>> range() const;
    /// The channel chosen; none for every channel (scheduler CSV only).
    std::optional<core::Id> channel() const;

    QRadioButton* visibleChoice() const { return m_visible; }
    QRadioButton* chosenChoice() const { return m_chosen; }
    QRadioButton* everythingChoice() const { return m_everything; }
    QDateEdit* fromField() const { return m_from; }
    QDateEdit* toField() const { return m_to; }
    QComboBox* channelField() const { return m_channel; }

    void accept() override;

private:
    QDate m_visibleFrom;
    QDate m_visibleTo;
    QRadioButton* m_visible;
    QRadioButton* m_chosen;
    QRadioButton* m_everything = nullptr;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_channel = nullptr;
    QLabel* m_error;
};

}  // namespace rapport::ui
