#pragma once

#include <QWidget>

#include <optional>

#include "core/clock.h"
#include "core/store.h"

class QDateEdit;
class QLabel;
class QPushButton;
class QToolButton;
class QTreeView;

namespace rapport::ui {

class FollowUpQueueModel;
class UndoContext;

/// The follow-up queue ("Today"): Overdue, Today and This week, each contact with its reasons,
/// the days since the last touch and the losing-touch flag; mark done, snooze or open the
/// selected contact. A date picker shows the queue of any day.
class FollowUpQueueView : public QWidget {
    Q_OBJECT
public:
    FollowUpQueueView(core::Store& store, UndoContext& undo, const core::Clock& clock,
                      QWidget* parent = nullptr);

    FollowUpQueueModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QDateEdit* dayEdit() const { return m_day; }

    /// Shows the queue of `day`; an invalid date: today's, following the clock.
    void showDay(const QDate& day);
    /// Selects a contact's row; false when the contact is not in the queue.
    bool select(core::Id contactId);
    /// The contact of the selected row, or 0.
    core::Id selectedContact() const;

    /// On the selected contact; each is one undo step.
    void markSelectedDone();
    void snoozeSelected(std::optional<core::Date> until);

signals:
    void openContact(core::Id id);

private:
    void updateButtons();
    void expandAll();
    void onRefreshed();

    UndoContext& m_undo;
    const core::Clock& m_clock;
    FollowUpQueueModel* m_model;
    QTreeView* m_view;
    QDateEdit* m_day;
    QPushButton* m_todayButton;
    QPushButton* m_done;
    QToolButton* m_snooze;
    QPushButton* m_open;
    QLabel* m_empty;
    QLabel* m_error;
    core::Id m_keepSelected = 0;
};

}  // namespace rapport::ui
