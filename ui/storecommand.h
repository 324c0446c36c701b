#pragma once

#include <QUndoCommand>

#include "core/store.h"

namespace rapport::ui {

class IdMap;
class UndoContext;

/// An undoable change to the workspace. Subclasses say how to make it (apply) and unmake it
/// (revert); each either completes or throws with the store left as it was. An undo or redo
/// the store refuses (a channel that meanwhile got posts cannot be removed again) is reported
/// as a sentence and the command leaves the stack, rather than leaving the stack out of step
/// with the workspace.
class StoreCommand : public QUndoCommand {
public:
    StoreCommand(UndoContext& context, const QString& text, QUndoCommand* parent = nullptr);

    void redo() final;
    void undo() final;

    virtual void apply() = 0;
    virtual void revert() = 0;

    /// The next redo() is the push of an edit apply() already made.
    void skipNextRedo() { m_skipNextRedo = true; }

protected:
    UndoContext& context() const { return m_context; }
    core::Store& store() const;
    IdMap& ids() const;

private:
    void run(bool forward);

    UndoContext& m_context;
    bool m_skipNextRedo = false;
};

}  // namespace rapport::ui
