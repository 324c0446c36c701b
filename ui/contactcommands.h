#pragma once
// The edits of the Relationships page as undo steps: log an interaction, set a stage, a
// cadence, a planned follow-up or a snooze, and mark a follow-up done. Logging and marking done
// go through core (the nurture engine), which may change the contact (an outbound touch clears
// its planned date and snooze) and its enrollments (a reply qualifies, a step moves on); so
// like PostEditCommand, one command keeps the contact and its enrollments as they were, runs
// the action, and on undo puts them back and removes the interactions the action added.

#include <QString>

#include <functional>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/entities.h"
#include "core/followupqueue.h"
#include "ui/storecommand.h"

namespace rapport::ui {

class UndoContext;

class ContactEditCommand : public StoreCommand {
public:
    /// Changes the contact with this id; returns the interactions it added.
    using Action = std::function<std::vector<core::Id>(core::Store&, core::Id contactId)>;

    ContactEditCommand(UndoContext& context, const QString& text, core::Id contactId, Action action,
                       QUndoCommand* parent = nullptr);

    void apply() override;
    void revert() override;

    /// The contact's id now.
    core::Id contactId() const;
    /// The interactions the last apply() added.
    const std::vector<core::Id>& added() const { return m_added; }

private:
    core::Id m_handle = 0;
    Action m_action;
    std::optional<core::Contact> m_contact;
    std::vector<core::Enrollment> m_enrollments;
    std::vector<core::Id> m_added;
};

// Each is one undo step through UndoContext::perform; each throws (core::ValidationError)
// with nothing changed when the store refuses.

/// Logs `interaction` (through the nurture engine, so a reply may qualify an enrollment).
/// Returns the new interaction's id.
core::Id logInteraction(UndoContext& undo, const core::Clock& clock, core::Interaction interaction);
void setStage(UndoContext& undo, core::Id contactId, core::Stage stage);
/// `days` none and `never` false: the stage's cadence applies again.
void setCadence(UndoContext& undo, core::Id contactId, std::optional<int> days, bool never);
void planFollowUp(UndoContext& undo, core::Id contactId, std::optional<core::Date> on);
void snooze(UndoContext& undo, core::Id contactId, std::optional<core::Date> until);
/// Marks a queue item done: a due sequence step is marked done in its enrollment (logging the
/// step's interaction); otherwise an outbound touch is logged now (a reply when one is owed).
void markDone(UndoContext& undo, const core::Clock& clock, const core::FollowUpItem& item);

/// The interaction logged when a follow-up without a sequence step is marked done.
core::InteractionKind doneKind(const core::FollowUpStatus& status);

}  // namespace rapport::ui
