#pragma once

#include <QDialog>

#include "core/clock.h"
#include "core/store.h"

class QDateEdit;
class QLabel;
class QLineEdit;

namespace rapport::ui {

/// File ▸ Weekly review…: asks for the week (any day in it) and where the PDF and, optionally,
/// the HTML go, then writes the review (goals, the week's posts and their results,
/// conversations, follow-ups done and missed, sequence progress, with the charts). A file it
/// could not write is named in a sentence and the form stays open.
class WeeklyReviewDialog : public QDialog {
    Q_OBJECT
public:
    WeeklyReviewDialog(core::Store& store, const core::Clock& clock, QWidget* parent = nullptr);

    QDateEdit* day() const { return m_day; }
    QLineEdit* pdfPath() const { return m_pdf; }
    QLineEdit* htmlPath() const { return m_html; }
    QLabel* problem() const { return m_problem; }

    void accept() override;

private:
    void updateWeek();

    core::Store& m_store;
    const core::Clock& m_clock;
    QDateEdit* m_day;
    QLabel* m_week;
    QLineEdit* m_pdf;
    QLineEdit* m_html;
    QLabel* m_problem;
};

}  // namespace rapport::ui
