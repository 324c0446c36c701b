#pragma once

#include <QDialog>

#include <optional>

#include "core/clock.h"
#include "core/entities.h"

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace rapport::ui {

class FormErrors;
class UndoContext;

/// The form for a goal, new or existing, with every field of it. OK saves it as one undo step;
/// a value the domain refuses (a target equal to the baseline, a deadline before the start, no
/// title) is said next to its field, nothing is saved, and the form stays open.
class GoalDialog : public QDialog {
    Q_OBJECT
public:
    GoalDialog(UndoContext& undo, const core::Clock& clock, std::optional<core::Goal> goal,
               QWidget* parent = nullptr);

    /// The goal as the form has it now.
    core::Goal values() const;
    FormErrors* errors() const { return m_errors; }
    /// The goal's id once saved.
    core::Id savedId() const { return m_savedId; }

public slots:
    void accept() override;

private:
    void fill(const core::Goal& goal);
    void onMetricChanged();
    void updateNow();
    bool isManual() const;

    UndoContext& m_undo;
    const core::Clock& m_clock;
    std::optional<core::Goal> m_original;
    core::Id m_savedId = 0;
    bool m_baselineTouched = false;
    bool m_targetTouched = false;
    bool m_filling = false;

    QLineEdit* m_title;
    QPlainTextEdit* m_why;
    QComboBox* m_metric;
    QLabel* m_metricHelp;
    QFrame* m_vanity;
    QComboBox* m_niche;
    QLabel* m_computedNow;
    QDoubleSpinBox* m_current;
    QDoubleSpinBox* m_baseline;
    QDoubleSpinBox* m_target;
    QDateEdit* m_start;
    QDateEdit* m_deadline;
    QComboBox* m_status;
    QLabel* m_general;
    FormErrors* m_errors;
};

}  // namespace rapport::ui
