#pragma once

#include <QWidget>

#include "core/clock.h"
#include "core/entities.h"

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace rapport::ui {

class GoalDialog;
class GoalTableModel;
class UndoContext;

/// The Goals tab: every goal with its current value, progress, pace and forecast; the selected
/// goal's details below; and, for a vanity metric, the note and the one-click change to a
/// relationship metric.
class GoalsTab : public QWidget {
    Q_OBJECT
public:
    GoalsTab(UndoContext& undo, const core::Clock& clock, QWidget* parent = nullptr);

    GoalTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLabel* details() const { return m_details; }
    QFrame* vanityCard() const { return m_vanity; }
    QLineEdit* conversionTitle() const { return m_convertTitle; }
    QSpinBox* conversionTarget() const { return m_convertTarget; }
    QPushButton* conversionButton() const { return m_convertButton; }

    /// The selected goal's id, or 0.
    core::Id currentId() const;
    void select(core::Id id);

    /// Opens the goal form (window-modal, not blocking) and returns it.
    GoalDialog* newGoal();
    GoalDialog* editGoal(core::Id id);
    void deleteGoal(core::Id id);
    /// The vanity card's one click: the goal counts relationships from today on, under the
    /// title and target in the card, as one undo step. False (and a message in the card) when
    /// the store refuses.
    bool convertToRelationships(core::Id id);

private:
    void updateDetails();
    void fitTable();
    QString detailsHtml(int row) const;
    void prepareConversion(const core::Goal& goal);
    core::Goal convertedGoal(const core::Goal& goal) const;
    void suggestTitle();

    UndoContext& m_undo;
    const core::Clock& m_clock;
    GoalTableModel* m_model;
    QTableView* m_view;
    QLabel* m_empty;
    QLabel* m_details;
    QFrame* m_vanity;
    QLabel* m_vanityPlan;
    QLineEdit* m_convertTitle;
    QSpinBox* m_convertTarget;
    QPushButton* m_convertButton;
    QLabel* m_convertError;
    QPushButton* m_edit;
    QPushButton* m_delete;
    core::Id m_preparedFor = 0;
    core::Id m_keepSelected = 0;  // across a model reset
    QString m_suggestedTitle;     // the card's own title, replaced while the user keeps it
};

}  // namespace rapport::ui
