#pragma once

#include "core/clock.h"
#include "ui/page.h"

class QLabel;
class QListView;
class QPushButton;
class QStandardItemModel;

namespace rapport::ui {

class EnrollmentBoard;
class FunnelChart;
class UndoContext;

/// Nurture sequences: the two phases of each (build the relationship, then share what you
/// have) with the gate between them, its funnel, and every enrollment on a board by state.
class SequencesPage : public Page {
    Q_OBJECT
public:
    SequencesPage(core::Store& store, UndoContext& undo, const core::Clock& clock,
                  QWidget* parent = nullptr);

    QListView* list() const { return m_list; }
    EnrollmentBoard* board() const { return m_board; }
    FunnelChart* funnel() const { return m_funnel; }
    QString summaryText() const;

    bool selectSequence(core::Id id);
    core::Id selectedSequence() const;

    /// Opens the editor for a new sequence (template chosen there) or the selected one.
    void newSequence();
    void editSequence();
    /// Deletes a sequence and its enrollments as one undo step, without asking.
    void removeSequence(core::Id id);
    /// Picks contacts from a filtered list, then enrolls them in the selected sequence.
    void enrollContacts();

protected:
    void rebuild() override;

private:
    void showSelected();
    void askRemove();

    UndoContext& m_undo;
    const core::Clock& m_clock;
    QStandardItemModel* m_model;
    QListView* m_list;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QLabel* m_name;
    QLabel* m_about;
    QLabel* m_summary;
    QWidget* m_detail;
    QLabel* m_empty;
    FunnelChart* m_funnel;
    EnrollmentBoard* m_board;
    core::Id m_selected = 0;
    bool m_rebuilding = false;
};

}  // namespace rapport::ui
