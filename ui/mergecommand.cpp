#include "ui/mergecommand.h"

#include "ui/idmap.h"

namespace rapport::ui {

MergeContactsCommand::MergeContactsCommand(UndoContext& context, core::Id keepId, core::Id otherId,
                                           const QString& text, QUndoCommand* parent)
    : StoreCommand(context, text, parent),
      m_keep(ids().handleFor(core::Entity::Contact, keepId)),
      m_other(ids().handleFor(core::Entity::Contact, otherId)) {}

void MergeContactsCommand::apply() {
    core::ContactMerger merger{store()};
    m_undo = merger.merge(ids().resolve(core::Entity::Contact, m_keep),
                          ids().resolve(core::Entity::Contact, m_other));
}

void MergeContactsCommand::revert() {
    if (!m_undo) {
        return;
    }
    core::ContactMerger merger{store()};
    // unmerge() puts the other contact back under the id it had; the handles stay right.
    merger.unmerge(*m_undo);
    m_undo.reset();
}

}  // namespace rapport::ui
