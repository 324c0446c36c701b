#include "ui/idmap.h"

namespace rapport::ui {

core::Id IdMap::handleFor(core::Entity entity, core::Id current) {
    if (current == 0) {
        return 0;
    }
    for (const auto& [key, id] : m_current) {
        if (key.first == entity && id == current) {
            return key.second;
        }
    }
    if (m_current.contains({entity, current})) {
        // This id is already a handle for a record that moved away: the record under it now is
        // another one, and needs a handle of its own.
        const core::Id token = m_nextToken--;
        m_current[{entity, token}] = current;
        return token;
    }
    return current;
}

core::Id IdMap::resolve(core::Entity entity, core::Id handle) const {
    const auto it = m_current.find({entity, handle});
    return it == m_current.end() ? handle : it->second;
}

void IdMap::moved(core::Entity entity, core::Id from, core::Id to) {
    if (from == to) {
        return;
    }
    bool followed = false;
    for (auto& [key, id] : m_current) {
        if (key.first == entity && id == from) {
            id = to;
            followed = true;
        }
    }
    if (!followed && !m_current.contains({entity, from})) {
        m_current[{entity, from}] = to;
    }
}

void IdMap::clear() {
    m_current.clear();
    m_nextToken = -1;
}

}  // namespace rapport::ui
