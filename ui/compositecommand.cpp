#include "ui/compositecommand.h"

#include "ui/commandid.h"

namespace rapport::ui {

CompositeCommand::CompositeCommand(UndoContext& context, const QString& text, QUndoCommand* parent)
    : StoreCommand(context, text, parent) {}

int CompositeCommand::id() const {
    return CompositeCommandId;
}

StoreCommand* CompositeCommand::part(int index) const {
    // Every child is made by this layer as a StoreCommand.
    return static_cast<StoreCommand*>(const_cast<QUndoCommand*>(child(index)));
}

void CompositeCommand::apply() {
    store().transaction([this] {
        for (int i = 0; i < childCount(); ++i) {
            part(i)->apply();
        }
    });
}

void CompositeCommand::revert() {
    store().transaction([this] {
        for (int i = childCount() - 1; i >= 0; --i) {
            part(i)->revert();
        }
    });
}

}  // namespace rapport::ui
