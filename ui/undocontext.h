#pragma once

#include <QObject>

#include <memory>

#include "core/store.h"
#include "ui/idmap.h"

class QUndoStack;

namespace rapport::ui {

class StoreCommand;

/// Where the pages' edits go: the open workspace, the main window's one undo stack, and the
/// handles that keep commands pointing at records whose ids change on redo. One lives per open
/// workspace; the stack is cleared before it goes.
class UndoContext : public QObject {
    Q_OBJECT
public:
    UndoContext(core::Store& store, QUndoStack* stack, QObject* parent = nullptr);

    core::Store& store() const { return m_store; }
    QUndoStack* stack() const { return m_stack; }
    IdMap& ids() { return m_ids; }

    /// Makes the edit now and, when it worked, puts it on the stack as one undo step. An edit
    /// the store refuses throws (core::ValidationError naming the field) before anything is
    /// pushed, so a form can show the problem next to the field and stay open.
    void perform(std::unique_ptr<StoreCommand> command);

    /// An undo or redo failed: the store refused it and was left as it was.
    void reportFailure(const QString& sentence);

signals:
    /// After perform(): the edit was made; `text` is the command's, like "Delete goal “X”".
    void performed(const QString& text);
    void failed(const QString& sentence);

private:
    core::Store& m_store;
    QUndoStack* m_stack;
    IdMap m_ids;
};

}  // namespace rapport::ui
