#pragma once

#include <QWidget>

#include <memory>
#include <optional>

#include "core/clock.h"
#include "core/entities.h"
#include "core/store.h"
#include "ui/turnrefresh.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QToolButton;

namespace rapport::core {
class ContactQuery;
class FollowUpQueue;
class StageSuggester;
}  // namespace rapport::core

namespace rapport::ui {

class LogInteractionDialog;
class UndoContext;

/// One contact in full: who they are, when they are next due and why, the stage with core's
/// suggestion (accepted in one click), their cadence, a planned follow-up, a snooze, and the
/// whole timeline of interactions, newest first. Every change is one undo step.
class ContactView : public QWidget {
    Q_OBJECT
public:
    ContactView(core::Store& store, UndoContext& undo, const core::Clock& clock,
                QWidget* parent = nullptr);
    ~ContactView() override;

    /// Shows this contact (0: none).
    void setContact(core::Id id);
    core::Id contactId() const { return m_contactId; }
    /// Reads the contact again.
    void refresh();

    /// Opens the log dialog (non-modal); OK logs the interaction as one undo step.
    LogInteractionDialog* logInteraction();
    /// Snoozes the contact until `until` (none wakes it).
    void snoozeUntil(std::optional<core::Date> until);

    QStandardItemModel* timeline() const { return m_timeline; }
    QComboBox* stageBox() const { return m_stage; }
    QPushButton* acceptSuggestionButton() const { return m_acceptSuggestion; }
    QLabel* suggestionLabel() const { return m_suggestionText; }
    QLabel* statusLabel() const { return m_status; }
    QComboBox* cadenceBox() const { return m_cadenceMode; }
    QSpinBox* cadenceDays() const { return m_cadenceDays; }
    QCheckBox* plannedCheck() const { return m_planned; }
    QDateEdit* plannedDate() const { return m_plannedDate; }

signals:
    /// The contact shown went away (removed, or an undo of its import).
    void contactGone();

private:
    void onChange(const core::Change& change);
    void fill(const core::Contact& contact);
    void fillTimeline();
    void applyCadence();
    void applyPlanned();
    /// Runs an edit, showing what core refused instead of throwing.
    void guarded(const std::function<void()>& edit);
    QToolButton* makeSnoozeButton();
    void snoozeToPickedDate();

    core::Store& m_store;
    UndoContext& m_undo;
    const core::Clock& m_clock;
    std::unique_ptr<core::ContactQuery> m_query;
    std::unique_ptr<core::FollowUpQueue> m_queue;
    std::unique_ptr<core::StageSuggester> m_suggester;
    core::Id m_contactId = 0;
    std::optional<core::Stage> m_suggested;
    bool m_filling = false;
    TurnRefresh m_turnRefresh{this, [this] { refresh(); }};

    QLabel* m_name;
    QLabel* m_facts;
    QLabel* m_status;
    QFrame* m_suggestion;
    QLabel* m_suggestionText;
    QPushButton* m_acceptSuggestion;
    QLabel* m_error;
    QComboBox* m_stage;
    QComboBox* m_cadenceMode;
    QSpinBox* m_cadenceDays;
    QCheckBox* m_planned;
    QDateEdit* m_plannedDate;
    QLabel* m_timelineTitle;
    QStandardItemModel* m_timeline;
    QListView* m_timelineView;
    QWidget* m_body;
    QLabel* m_empty;
    core::Subscription m_subscription;  // last, so it is released before the rest
};

}  // namespace rapport::ui
