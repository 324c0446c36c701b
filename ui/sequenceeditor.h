#pragma once

#include <QDialog>
#include <QTableWidget>

#include <optional>
#include <vector>

#include "core/entities.h"
#include "core/errors.h"
#include "core/store.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace rapport::ui {

class FormErrors;
class UndoContext;

/// The steps of one phase as rows: the action, the interaction it logs, an optional channel and
/// the delay in days. Small by nature (a handful of steps), so cells hold their editors.
class StepTable : public QTableWidget {
    Q_OBJECT
public:
    StepTable(core::Store& store, int phase, QWidget* parent = nullptr);

    void setSteps(const std::vector<core::SequenceStep>& steps);
    /// The rows as steps of this phase, positions 0, 1, ... in row order.
    std::vector<core::SequenceStep> steps() const;

    int addStep(const core::SequenceStep& step);
    void removeCurrent();
    void moveCurrent(int by);
    /// Sets a row's delay (for tests and keyboard users).
    void setDelay(int row, int days);
    void setAction(int row, const QString& action);

    QSize sizeHint() const override;

private:
    core::SequenceStep stepAt(int row) const;
    void fillRow(int row, const core::SequenceStep& step);

    int m_phase;
    std::vector<std::pair<QString, core::Id>> m_channels;
};

/// A nurture sequence in its two phases: phase 1 builds the relationship, the gate says what
/// earns phase 2, phase 2 shares what you have. A new one starts from a template. Save is one
/// undo step; a value core refuses is said next to its field and nothing is saved.
class SequenceEditor : public QDialog {
    Q_OBJECT
public:
    SequenceEditor(UndoContext& undo, std::optional<core::Sequence> sequence,
                   QWidget* parent = nullptr);

    /// Fills the form from template `index` of sequenceTemplates().
    void applyTemplate(int index);
    core::Sequence values() const;
    FormErrors* errors() const { return m_errors; }
    core::Id savedId() const { return m_savedId; }
    StepTable* steps(int phase) const { return phase == 1 ? m_phase1 : m_phase2; }

public slots:
    void accept() override;

private:
    void fill(const core::Sequence& s);
    /// Shows a problem core found; steps[i] errors go to their phase.
    void show(const core::ValidationError& e, std::size_t phase1Count);
    QWidget* phasePanel(int phase, StepTable* table, QWidget* extra);

    UndoContext& m_undo;
    std::optional<core::Sequence> m_original;
    core::Id m_savedId = 0;

    QComboBox* m_template = nullptr;
    QLineEdit* m_name;
    QComboBox* m_niche;
    QPlainTextEdit* m_description;
    StepTable* m_phase1;
    StepTable* m_phase2;
    QSpinBox* m_minInbound;
    QLineEdit* m_assetTitle;
    QLineEdit* m_assetLink;
    QLabel* m_general;
    FormErrors* m_errors;
};

}  // namespace rapport::ui
