#pragma once

#include "ui/commandid.h"
#include "ui/idmap.h"
#include "ui/records.h"
#include "ui/storecommand.h"

namespace rapport::ui {

/// Adds one record; undo removes it again. A redo re-adds it under the id it first had, unless
/// something else took that id meanwhile: then it takes a new one and tells the IdMap, so the
/// commands after it on the stack still find it.
template <class T>
class AddRecord : public StoreCommand {
public:
    static constexpr core::Entity kEntity = RecordKind<T>::entity;

    AddRecord(UndoContext& context, T record, const QString& text, QUndoCommand* parent = nullptr)
        : StoreCommand(context, text, parent), m_record(std::move(record)) {
        m_record.id = 0;
        mapReferences(m_record,
                      [this](core::Entity e, core::Id ref) { return ids().handleFor(e, ref); });
    }

    int id() const override { return AddRecordCommand; }

    /// The record as it will be added, its references as handles; a parent command may fill
    /// in a reference before the first apply().
    T& record() { return m_record; }
    /// The handle of the added record; 0 before the first apply().
    core::Id handle() const { return m_handle; }
    /// The id the record has now (or had, while undone).
    core::Id recordId() const { return ids().resolve(kEntity, m_handle); }

    void apply() override {
        T r = m_record;
        mapReferences(r, [this](core::Entity e, core::Id h) { return ids().resolve(e, h); });
        if (m_handle == 0) {
            store().add(r);
            m_handle = ids().handleFor(kEntity, r.id);
            return;
        }
        const core::Id wanted = ids().resolve(kEntity, m_handle);
        r.id = store().template find<T>(wanted) ? 0 : wanted;
        store().add(r);
        ids().moved(kEntity, wanted, r.id);
    }

    void revert() override { store().template remove<T>(ids().resolve(kEntity, m_handle)); }

private:
    T m_record;
    core::Id m_handle = 0;
};

}  // namespace rapport::ui
