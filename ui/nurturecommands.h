#pragma once
// The undo steps of the Sequences page. The nurture engine makes each change (so the page and
// the command line follow the same rules); these commands take a snapshot of what it touched
// before and after, so undo puts the workspace back exactly and redo writes the result again
// under the same ids.

#include <functional>
#include <optional>
#include <vector>

#include "core/entities.h"
#include "ui/storecommand.h"

namespace rapport::ui {

/// One change the engine makes to enrollments: enrol, mark done, skip, exit, open the gate.
/// `change` runs once, on the first apply, inside one transaction; `enrollments` and
/// `contacts` are the records it may update (enrollments it adds and interactions it logs are
/// found by themselves).
class EnrollmentChange : public StoreCommand {
public:
    using Change = std::function<void(core::Store&)>;

    EnrollmentChange(UndoContext& context, const QString& text, Change change,
                     std::vector<core::Id> enrollments, std::vector<core::Id> contacts);

    void apply() override;
    void revert() override;

    /// The enrollments the change added (their ids now), for tests.
    std::vector<core::Id> added() const;

private:
    Change m_change;
    bool m_done = false;
    std::vector<core::Id> m_enrollmentIds;
    std::vector<core::Id> m_contactIds;
    std::vector<core::Enrollment> m_before;
    std::vector<core::Enrollment> m_after;  ///< the touched ones and the added ones
    std::vector<core::Id> m_addedIds;
    std::vector<core::Contact> m_contactsBefore;
    std::vector<core::Contact> m_contactsAfter;
    std::vector<core::Interaction> m_logged;
};

/// Adds, edits or deletes one sequence, with its enrollments. Undo and redo write the whole
/// sequence back under its ids (its steps' too), so enrollments keep pointing at their step.
class SequenceChange : public StoreCommand {
public:
    /// `before` none: a new sequence; `after` none: delete it (and its enrollments).
    SequenceChange(UndoContext& context, const QString& text, std::optional<core::Sequence> before,
                   std::optional<core::Sequence> after);

    void apply() override;
    void revert() override;

    /// The sequence's id now (0 when deleted).
    core::Id sequenceId() const;

private:
    struct Snapshot {
        std::optional<core::Sequence> sequence;
        std::vector<core::Enrollment> enrollments;
    };
    Snapshot read(core::Id id);
    void write(const Snapshot& from, const Snapshot& to);

    std::optional<core::Sequence> m_target;
    bool m_done = false;
    core::Id m_id = 0;
    Snapshot m_before;
    Snapshot m_after;
};

}  // namespace rapport::ui
