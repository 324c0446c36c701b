#include "ui/undocontext.h"

#include <QUndoStack>

#include "ui/storecommand.h"

namespace rapport::ui {

UndoContext::UndoContext(core::Store& store, QUndoStack* stack, QObject* parent)
    : QObject(parent), m_store(store), m_stack(stack) {}

void UndoContext::perform(std::unique_ptr<StoreCommand> command) {
    command->apply();
    // Done once here; the push must not do it a second time.
    command->skipNextRedo();
    const QString text = command->text();
    m_stack->push(command.release());
    emit performed(text);
}

void UndoContext::reportFailure(const QString& sentence) {
    emit failed(sentence);
}

}  // namespace rapport::ui
