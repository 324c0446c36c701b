#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

#include <array>
#include <functional>
#include <vector>

#include "core/clock.h"
#include "core/entities.h"
#include "core/store.h"

class QLabel;
class QListView;
class QPushButton;
class QStandardItemModel;

namespace rapport::ui {

class UndoContext;

/// Draws an enrollment as a card: the contact's name over its state's lines (the next step and
/// when it is due, or why it waits), each wrapped to the column's width.
class CardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

/// Every enrollment of one sequence on a board, a column per state (active, waiting, qualified,
/// completed, converted, exited). The selected card's due step can be marked done (which logs
/// the touch) or skipped, its enrollment ended with a reason, or its gate opened with one; each
/// is one undo step made by the nurture engine.
class EnrollmentBoard : public QWidget {
    Q_OBJECT
public:
    static constexpr int kColumns = 6;

    EnrollmentBoard(UndoContext& undo, const core::Clock& clock, QWidget* parent = nullptr);

    void setSequence(core::Id sequenceId);
    core::Id sequenceId() const { return m_sequenceId; }
    /// Reads the enrollments again, keeping the selected card selected.
    void reload();

    /// The cards of a state's column, top to bottom, as enrollment ids; the column's header.
    std::vector<core::Id> cards(core::EnrollmentState state) const;
    QString columnTitle(core::EnrollmentState state) const;
    /// A card's text: the name, then its lines, one a line.
    QString cardText(core::Id enrollmentId) const;

    bool select(core::Id enrollmentId);
    core::Id selected() const;

    // The actions on one enrollment; each one undo step. False (with the sentence shown in
    // the board's status line) when the engine refuses.
    bool markDone(core::Id enrollmentId);
    bool skip(core::Id enrollmentId);
    bool exitEnrollment(core::Id enrollmentId, const QString& reason);
    bool overrideGate(core::Id enrollmentId, const QString& reason);
    QString statusText() const;

signals:
    /// The user asked to enroll people in the sequence shown.
    void enrollRequested();

private:
    QListView* viewOf(core::EnrollmentState state) const;
    void updateButtons();
    bool run(core::Id enrollmentId, const QString& text,
             const std::function<void(core::Store&, core::Id)>& change);
    void askExit();
    void askOverride();

    UndoContext& m_undo;
    const core::Clock& m_clock;
    core::Id m_sequenceId = 0;
    std::array<QStandardItemModel*, kColumns> m_models{};
    std::array<QListView*, kColumns> m_views{};
    std::array<QLabel*, kColumns> m_titles{};
    QPushButton* m_done;
    QPushButton* m_skip;
    QPushButton* m_exit;
    QPushButton* m_override;
    QLabel* m_status;
};

}  // namespace rapport::ui
