#pragma once

#include <optional>

#include "core/contactmerger.h"
#include "ui/storecommand.h"

namespace rapport::ui {

/// Merges one contact into another as one undo step (core::ContactMerger): the kept contact
/// takes every interaction, handle, tag and note of the other, which is removed. Undo puts both
/// back exactly as they were, with their own interactions.
class MergeContactsCommand : public StoreCommand {
public:
    MergeContactsCommand(UndoContext& context, core::Id keepId, core::Id otherId,
                         const QString& text, QUndoCommand* parent = nullptr);

    void apply() override;
    void revert() override;

private:
    core::Id m_keep;  ///< handles
    core::Id m_other;
    std::optional<core::MergeUndo> m_undo;
};

}  // namespace rapport::ui
