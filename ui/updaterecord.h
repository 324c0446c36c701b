#pragma once

#include "ui/commandid.h"
#include "ui/idmap.h"
#include "ui/records.h"
#include "ui/storecommand.h"

namespace rapport::ui {

/// Replaces one record's values; undo puts the old ones back. The generic "change value"
/// command of these pages: every edit of a goal, niche, channel or campaign is one of these,
/// whatever fields it touched, so one dialog's OK is one undo step.
template <class T>
class UpdateRecord : public StoreCommand {
public:
    static constexpr core::Entity kEntity = RecordKind<T>::entity;

    UpdateRecord(UndoContext& context, T before, T after, const QString& text,
                 QUndoCommand* parent = nullptr)
        : StoreCommand(context, text, parent),
          m_before(std::move(before)),
          m_after(std::move(after)) {
        const auto toHandle = [this](core::Entity e, core::Id ref) {
            return ids().handleFor(e, ref);
        };
        m_handle = ids().handleFor(kEntity, m_before.id);
        mapReferences(m_before, toHandle);
        mapReferences(m_after, toHandle);
    }

    int id() const override { return UpdateRecordCommand; }

    const T& before() const { return m_before; }
    const T& after() const { return m_after; }

    void apply() override { write(m_after); }
    void revert() override { write(m_before); }

private:
    void write(const T& values) {
        T r = values;
        r.id = ids().resolve(kEntity, m_handle);
        mapReferences(r, [this](core::Entity e, core::Id h) { return ids().resolve(e, h); });
        store().update(r);
    }

    T m_before;
    T m_after;
    core::Id m_handle = 0;
};

}  // namespace rapport::ui
