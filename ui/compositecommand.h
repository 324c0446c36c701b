#pragma once

#include "ui/storecommand.h"

namespace rapport::ui {

/// An edit of many parts as one undo step: its children (StoreCommands made with this as their
/// parent) are applied in order and reverted in reverse order, all inside one store
/// transaction, so the workspace never holds half of it.
class CompositeCommand : public StoreCommand {
public:
    CompositeCommand(UndoContext& context, const QString& text, QUndoCommand* parent = nullptr);

    int id() const override;

    void apply() override;
    void revert() override;

protected:
    StoreCommand* part(int index) const;
};

}  // namespace rapport::ui
