#pragma once

#include <map>
#include <utility>

#include "core/store.h"

namespace rapport::ui {

/// Keeps undo commands pointing at the right records when a redo has to re-create one under
/// another id. Commands hold handles, never raw ids: a handle is the record's id when the
/// command was made, and resolve() turns it into the id the record has now. A record re-added
/// under a new id (its old one was taken meanwhile, say by a post made outside the undo stack)
/// is announced with moved(), and every handle that named it follows.
class IdMap {
public:
    /// The handle for the record shown now under `current`.
    core::Id handleFor(core::Entity entity, core::Id current);
    /// The id the record named by `handle` has now.
    core::Id resolve(core::Entity entity, core::Id handle) const;
    /// The record known as `from` now lives under `to`.
    void moved(core::Entity entity, core::Id from, core::Id to);
    void clear();

private:
    using Key = std::pair<core::Entity, core::Id>;
    // Only handles whose record moved (or that had to be made up) are here; any other handle
    // is the id itself.
    std::map<Key, core::Id> m_current;
    // Made-up handles are negative, so they can never be mistaken for an id.
    core::Id m_nextToken = -1;
};

}  // namespace rapport::ui
