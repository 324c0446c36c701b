#include "ui/storecommand.h"

#include <QCoreApplication>

#include <exception>

#include "ui/displaytext.h"
#include "ui/undocontext.h"

namespace rapport::ui {

StoreCommand::StoreCommand(UndoContext& context, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_context(context) {}

core::Store& StoreCommand::store() const {
    return m_context.store();
}

IdMap& StoreCommand::ids() const {
    return m_context.ids();
}

void StoreCommand::redo() {
    if (m_skipNextRedo) {
        m_skipNextRedo = false;
        return;
    }
    run(true);
}

void StoreCommand::undo() {
    run(false);
}

void StoreCommand::run(bool forward) {
    try {
        if (forward) {
            apply();
        } else {
            revert();
        }
    } catch (const std::exception& e) {
        // QUndoStack drops an obsolete command once this returns, so the stack keeps matching
        // what the workspace holds.
        setObsolete(true);
        const QString sentence = forward ? QCoreApplication::translate("rapport::ui::StoreCommand",
                                                                       "Could not redo “%1”: %2")
                                         : QCoreApplication::translate("rapport::ui::StoreCommand",
                                                                       "Could not undo “%1”: %2");
        m_context.reportFailure(sentence.arg(text(), qs(e.what())));
    }
}

}  // namespace rapport::ui
