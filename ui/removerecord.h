#pragma once

#include "ui/commandid.h"
#include "ui/dependents.h"
#include "ui/idmap.h"
#include "ui/records.h"
#include "ui/storecommand.h"

namespace rapport::ui {

/// Deletes one record; undo adds it back under the same id when that id is still free (and
/// under a new one, told to the IdMap, when not), and points the records that referred to it
/// at it again: a niche's goals, contacts and posts, a goal's campaigns, a channel's niches.
template <class T>
class RemoveRecord : public StoreCommand {
public:
    static constexpr core::Entity kEntity = RecordKind<T>::entity;

    RemoveRecord(UndoContext& context, core::Id id, const QString& text,
                 QUndoCommand* parent = nullptr)
        : StoreCommand(context, text, parent), m_handle(ids().handleFor(kEntity, id)) {}

    int id() const override { return RemoveRecordCommand; }

    void apply() override {
        const core::Id current = ids().resolve(kEntity, m_handle);
        // Read as it is now, not as it was when the command was made: redo after undo sees the
        // record the undo put back.
        m_record = store().template get<T>(current);
        mapReferences(m_record,
                      [this](core::Entity e, core::Id ref) { return ids().handleFor(e, ref); });
        m_dependents = Dependents::of(store(), ids(), kEntity, current);
        store().template remove<T>(current);
    }

    void revert() override {
        store().transaction([this] {
            T r = m_record;
            mapReferences(r, [this](core::Entity e, core::Id h) { return ids().resolve(e, h); });
            const core::Id wanted = ids().resolve(kEntity, m_handle);
            r.id = store().template find<T>(wanted) ? 0 : wanted;
            store().add(r);
            ids().moved(kEntity, wanted, r.id);
            m_dependents.restore(store(), ids(), r.id);
        });
    }

private:
    core::Id m_handle;
    T m_record{};
    Dependents m_dependents;
};

}  // namespace rapport::ui
